package io.shardline.model;

import java.math.BigInteger;

/**
 * The shortest decimal that reads back as a given double, choosing the closest one when several
 * have that length, which is what Go's {@code strconv.FormatFloat(v, fmt, -1, 64)} prints.
 * Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2020) with its 126-bit powers of
 * ten computed at class load; unlike JDK 19+'s {@code Double.toString} it does not prefer two
 * digits over one (Go prints {@code 5e-324}, Java {@code 4.9E-324}). JDK 17's {@code Double.toString}
 * is not shortest (JDK-4511638), hence this class. Stateless and thread-safe.
 */
final class ShortestDecimal {

    /** {@code digits * 10^exponent}; {@code digits} has no trailing zero (0 for zero). */
    record Decimal(long digits, int exponent) {
    }

    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final int Q_MAX = 971;
    private static final int K_MIN = flog10pow2(Q_MIN);
    private static final int K_MAX = flog10pow2(Q_MAX);
    private static final long C_MIN = 1L << (P - 1);
    private static final long T_MASK = C_MIN - 1;
    private static final long MASK_63 = Long.MAX_VALUE;
    private static final Decimal ZERO = new Decimal(0, 0);
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];

    static {
        // g = floor(10^-k * 2^-r) + 1 with r chosen so that 2^125 <= g < 2^126; g = g1 * 2^63 + g0.
        for (int k = K_MIN; k <= K_MAX; k++) {
            int r = flog2pow10(-k) - 125;
            BigInteger num = k <= 0 ? BigInteger.TEN.pow(-k) : BigInteger.ONE;
            BigInteger den = k > 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
            if (r <= 0) {
                num = num.shiftLeft(-r);
            } else {
                den = den.shiftLeft(r);
            }
            BigInteger g = num.divide(den).add(BigInteger.ONE);
            if (g.bitLength() != 126) {
                throw new AssertionError("bad power of ten table at k=" + k);
            }
            G1[k - K_MIN] = g.shiftRight(63).longValueExact();
            G0[k - K_MIN] = g.longValue() & MASK_63;
        }
    }

    private ShortestDecimal() {
    }

    /** The shortest decimal of {@code |v|}; {@code v} must be finite. */
    static Decimal of(double v) {
        long bits = Double.doubleToRawLongBits(v) & MASK_63;
        long t = bits & T_MASK;
        int bq = (int) (bits >>> (P - 1));
        if (bq == 0x7FF) {
            throw new IllegalArgumentException("not finite: " + v);
        }
        if (bq != 0) {
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            if (0 < mq && mq < P) {
                long f = c >> mq;
                if (f << mq == c) {
                    return normalized(f, 0);
                }
            }
            return toDecimal(-mq, c);
        }
        return t == 0 ? ZERO : toDecimal(Q_MIN, t);
    }

    private static Decimal toDecimal(int q, long c) {
        long out = c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        long g1 = G1[k - K_MIN];
        long g0 = G0[k - K_MIN];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 10) {
            // One digit shorter: the multiples of 10^(k+1) around v (at most one lies in the interval).
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return normalized(upin ? sp10 : tp10, k);
            }
        }
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return normalized(uin ? s : t, k);
        }
        long cmp = vb - ((s + t) << 1);
        return normalized(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k);
    }

    // rop(cp * g * 2^-127): the product rounded to odd, which keeps the comparisons above exact.
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    private static Decimal normalized(long f, int e) {
        if (f == 0) {
            return ZERO;
        }
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        return new Decimal(f, e);
    }

    /** floor(e * log10(2)). */
    static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^e)). */
    static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** floor(e * log2(10)). */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }
}
