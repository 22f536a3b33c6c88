package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Go's float formatting: known outputs of strconv and encoding/json, and the shortest-digits
 * engine against an exact BigDecimal reference (JDK 17's Double.toString is not shortest).
 */
class GoFloatTest {

    @Test
    void knownBadCasesOfJdk17DoubleToString() {
        assertThat(GoFloat.formatG(2.0E-3)).isEqualTo("0.002");
        assertThat(GoFloat.formatG(1.0E23)).isEqualTo("1e+23");
        assertThat(GoFloat.formatG(2.0E23)).isEqualTo("2e+23");
        assertThat(GoFloat.formatF(1.0E23)).isEqualTo("100000000000000000000000");
        assertThat(GoFloat.formatG(0x1p63)).isEqualTo("9.223372036854776e+18");
        assertThat(GoFloat.formatF(0x1p63)).isEqualTo("9223372036854776000");
        assertThat(GoFloat.formatG(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(GoFloat.formatF(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
        assertThat(GoFloat.formatG(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GoFloat.formatG(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(GoFloat.formatG(2 * Double.MIN_VALUE)).isEqualTo("1e-323");
    }

    @Test
    void fFormat() {
        assertThat(GoFloat.formatF(1.0)).isEqualTo("1");
        assertThat(GoFloat.formatF(1e4)).isEqualTo("10000");
        assertThat(GoFloat.formatF(-1.0e-4)).isEqualTo("-0.0001");
        assertThat(GoFloat.formatF(6.632243e+06)).isEqualTo("6632243");
        assertThat(GoFloat.formatF(12.5)).isEqualTo("12.5");
        assertThat(GoFloat.formatF(0.0)).isEqualTo("0");
        assertThat(GoFloat.formatF(-0.0)).isEqualTo("-0");
        assertThat(GoFloat.formatF(1.5e-7)).isEqualTo("0.00000015");
        assertThat(GoFloat.formatF(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloat.formatF(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloat.formatF(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void gAndEFormats() {
        assertThat(GoFloat.formatG(1e6)).isEqualTo("1e+06");
        assertThat(GoFloat.formatG(100000.0)).isEqualTo("100000");
        assertThat(GoFloat.formatG(123456789.0)).isEqualTo("1.23456789e+08");
        assertThat(GoFloat.formatG(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloat.formatG(0.00001)).isEqualTo("1e-05");
        assertThat(GoFloat.formatG(-1.5e-7)).isEqualTo("-1.5e-07");
        assertThat(GoFloat.formatG(1e100)).isEqualTo("1e+100");
        assertThat(GoFloat.formatG(0.0)).isEqualTo("0");
        assertThat(GoFloat.formatE(0.0)).isEqualTo("0e+00");
        assertThat(GoFloat.formatE(12.5)).isEqualTo("1.25e+01");
        assertThat(GoFloat.formatE(Double.MIN_VALUE)).isEqualTo("5e-324");
    }

    @Test
    void jsonFormat() {
        assertThat(GoFloat.formatJson(1.0)).isEqualTo("1");
        assertThat(GoFloat.formatJson(0.1)).isEqualTo("0.1");
        assertThat(GoFloat.formatJson(1e20)).isEqualTo("100000000000000000000");
        assertThat(GoFloat.formatJson(1e21)).isEqualTo("1e+21");
        assertThat(GoFloat.formatJson(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(GoFloat.formatJson(1e-6)).isEqualTo("0.000001");
        assertThat(GoFloat.formatJson(9.99e-7)).isEqualTo("9.99e-7");
        assertThat(GoFloat.formatJson(1.2345e-10)).isEqualTo("1.2345e-10");
        assertThat(GoFloat.formatJson(-2.5e300)).isEqualTo("-2.5e+300");
        assertThat(GoFloat.formatJson(-0.0)).isEqualTo("-0");
        assertThat(GoFloat.formatJson(Double.NaN)).isEqualTo("null");
    }

    @Test
    void shortestDigitsMatchAnExactReference() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("GoFloatTest seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 3_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
            if (Double.isFinite(d)) {
                checkAgainstReference(d, seed);
            }
            checkAgainstReference(random.nextInt(10_000_000) / 1000.0, seed);
        }
        for (int e = -1074; e <= 1023; e++) {
            checkAgainstReference(Math.scalb(1.0, e), seed);
        }
        for (long bits = 1; bits < 2000; bits++) {
            checkAgainstReference(Double.longBitsToDouble(bits), seed);
        }
    }

    @Test
    void flogHelpersAreExact() {
        for (int e = -1100; e <= 1100; e++) {
            BigDecimal pow2 = e >= 0 ? new BigDecimal(java.math.BigInteger.TWO.pow(e))
                    : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-e)));
            assertThat(ShortestDecimal.flog10pow2(e)).isEqualTo(floorLog10(pow2));
            assertThat(ShortestDecimal.flog10threeQuartersPow2(e))
                    .isEqualTo(floorLog10(pow2.multiply(new BigDecimal("0.75"))));
        }
    }

    @Test
    void flog2pow10IsExact() {
        for (int e = -400; e <= 400; e++) {
            int bits = java.math.BigInteger.TEN.pow(Math.abs(e)).bitLength();
            int expected = e >= 0 ? bits - 1 : -bits; // 10^e is never a power of two for e != 0
            assertThat(ShortestDecimal.flog2pow10(e)).as("e=%d", e).isEqualTo(e == 0 ? 0 : expected);
        }
    }

    private static int floorLog10(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }

    private static void checkAgainstReference(double v, long seed) {
        ShortestDecimal.Decimal d = ShortestDecimal.of(v);
        String got = d.digits() == 0 ? "0e0" : d.digits() + "e" + d.exponent();
        assertThat(got).as("seed %d value %s", seed, v).isEqualTo(reference(v));
        assertThat(Double.parseDouble(GoFloat.formatG(v))).isEqualTo(v);
    }

    // Shortest decimal that reads back as v; the closer one (even digit on a tie) when two qualify.
    static String reference(double v) {
        if (v == 0) {
            return "0e0";
        }
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean loOk = Double.parseDouble(lo.toString()) == v;
            boolean hiOk = Double.parseDouble(hi.toString()) == v;
            BigDecimal pick = null;
            if (loOk && hiOk) {
                int c = exact.subtract(lo).compareTo(hi.subtract(exact));
                pick = c < 0 || (c == 0 && !lo.unscaledValue().testBit(0)) ? lo : hi;
            } else if (loOk || hiOk) {
                pick = loOk ? lo : hi;
            }
            if (pick != null) {
                pick = pick.stripTrailingZeros();
                return pick.unscaledValue() + "e" + (-pick.scale());
            }
        }
        throw new AssertionError("no decimal reads back as " + v);
    }
}
