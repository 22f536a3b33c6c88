package io.shardline.launcher.transfer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The times of {@code influx_inspect export}: {@code -start}/{@code -end} parsed like Go's
 * {@code time.Parse(time.RFC3339, s)} (fractional seconds and any offset accepted) into Unix
 * nanoseconds, and the header's {@code time.Format(time.RFC3339)} (whole seconds, printed in UTC).
 * Stateless.
 */
final class Rfc3339 {

    static final String GO_LAYOUT = "2006-01-02T15:04:05Z07:00";
    private static final DateTimeFormatter HEADER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long NANOS = 1_000_000_000L;

    private Rfc3339() {
    }

    /** Unix nanoseconds of {@code s}; the message names the value and Go's layout when it does not parse. */
    static long parseNanos(String s) {
        Instant t;
        try {
            t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parsing time \"" + s + "\" as \"" + GO_LAYOUT + "\": cannot parse \""
                    + s.substring(Math.min(e.getErrorIndex(), s.length())) + "\"");
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time " + s + " is outside the range of nanosecond timestamps"
                    + " (1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z)");
        }
    }

    /** {@code time.Unix(0, nanos).UTC().Format(time.RFC3339)}. */
    static String format(long nanos) {
        return HEADER.format(Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS)));
    }
}
