package io.shardline.query.ast;

/**
 * InfluxQL duration literals ({@code ParseDuration}/{@code FormatDuration} of 1.x): integer amounts with units
 * {@code ns u µ ms s m h d w}, possibly several segments ({@code 1h30m}), printed in the largest unit that divides
 * the value ({@code 90m}, {@code 1d}, {@code 2w}, {@code 0s}). Stateless.
 */
public final class InfluxDuration {

    /** The 1.x error text for a malformed duration. */
    public static final String INVALID = "invalid duration";

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;
    private static final long W = 7 * D;

    private InfluxDuration() {
    }

    /**
     * Parses a duration literal, wrapping on overflow exactly like Go's int64 arithmetic.
     *
     * @throws IllegalArgumentException with the 1.x message ({@code invalid duration} or
     *     {@code overflowed duration 15251w: choose a smaller duration or INF})
     */
    public static long parse(String s) {
        int[] a = s.codePoints().toArray();
        if (a.length < 2) {
            throw new IllegalArgumentException(INVALID);
        }
        int i = 0;
        boolean negative = a[0] == '-';
        if (negative) {
            i++;
        }
        long d = 0;
        long measure = 0;
        String unit = "";
        while (i < a.length) {
            int start = i;
            while (i < a.length && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
            if (i >= a.length || i == start) {
                throw new IllegalArgumentException(INVALID);
            }
            try {
                measure = Long.parseLong(new String(a, start, i - start));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(INVALID);
            }
            int c = a[i];
            boolean twoChars = i + 1 < a.length && a[i + 1] == 's' && (c == 'n' || c == 'm');
            unit = twoChars ? new String(a, i, 2) : new String(a, i, 1);
            d += measure * unitNanos(c, twoChars);
            i += twoChars ? 2 : 1;
        }
        if (d < 0 && !negative) {
            throw new IllegalArgumentException("overflowed duration " + measure + unit
                    + ": choose a smaller duration or INF");
        }
        return negative ? -d : d;
    }

    private static long unitNanos(int c, boolean twoChars) {
        if (twoChars) {
            return c == 'n' ? 1 : MS;
        }
        return switch (c) {
            case 'u', 'µ' -> US;
            case 'm' -> M;
            case 's' -> S;
            case 'h' -> H;
            case 'd' -> D;
            case 'w' -> W;
            default -> throw new IllegalArgumentException(INVALID);
        };
    }

    /** {@code FormatDuration}: {@code 0s}, {@code 2w}, {@code 1d}, {@code 90m}, {@code 5ms}, {@code 7u}, {@code 3ns}. */
    public static String format(long d) {
        if (d == 0) {
            return "0s";
        }
        long[] units = {W, D, H, M, S, MS, US};
        String[] names = {"w", "d", "h", "m", "s", "ms", "u"};
        for (int i = 0; i < units.length; i++) {
            if (d % units[i] == 0) {
                return (d / units[i]) + names[i];
            }
        }
        return d + "ns";
    }
}
