package io.shardline.query.exec;

/**
 * Go's {@code math.Pow} for integral exponents, bit for bit: repeated squaring of the {@code Frexp} mantissa with
 * the binary exponent kept apart and one {@code Ldexp} at the end (so {@code Pow(x, 2)} is {@code x * x} except
 * near the subnormal range, and {@code Pow(phi, t)} differs from a correctly rounded power). Holt-Winters and
 * KAMA depend on these exact bits. Stateless.
 */
final class GoMath {

    private static final int SHIFT = 52;
    private static final int MASK = 0x7FF;
    private static final int BIAS = 1023;

    private GoMath() {
    }

    /** Go's {@code math.Pow(x, float64(y))} for {@code y >= 0}. */
    static double pow(double x, long y) {
        if (y < 0) {
            throw new IllegalArgumentException("negative exponent " + y);
        }
        if (y == 0 || x == 1) {
            return 1;
        } else if (y == 1) {
            return x;
        } else if (Double.isNaN(x)) {
            return Double.NaN;
        } else if (x == 0) {
            return Math.copySign(1.0, x) < 0 && (y & 1) == 1 ? x : 0;
        } else if (Double.isInfinite(x)) {
            return x < 0 && (y & 1) == 1 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        int ae = 0;
        int xe = exponent(x);
        double x1 = mantissa(x);
        for (long i = y; i != 0; i >>= 1) {
            if (xe < -(1 << 12) || (1 << 12) < xe) {
                ae += xe; // catastrophic overflow: let ldexp handle it, as Go does
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xe;
            }
            x1 *= x1;
            xe <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xe--;
            }
        }
        return ldexp(a1, ae);
    }

    /** Go's {@code Frexp} exponent: {@code x = frac * 2^e} with {@code |frac|} in [0.5, 1). */
    private static int exponent(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) { // subnormal
            return Math.getExponent(x * 0x1p52) + 1 - 52;
        }
        return e + 1;
    }

    private static double mantissa(double x) {
        return Math.scalb(x, -exponent(x)); // exact: the result is normal
    }

    /** Go's {@code Ldexp}: exact for normal results, one rounding of the mantissa for subnormal ones. */
    static double ldexp(double frac, int exp) {
        if (frac == 0 || Double.isInfinite(frac) || Double.isNaN(frac)) {
            return frac;
        }
        if (Math.abs(frac) < Double.MIN_NORMAL) { // Go's normalize
            frac *= 0x1p52;
            exp -= 52;
        }
        long bits = Double.doubleToRawLongBits(frac);
        exp += (int) ((bits >>> SHIFT) & MASK) - BIAS;
        if (exp < -1075) {
            return Math.copySign(0.0, frac);
        }
        if (exp > 1023) {
            return frac < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double m = 1;
        if (exp < -1022) {
            exp += 53;
            m = 1.0 / (1L << 53);
        }
        bits &= ~((long) MASK << SHIFT);
        bits |= (long) (exp + BIAS) << SHIFT;
        return m * Double.longBitsToDouble(bits);
    }
}
