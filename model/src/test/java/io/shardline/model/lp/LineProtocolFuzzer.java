package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jazzer target for the line-protocol parser: any body parses without throwing, streaming agrees with
 * whole-body parsing, and every representable point written back canonically parses to the same point
 * (parse → write → parse is stable). Seeds: the 141 vectors of {@code lp-vectors.tsv}; crashes found are
 * kept next to them and replayed by every build.
 */
class LineProtocolFuzzer {

    private static final Precision[] PRECISIONS = Precision.values();

    @FuzzTest(maxDuration = "5s")
    void parseWriteParse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Precision precision = PRECISIONS[(data[0] & 0xff) % PRECISIONS.length];
        byte[] body = java.util.Arrays.copyOfRange(data, 1, data.length);
        LineProtocolParser parser = new LineProtocolParser();
        ParseResult whole = parser.parse(body, precision, LineProtocolVectorsTest.NOW);
        ParseResult chunked = StreamingParseTest.randomChunks(parser, body, precision,
                new java.util.Random(data.length));
        assertThat(chunked).isEqualTo(whole);
        for (Point p : whole.points()) {
            if (!io.shardline.model.lp.FuzzTest.representable(p)) {
                continue;
            }
            byte[] line = LineProtocolWriter.toLine(p).getBytes(StandardCharsets.UTF_8);
            List<Point> back = parser.parse(line, Precision.NANOSECONDS, LineProtocolVectorsTest.NOW).points();
            assertThat(back).containsExactly(p);
        }
    }
}
