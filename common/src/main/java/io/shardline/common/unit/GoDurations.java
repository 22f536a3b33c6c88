package io.shardline.common.unit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Parses and prints durations the way InfluxDB does (Go's {@code time.ParseDuration} and
 * {@code Duration.String()}, plus the {@code d} and {@code w} units InfluxDB accepts in
 * configuration): {@code "168h0m0s"}, {@code "5m0s"}, {@code "1.5s"}, {@code "500ms"}, {@code "0s"}.
 * Stateless.
 */
public final class GoDurations {

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN_NANOS = BigInteger.valueOf(Long.MIN_VALUE);

    private GoDurations() {
    }

    /**
     * Parses a duration such as {@code 10s}, {@code 1h30m}, {@code 1.5h}, {@code 500ms}, {@code 7d},
     * {@code 1w} or a bare {@code 0}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing duration");
        }
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) {
            return Duration.ZERO;
        }
        if (i == s.length()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (i < s.length()) {
            int numberStart = i;
            boolean digits = false;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
                digits = true;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                    digits = true;
                }
            }
            if (!digits) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\"");
            }
            BigDecimal number = new BigDecimal(s.substring(numberStart, i));
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
            }
            totalNanos = totalNanos.add(number.multiply(BigDecimal.valueOf(unitNanos(unit, text))));
        }
        BigInteger nanos = totalNanos.toBigInteger();
        if (negative) {
            nanos = nanos.negate();
        }
        if (nanos.compareTo(MAX_NANOS) > 0 || nanos.compareTo(MIN_NANOS) < 0) {
            throw new IllegalArgumentException("duration out of range \"" + text + "\"");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static long unitNanos(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            case "w" -> 604_800_000_000_000L;
            default -> throw new IllegalArgumentException(
                    "unknown unit \"" + unit + "\" in duration \"" + text + "\"");
        };
    }

    /** Formats like Go's {@code time.Duration.String()}: {@code 168h0m0s}, {@code 1.5s}, {@code 0s}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Long.MIN_VALUE has no positive counterpart; treat the magnitude as unsigned.
        long u = negative ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            if (u < 1_000L) {
                out.append(u).append("ns");
            } else if (u < 1_000_000L) {
                out.append(fraction(u, 3)).append("\u00b5s");
            } else {
                out.append(fraction(u, 6)).append("ms");
            }
        } else {
            long seconds = Long.divideUnsigned(u, 1_000_000_000L);
            long subNanos = Long.remainderUnsigned(u, 1_000_000_000L);
            String secondText = Long.toString(seconds % 60) + fractionDigits(subNanos, 9) + "s";
            long minutes = seconds / 60;
            if (minutes > 0) {
                long hours = minutes / 60;
                secondText = (minutes % 60) + "m" + secondText;
                if (hours > 0) {
                    secondText = hours + "h" + secondText;
                }
            }
            out.append(secondText);
        }
        return negative ? "-" + out : out.toString();
    }

    /** {@code value / 10^digits} printed with the fraction's trailing zeros removed. */
    private static String fraction(long value, int digits) {
        long scale = pow10(digits);
        return (value / scale) + fractionDigits(value % scale, digits);
    }

    private static String fractionDigits(long remainder, int digits) {
        if (remainder == 0) {
            return "";
        }
        StringBuilder frac = new StringBuilder(Long.toString(remainder));
        while (frac.length() < digits) {
            frac.insert(0, '0');
        }
        int end = frac.length();
        while (end > 0 && frac.charAt(end - 1) == '0') {
            end--;
        }
        return "." + frac.substring(0, end);
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }
}
