package io.shardline.model.lp;

import io.shardline.model.Point;
import io.shardline.model.Precision;

/**
 * Parses one line into a {@link Point}, following 1.x {@code parsePoint} step by step so that
 * every error text and its precedence match: key, fields, field walk, timestamp, range, trailing
 * bytes. Failures are returned as a reason string, never thrown. Not thread-safe; owned by one
 * {@link LineProtocolParser}.
 */
final class LineParser {

    /** 1.x {@code MinNanoTime}: the two lowest int64 values are reserved. */
    static final long MIN_NANO_TIME = Long.MIN_VALUE + 2;
    /** 1.x {@code MaxNanoTime}: MaxInt64 is reserved for exclusive shard group ends. */
    static final long MAX_NANO_TIME = Long.MAX_VALUE - 1;
    static final String TIME_OUT_OF_RANGE =
            "time outside range " + MIN_NANO_TIME + " - " + MAX_NANO_TIME;

    private final Numbers numbers = new Numbers();
    private final Text text = new Text();
    private final KeyScanner keys = new KeyScanner(text);
    private final FieldScanner fields = new FieldScanner(numbers);
    private final FieldAssembler assembler = new FieldAssembler(text, numbers);
    private String reason;

    /** Why the last {@link #parse} returned null. */
    String reason() {
        return reason;
    }

    /**
     * Parses the line {@code b[start, end)} (leading whitespace skipped, no trailing newline).
     * {@code defaultTime} is used when the line has no timestamp (already truncated to the precision).
     */
    Point parse(byte[] b, int start, int end, Precision precision, long defaultTime) {
        int pos = keys.scan(b, start, end);
        if (pos < 0) {
            return fail(keys.reason());
        }
        int rawKeyLength = pos - start;
        pos = fields.scan(b, pos, end);
        if (pos < 0) {
            return fail(fields.reason());
        }
        int fieldsStart = fields.fieldsStart();
        if (pos == fieldsStart) {
            return fail("missing fields");
        }
        if (!fields.walk(b, fieldsStart, pos, rawKeyLength)) {
            return fail(fields.reason());
        }
        int tsStart = skipWhitespace(b, pos, end);
        int tsEnd = scanTime(b, tsStart, end);
        if (tsEnd < 0) {
            return fail("bad timestamp");
        }
        long time = defaultTime;
        if (tsEnd > tsStart) {
            String err = timestamp(b, tsStart, tsEnd, precision);
            if (err != null) {
                return fail(err);
            }
            time = numbers.value;
            for (int i = tsEnd; i < end; i++) {
                if (b[i] != ' ') {
                    return fail("point is invalid");
                }
            }
        }
        Point p = assembler.assemble(b, keys.entry(), fields, time);
        return p != null ? p : fail(assembler.reason());
    }

    // 1.x scanTime: an optional '-' then digits, up to a space or newline; -1 on any other byte.
    private static int scanTime(byte[] b, int i, int end) {
        int start = i;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '\n' || c == ' ') {
                break;
            }
            if (i == start && c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return i;
    }

    // ParseInt then SafeCalcTime; leaves nanoseconds in numbers.value or returns the 1.x error.
    private String timestamp(byte[] b, int s, int e, Precision precision) {
        int r = numbers.parseInt(b, s, e);
        if (r != Numbers.OK) {
            return "strconv.ParseInt: parsing \"" + Text.raw(b, s, e) + "\": "
                    + (r == Numbers.SYNTAX ? "invalid syntax" : "value out of range");
        }
        long ts = numbers.value;
        long unit = precision.nanosPerUnit();
        long nanos = ts * unit;
        if (unit != 1 && Math.multiplyHigh(ts, unit) != (nanos >> 63)) {
            return TIME_OUT_OF_RANGE;
        }
        if (nanos < MIN_NANO_TIME || nanos > MAX_NANO_TIME) {
            return TIME_OUT_OF_RANGE;
        }
        numbers.value = nanos;
        return null;
    }

    /** Index of the first byte in {@code b[i, end)} that is not a space, tab or NUL. */
    static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == 0)) {
            i++;
        }
        return i;
    }

    private Point fail(String why) {
        reason = why;
        return null;
    }
}
