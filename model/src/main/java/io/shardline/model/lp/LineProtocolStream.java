package io.shardline.model.lp;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.util.Arrays;

/**
 * Streaming front end of {@link LineProtocolParser}: accepts a body in chunks of any size and
 * split anywhere, and reports each line to a {@link PointSink} as soon as the line is complete.
 * Complete lines are parsed in place from the chunk; only the unfinished tail of a line is copied,
 * so memory is bounded by the longest line. Not thread-safe: one body, one feeding thread.
 */
public final class LineProtocolStream {

    private static final int INITIAL_BUFFER = 256;

    private final LineParser parser;
    private final Precision precision;
    private final long defaultTime;
    private final PointSink sink;
    private final LineSplitter splitter = new LineSplitter();
    private byte[] pending = new byte[INITIAL_BUFFER];
    private int pendingLength;
    private boolean finished;

    LineProtocolStream(LineParser parser, Precision precision, long nowNanos, PointSink sink) {
        this.parser = parser;
        this.precision = precision;
        this.defaultTime = precision.truncate(nowNanos);
        this.sink = sink;
    }

    /** Feeds the next {@code length} bytes of the body. */
    public void feed(byte[] chunk, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        int end = offset + length;
        int lineStart = offset;
        while (lineStart < end) {
            int newline = splitter.scan(chunk, lineStart, end);
            if (newline < 0) {
                append(chunk, lineStart, end);
                return;
            }
            if (pendingLength == 0) {
                line(chunk, lineStart, newline);
            } else {
                append(chunk, lineStart, newline);
                completePending();
            }
            splitter.reset();
            lineStart = newline + 1;
        }
    }

    /** Feeds a whole array. */
    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    /** Ends the body: the last line, if it has no newline, is parsed now. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (pendingLength > 0) {
            completePending();
        }
        splitter.reset();
    }

    private void completePending() {
        int n = pendingLength;
        pendingLength = 0;
        line(pending, 0, n);
        if (pending.length > 64 * INITIAL_BUFFER) {
            pending = new byte[INITIAL_BUFFER]; // do not keep one huge line's buffer for the whole body
        }
    }

    private void append(byte[] b, int from, int to) {
        int n = to - from;
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, pending.length * 2));
        }
        System.arraycopy(b, from, pending, pendingLength, n);
        pendingLength += n;
    }

    // The per-line part of 1.x ParsePoints: skip blank and comment lines, drop one trailing newline.
    private void line(byte[] b, int from, int to) {
        if (to == from) {
            return;
        }
        int start = LineParser.skipWhitespace(b, from, to);
        if (start >= to || b[start] == '#') {
            return;
        }
        int end = b[to - 1] == '\n' ? to - 1 : to;
        Point p = parser.parse(b, start, end, precision, defaultTime);
        if (p != null) {
            sink.point(p);
        } else {
            sink.error("unable to parse '" + Text.raw(b, start, end) + "': " + parser.reason());
        }
    }
}
