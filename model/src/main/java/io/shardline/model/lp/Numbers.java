package io.shardline.model.lp;

/**
 * Exact conversions of number text to values, without intermediate strings on the common path.
 * Results go to {@link #value}; methods return {@link #OK}, {@link #SYNTAX} or {@link #RANGE}, the
 * two failures of Go's {@code strconv}. Not thread-safe; each parser owns one.
 */
final class Numbers {

    static final int OK = 0;
    static final int SYNTAX = 1;
    static final int RANGE = 2;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT = 1L << 53;

    /** The last converted value (float bits, integer, or uint64 bits). */
    long value;
    private char[] chars = new char[32];
    private long mantissa;
    private int exp10;
    private boolean truncated;

    /** Go {@code ParseInt(s, 10, 64)} for {@code b[s, e)}. */
    int parseInt(byte[] b, int s, int e) {
        boolean neg = s < e && b[s] == '-';
        int i = neg || (s < e && b[s] == '+') ? s + 1 : s;
        if (i >= e) {
            return SYNTAX;
        }
        long acc = 0; // accumulated negatively, so that MinInt64 fits
        for (int safeEnd = Math.min(e, i + 18); i < safeEnd; i++) { // 18 digits cannot overflow
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return SYNTAX;
            }
            acc = acc * 10 - d;
        }
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return SYNTAX;
            }
            if (acc < Long.MIN_VALUE / 10 || acc * 10 < Long.MIN_VALUE + d) {
                return RANGE; // like Go: the first overflow decides, later bytes are not looked at
            }
            acc = acc * 10 - d;
        }
        if (!neg && acc == Long.MIN_VALUE) {
            return RANGE;
        }
        value = neg ? acc : -acc;
        return OK;
    }

    /** Go {@code ParseUint(s, 10, 64)} for {@code b[s, e)}. */
    int parseUint(byte[] b, int s, int e) {
        if (s >= e) {
            return SYNTAX;
        }
        long acc = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return SYNTAX;
            }
            if (Long.compareUnsigned(acc, 1844674407370955161L) > 0) {
                return RANGE;
            }
            long next = acc * 10 + d;
            if (Long.compareUnsigned(next, acc * 10) < 0) {
                return RANGE;
            }
            acc = next;
        }
        value = acc;
        return OK;
    }

    /**
     * Go {@code ParseFloat(s, 64)} for plain decimal syntax ({@code [+-]digits[.digits][e[+-]digits]},
     * at least one mantissa digit). Values that overflow to infinity give {@link #RANGE}.
     */
    int parseFloat(byte[] b, int s, int e) {
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        i = scanMantissa(b, i, e);
        if (i < 0) {
            return SYNTAX;
        }
        if (i < e) {
            int exp = scanExponent(b, i, e);
            if (exp == Integer.MIN_VALUE) {
                return SYNTAX;
            }
            exp10 += exp;
        }
        if (!truncated && fastPath(mantissa, exp10, neg)) {
            return OK;
        }
        return slowPath(b, s, e);
    }

    // Digits with at most one '.', into mantissa (first 18 significant digits), exp10, truncated.
    // Returns the index after them, or -1 when there is no digit.
    private int scanMantissa(byte[] b, int i, int e) {
        mantissa = 0;
        exp10 = 0;
        truncated = false;
        int digits = 0;
        boolean sawDigit = false;
        boolean fraction = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c == '.' && !fraction) {
                fraction = true;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) {
                break;
            }
            sawDigit = true;
            if (mantissa == 0 && d == 0) {
                exp10 -= fraction ? 1 : 0;
            } else if (digits < 18) { // 18 digits always fit in a long
                mantissa = mantissa * 10 + d;
                digits++;
                exp10 -= fraction ? 1 : 0;
            } else {
                truncated |= d != 0;
                exp10 += fraction ? 0 : 1;
            }
        }
        return sawDigit ? i : -1;
    }

    // The exponent after 'e'/'E' (clamped far beyond the double range), or MIN_VALUE for bad syntax.
    private static int scanExponent(byte[] b, int i, int e) {
        if (b[i] != 'e' && b[i] != 'E') {
            return Integer.MIN_VALUE;
        }
        i++;
        boolean neg = false;
        if (i < e && (b[i] == '+' || b[i] == '-')) {
            neg = b[i] == '-';
            i++;
        }
        if (i >= e) {
            return Integer.MIN_VALUE;
        }
        int exp = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Integer.MIN_VALUE;
            }
            exp = Math.min(exp * 10 + d, 1_000_000);
        }
        return neg ? -exp : exp;
    }

    // Exact when mantissa and power of ten are exact doubles: one IEEE operation rounds correctly.
    private boolean fastPath(long mant, int exp10, boolean neg) {
        double d;
        if (mant == 0) {
            d = 0.0;
        } else if (mant > MAX_EXACT) {
            return false;
        } else if (exp10 >= 0 && exp10 <= 22) {
            d = mant * POW10[exp10];
        } else if (exp10 < 0 && exp10 >= -22) {
            d = mant / POW10[-exp10];
        } else if (exp10 > 22 && exp10 <= 22 + 15 && mant <= MAX_EXACT / (long) POW10[exp10 - 22]) {
            d = (mant * (long) POW10[exp10 - 22]) * POW10[22];
        } else {
            return false;
        }
        value = Double.doubleToRawLongBits(neg ? -d : d);
        return true;
    }

    private int slowPath(byte[] b, int s, int e) {
        int n = e - s;
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            chars[i] = (char) b[s + i];
        }
        double d = Double.parseDouble(new String(chars, 0, n));
        if (Double.isInfinite(d)) {
            return RANGE;
        }
        value = Double.doubleToRawLongBits(d);
        return OK;
    }
}
