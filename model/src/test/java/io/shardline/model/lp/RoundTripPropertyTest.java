package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** parse(format(p)) == p for random points with nasty keys and values; seeded, seed printed. */
class RoundTripPropertyTest {

    private static final long NOW = 1_600_000_000_000_000_000L;

    @Test
    void formattedPointsParseBackEqual() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("RoundTripPropertyTest seed=" + seed + " (rerun with -Dshardline.seed=" + seed + ")");
        PointGenerator gen = new PointGenerator(new Random(seed));
        LineProtocolParser parser = new LineProtocolParser();
        List<Point> batch = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Point p = gen.next();
            String line = LineProtocolWriter.toLine(p);
            ParseResult r = parser.parse(line.getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, NOW);
            assertThat(r.errors()).as("seed %d line %s", seed, line).isEmpty();
            assertThat(r.points()).as("seed %d line %s", seed, line).containsExactly(p);
            batch.add(p);
        }
        byte[] body = LineProtocolWriter.toBody(batch);
        ParseResult all = parser.parse(body, Precision.NANOSECONDS, NOW);
        assertThat(all.errors()).as("seed %d", seed).isEmpty();
        assertThat(all.points()).as("seed %d", seed).isEqualTo(batch);
        Random random = new Random(seed);
        assertThat(StreamingParseTest.randomChunks(parser, body, random)).isEqualTo(all);
    }
}
