package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming front end gives exactly the whole-body result, wherever the chunks are cut. */
class StreamingParseTest {

    private static final long NOW = LineProtocolVectorsTest.NOW;

    static List<LpVectors.Vector> vectors() {
        return LpVectors.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyByteBoundaryAndOneByteChunks(LpVectors.Vector v) {
        LineProtocolParser parser = new LineProtocolParser();
        byte[] body = v.body();
        ParseResult whole = parser.parse(body, v.precision(), NOW);
        for (int cut = 0; cut <= body.length; cut++) {
            assertThat(streamed(parser, body, v.precision(), cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(inChunksOf(parser, body, v.precision(), 1)).isEqualTo(whole);
    }

    @Test
    void allVectorsAsOneBodyInRandomChunks() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (LpVectors.Vector v : vectors()) {
            if (v.precision() == Precision.NANOSECONDS) {
                all.writeBytes(v.body());
                all.write('\n');
            }
        }
        byte[] body = all.toByteArray();
        LineProtocolParser parser = new LineProtocolParser();
        ParseResult whole = parser.parse(body, Precision.NANOSECONDS, NOW);
        assertThat(whole.points()).hasSizeGreaterThan(70);
        assertThat(whole.errors()).hasSizeGreaterThan(45);
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("StreamingParseTest seed=" + seed + " (rerun with -Dshardline.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            assertThat(randomChunks(parser, body, random)).as("seed %d round %d", seed, round).isEqualTo(whole);
        }
    }

    @Test
    void escapedNewlineAndQuotedNewlineAcrossChunks() {
        byte[] body = "a v=\"x\ny\" 1\nb\\\nc v=2 2\nd v=3 3".getBytes(StandardCharsets.UTF_8);
        LineProtocolParser parser = new LineProtocolParser();
        ParseResult whole = parser.parse(body, Precision.NANOSECONDS, NOW);
        assertThat(whole.points()).extracting(Point::measurement).containsExactly("a", "b\\\nc", "d");
        for (int cut = 0; cut <= body.length; cut++) {
            assertThat(streamed(parser, body, Precision.NANOSECONDS, cut)).isEqualTo(whole);
        }
    }

    static ParseResult streamed(LineProtocolParser parser, byte[] body, Precision p, int cut) {
        Collector c = new Collector();
        LineProtocolStream s = parser.stream(p, NOW, c);
        s.feed(body, 0, cut);
        s.feed(body, cut, body.length - cut);
        s.finish();
        return c.result();
    }

    static ParseResult inChunksOf(LineProtocolParser parser, byte[] body, Precision p, int size) {
        Collector c = new Collector();
        LineProtocolStream s = parser.stream(p, NOW, c);
        for (int i = 0; i < body.length; i += size) {
            s.feed(body, i, Math.min(size, body.length - i));
        }
        s.finish();
        return c.result();
    }

    static ParseResult randomChunks(LineProtocolParser parser, byte[] body, Random random) {
        return randomChunks(parser, body, Precision.NANOSECONDS, random);
    }

    static ParseResult randomChunks(LineProtocolParser parser, byte[] body, Precision p, Random random) {
        Collector c = new Collector();
        LineProtocolStream s = parser.stream(p, NOW, c);
        int i = 0;
        while (i < body.length) {
            int n = Math.min(body.length - i, random.nextInt(random.nextBoolean() ? 4 : 200));
            byte[] chunk = new byte[n + 2];
            System.arraycopy(body, i, chunk, 1, n); // offsets other than 0 are exercised too
            s.feed(chunk, 1, n);
            i += n;
        }
        s.finish();
        return c.result();
    }

    /** A sink that collects everything. */
    static final class Collector implements PointSink {
        final List<Point> points = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void point(Point point) {
            points.add(point);
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }

        ParseResult result() {
            return new ParseResult(points, errors);
        }
    }
}
