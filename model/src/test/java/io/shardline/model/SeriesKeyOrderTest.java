package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SeriesKey#compareBytes} orders keys as their texts compare by code point (UTF-8 byte order), including
 * characters where UTF-16 order differs, escaped characters and prefixes, and is zero only for equal keys.
 */
class SeriesKeyOrderTest {

    private static final String[] PIECES = {"", "a", "b", "ab", " ", ",", "=", "\\", "\u00e9", "\uFF21",
        "\uD83D\uDE00", "server-00042", "server-0004", "z"};

    @Test
    void byteOrderIsTheTextsCodePointOrder() {
        long seed = System.nanoTime();
        System.out.println("SeriesKeyOrderTest seed " + seed);
        Random random = new Random(seed);
        SeriesKey[] keys = new SeriesKey[300];
        for (int i = 0; i < keys.length; i++) {
            Map<String, String> tags = new TreeMap<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                String k = "k" + piece(random);
                String v = piece(random);
                if (!v.isEmpty()) {
                    tags.put(k, v);
                }
            }
            keys[i] = SeriesKey.of("m" + piece(random), tags);
        }
        for (SeriesKey a : keys) {
            for (SeriesKey b : keys) {
                int expected = Integer.signum(codePointOrder(a.toString(), b.toString()));
                assertThat(Integer.signum(a.compareBytes(b))).as("seed %d: %s vs %s", seed, a, b).isEqualTo(expected);
                assertThat(a.compareBytes(b) == 0).isEqualTo(a.equals(b));
            }
        }
    }

    private static int codePointOrder(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)] + (random.nextBoolean() ? PIECES[random.nextInt(PIECES.length)]
                : "");
    }
}
