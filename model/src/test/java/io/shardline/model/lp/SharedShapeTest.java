package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A series' first line may take the field shape (sorted layout, permutation, types) of the line before when its
 * raw field keys are the same, and measurements and tag keys come from the parser's string caches: a body parsed
 * by one parser gives the same points and errors as each of its lines parsed by a fresh parser, whatever the
 * mix of new and known series, field orders, duplicate keys, empty values, escapes and types.
 */
class SharedShapeTest {

    private static final long NOW = 1_700_000_000_000_000_000L;
    private static final String[] MEASUREMENTS = {"cpu", "mem", "disk\\ io", "m\\,1"};
    private static final String[] TAG_KEYS = {"host", "region", "r\\=k", "zone"};
    private static final String[] FIELD_KEYS = {"usage_user", "usage_system", "x", "a\\ b", "idle"};
    private static final String[] VALUES = {"1", "2.5", "-3i", "4u", "true", "\"s\"", "", "F", "1e3"};

    @Test
    void oneParserForABodyGivesWhatAFreshParserPerLineGives() {
        long seed = System.nanoTime();
        System.out.println("SharedShapeTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            List<String> lines = new ArrayList<>();
            int series = 1 + random.nextInt(40);
            for (int i = 0; i < 200; i++) {
                lines.add(line(random, random.nextInt(series), i));
            }
            String body = String.join("\n", lines);
            ParseResult whole = new LineProtocolParser().parse(body.getBytes(StandardCharsets.UTF_8),
                    Precision.NANOSECONDS, NOW);
            List<Point> points = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (String line : lines) {
                ParseResult one = new LineProtocolParser().parse(line.getBytes(StandardCharsets.UTF_8),
                        Precision.NANOSECONDS, NOW);
                points.addAll(one.points());
                errors.addAll(one.errors());
            }
            assertThat(whole.points()).as("seed %d round %d", seed, round).isEqualTo(points);
            assertThat(whole.errors()).as("seed %d round %d", seed, round).isEqualTo(errors);
        }
    }

    // Series number `s` fixes measurement and tags; field keys come from a small pool, often in the same order.
    private static String line(Random random, int s, int time) {
        StringBuilder b = new StringBuilder(MEASUREMENTS[s % MEASUREMENTS.length]);
        for (int t = 0; t < 1 + s % TAG_KEYS.length; t++) {
            b.append(',').append(TAG_KEYS[t]).append("=v").append(s);
        }
        b.append(' ');
        int fields = 1 + random.nextInt(3);
        int first = random.nextInt(4) == 0 ? random.nextInt(FIELD_KEYS.length) : 0;
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                b.append(',');
            }
            String key = random.nextInt(10) == 0 ? FIELD_KEYS[random.nextInt(FIELD_KEYS.length)]
                    : FIELD_KEYS[(first + f) % FIELD_KEYS.length];
            String value = random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)] : VALUES[f % 2];
            b.append(key).append('=').append(value);
        }
        return b.append(' ').append(time).toString();
    }
}
