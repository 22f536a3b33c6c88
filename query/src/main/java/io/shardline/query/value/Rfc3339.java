package io.shardline.query.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.RFC3339Nano} printing in UTC (fraction trimmed of trailing zeros, as Go's JSON encoding of
 * {@code time.Time} does) and the time-literal parsing InfluxQL applies to strings compared with {@code time}.
 * Stateless.
 */
public final class Rfc3339 {

    private static final Pattern RFC3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOOKS_LIKE_DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.+", Pattern.DOTALL);

    private Rfc3339() {
    }

    /** {@code 2009-11-10T23:00:00.5Z} for the given nanoseconds since the epoch. */
    public static String format(long nanos) {
        StringBuilder b = new StringBuilder(30);
        append(b, nanos);
        return b.toString();
    }

    /** Appends {@link #format}. */
    public static void append(StringBuilder b, long nanos) {
        append(b, nanos, null);
    }

    /**
     * Appends Go's RFC3339Nano of the instant in {@code zone}'s local time: the offset as {@code -06:00}, or
     * {@code Z} when it is 0 (null = UTC).
     */
    public static void append(StringBuilder b, long nanos, ZoneId zone) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        int frac = (int) Math.floorMod(nanos, 1_000_000_000L);
        ZoneOffset offset = zone == null ? ZoneOffset.UTC
                : zone.getRules().getOffset(java.time.Instant.ofEpochSecond(seconds));
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, offset);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        if (frac != 0) {
            // the nine digits of the fraction without its trailing zeros
            int width = 9;
            while (frac % 10 == 0) {
                frac /= 10;
                width--;
            }
            pad(b.append('.'), frac, width);
        }
        int off = offset.getTotalSeconds();
        if (off == 0) {
            b.append('Z');
        } else {
            b.append(off < 0 ? '-' : '+');
            pad(b, Math.abs(off) / 3600, 2).append(':');
            pad(b, Math.abs(off) / 60 % 60, 2);
        }
    }

    /** Go's {@code Format(time.RFC3339)} in UTC: no fraction, e.g. {@code 2262-04-11T23:47:16Z}. */
    public static String formatSeconds(long nanos) {
        return format(Math.floorDiv(nanos, 1_000_000_000L) * 1_000_000_000L);
    }

    /** Appends {@code v} with leading zeros to {@code width} digits, without a String per number. */
    private static StringBuilder pad(StringBuilder b, int v, int width) {
        int digits = v < 0 ? Integer.toString(v).length() : 1;
        for (int p = v; p >= 10; p /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            b.append('0');
        }
        if (v >= 0 && v < 10) {
            return b.append((char) ('0' + v));
        }
        return b.append(v);
    }

    /** 1.x {@code IsTimeLiteral}: strings like {@code 2000-01-01} or starting {@code 2000-01-01} plus more. */
    public static boolean looksLikeTime(String s) {
        return DATE.matcher(s).matches() || LOOKS_LIKE_DATE_TIME.matcher(s).matches();
    }

    /**
     * 1.x {@code ToTimeLiteral} in UTC: RFC3339 (any fraction, {@code Z} or an offset), else
     * {@code 2006-01-02 15:04:05.999999}, else a bare date.
     *
     * @throws IllegalArgumentException {@code invalid timestamp string} when nothing fits
     */
    public static long parseTimeLiteral(String s) {
        return parseTimeLiteral(s, null);
    }

    /** {@link #parseTimeLiteral(String)} reading the forms without an offset in {@code zone} (null = UTC). */
    public static long parseTimeLiteral(String s, ZoneId zone) {
        ZoneId local = zone == null ? ZoneOffset.UTC : zone;
        try {
            Matcher m = RFC3339.matcher(s);
            if (m.matches()) {
                OffsetDateTime t = OffsetDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5),
                        num(m, 6), 0, m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8)));
                return toNanos(t.toEpochSecond(), fraction(m.group(7)));
            }
            m = DATE_TIME.matcher(s);
            if (m.matches()) {
                LocalDateTime t = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5),
                        num(m, 6));
                return toNanos(t.atZone(local).toEpochSecond(), fraction(m.group(7)));
            }
            if (DATE.matcher(s).matches()) {
                return toNanos(LocalDate.parse(s).atStartOfDay(local).toEpochSecond(), 0);
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid timestamp string", e);
        }
        throw new IllegalArgumentException("invalid timestamp string");
    }

    private static int num(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static long fraction(String digits) {
        if (digits == null) {
            return 0;
        }
        String d = digits.length() > 9 ? digits.substring(0, 9) : digits;
        long v = Long.parseLong(d);
        for (int i = d.length(); i < 9; i++) {
            v *= 10;
        }
        return v;
    }

    private static long toNanos(long seconds, long nanos) {
        try {
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException e) {
            String text = formatEpochSeconds(seconds);
            throw new IllegalArgumentException("time " + text + (seconds > 0 ? " overflows" : " underflows")
                    + " time literal", e);
        }
    }

    private static String formatEpochSeconds(long seconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        return b.append('Z').toString();
    }
}
