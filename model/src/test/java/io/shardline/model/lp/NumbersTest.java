package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact number conversions agree with Java's correctly rounded parser and Go's strconv. */
class NumbersTest {

    private final Numbers numbers = new Numbers();

    private int parseFloat(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return numbers.parseFloat(b, 0, b.length);
    }

    @Test
    void randomDecimalsMatchDoubleParseDouble() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("NumbersTest seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            String s = randomDecimal(random);
            double expected = Double.parseDouble(s);
            int r = parseFloat(s);
            if (Double.isInfinite(expected)) {
                assertThat(r).as("seed %d %s", seed, s).isEqualTo(Numbers.RANGE);
            } else if (r != Numbers.OK || numbers.value != Double.doubleToRawLongBits(expected)) {
                assertThat(Double.longBitsToDouble(numbers.value)).as("seed %d %s", seed, s).isEqualTo(expected);
            }
        }
    }

    private static String randomDecimal(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append('-');
        }
        int digits = 1 + r.nextInt(r.nextBoolean() ? 8 : 25);
        int point = r.nextInt(digits + 2) - 1;
        for (int i = 0; i < digits; i++) {
            if (i == point) {
                b.append('.');
            }
            b.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextInt(3) == 0) {
            b.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "")
                    .append(r.nextInt(r.nextBoolean() ? 30 : 340));
        }
        return b.toString();
    }

    @Test
    void floatSyntaxAndRange() {
        assertThat(parseFloat("1e")).isEqualTo(Numbers.SYNTAX);
        assertThat(parseFloat(".e5")).isEqualTo(Numbers.SYNTAX);
        assertThat(parseFloat("1.2.3")).isEqualTo(Numbers.SYNTAX);
        assertThat(parseFloat("1d")).isEqualTo(Numbers.SYNTAX);
        assertThat(parseFloat("NaN")).isEqualTo(Numbers.SYNTAX);
        assertThat(parseFloat("1.8e308")).isEqualTo(Numbers.RANGE);
        assertThat(parseFloat("1e99999999999")).isEqualTo(Numbers.RANGE);
        assertThat(parseFloat("0e99999999999")).isEqualTo(Numbers.OK);
        assertThat(parseFloat("9223372036854776000")).isEqualTo(Numbers.OK);
        assertThat(Double.longBitsToDouble(numbers.value)).isEqualTo(9.223372036854776E18);
    }

    @Test
    void integers() {
        byte[] max = "9223372036854775807".getBytes(StandardCharsets.US_ASCII);
        assertThat(numbers.parseInt(max, 0, max.length)).isEqualTo(Numbers.OK);
        assertThat(numbers.value).isEqualTo(Long.MAX_VALUE);
        byte[] min = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
        assertThat(numbers.parseInt(min, 0, min.length)).isEqualTo(Numbers.OK);
        assertThat(numbers.value).isEqualTo(Long.MIN_VALUE);
        byte[] over = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
        assertThat(numbers.parseInt(over, 0, over.length)).isEqualTo(Numbers.RANGE);
        byte[] dash = "-".getBytes(StandardCharsets.US_ASCII);
        assertThat(numbers.parseInt(dash, 0, 1)).isEqualTo(Numbers.SYNTAX);
        byte[] umax = "18446744073709551615".getBytes(StandardCharsets.US_ASCII);
        assertThat(numbers.parseUint(umax, 0, umax.length)).isEqualTo(Numbers.OK);
        assertThat(numbers.value).isEqualTo(-1L);
        byte[] uover = "18446744073709551616".getBytes(StandardCharsets.US_ASCII);
        assertThat(numbers.parseUint(uover, 0, uover.length)).isEqualTo(Numbers.RANGE);
    }
}
