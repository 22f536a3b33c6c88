package io.shardline.model.lp;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * The InfluxDB 1.x line-protocol parser ({@code models.ParsePointsWithPrecision}): same grammar,
 * same error texts, over bytes, with errors returned as values. Keeps caches of series keys and
 * field keys between bodies, so reuse one instance per thread; an instance and the streams it makes
 * are confined to one thread at a time.
 *
 * <p>Points without a timestamp get {@code nowNanos} truncated to the precision. Timestamps are
 * multiplied by the precision and must lie in [MinNanoTime, MaxNanoTime].
 */
public final class LineProtocolParser {

    private final LineParser lineParser = new LineParser();

    /** Parses a whole body. */
    public ParseResult parse(byte[] body, Precision precision, long nowNanos) {
        return parse(body, 0, body.length, precision, nowNanos);
    }

    /** Parses {@code body[offset, offset + length)}. */
    public ParseResult parse(byte[] body, int offset, int length, Precision precision, long nowNanos) {
        List<Point> points = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        LineProtocolStream stream = stream(precision, nowNanos, new PointSink() {
            @Override
            public void point(Point point) {
                points.add(point);
            }

            @Override
            public void error(String message) {
                errors.add(message);
            }
        });
        stream.feed(body, offset, length);
        stream.finish();
        return new ParseResult(points, errors);
    }

    /**
     * A streaming parse of one body: feed it chunks split anywhere and {@code sink} sees exactly
     * what {@link #parse} would return for the concatenation.
     */
    public LineProtocolStream stream(Precision precision, long nowNanos, PointSink sink) {
        return new LineProtocolStream(lineParser, precision, nowNanos, sink);
    }
}
