package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A series key's bytes, text and hash are those of the 1.x key text (measurement with {@code ,} and space escaped,
 * tags with {@code ,}, space and {@code =} escaped) whether its names are ASCII (bytes written directly) or not
 * (encoded through the text); {@link SeriesKey#of(String, String[], String[])} gives the same key for tags in
 * order or not and never shares the caller's arrays.
 */
class SeriesKeyEncodingTest {

    private static final String[] PIECES = {"a", "b", "cpu", " ", ",", "=", "\\", "\"", "\u00e9", "\uFF21",
        "\uD83D\uDE00", "server-00042", "z", "\u007f"};

    @Test
    void bytesTextAndHashAreThoseOfTheKeyText() {
        long seed = System.nanoTime();
        System.out.println("SeriesKeyEncodingTest seed " + seed);
        Random random = new Random(seed);
        for (int n = 0; n < 2_000; n++) {
            int tags = random.nextInt(4);
            String measurement = name(random);
            String[] keys = new String[tags];
            String[] values = new String[tags];
            for (int t = 0; t < tags; t++) {
                keys[t] = "k" + t + name(random);
                values[t] = random.nextInt(8) == 0 ? "" : name(random);
            }
            SeriesKey s = SeriesKey.of(measurement, keys, values);
            String expected = keyText(s);
            assertThat(s.toString()).as("seed %d", seed).isEqualTo(expected);
            assertThat(s.toBytes()).as("seed %d: %s", seed, expected).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            assertThat(s.byteLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
            assertThat(s.fnv64a()).isEqualTo(Fnv64a.hash(expected.getBytes(StandardCharsets.UTF_8)));
            SeriesKey again = SeriesKey.of(measurement, keys.clone(), values.clone());
            assertThat(again).isEqualTo(s).hasSameHashCodeAs(s);
            assertThat(again.compareBytes(s)).isZero();
        }
    }

    @Test
    void sortedAndUnsortedTagsGiveTheSameKeyAndTheArraysAreCopied() {
        String[] keys = {"host", "region", "zone"};
        String[] values = {"h1", "eu", "z1"};
        SeriesKey sorted = SeriesKey.of("cpu", keys, values);
        SeriesKey unsorted = SeriesKey.of("cpu", new String[] {"zone", "host", "region"}, new String[] {"z1", "h1", "eu"});
        assertThat(sorted).isEqualTo(unsorted);
        assertThat(sorted.toString()).isEqualTo("cpu,host=h1,region=eu,zone=z1").isEqualTo(unsorted.toString());
        keys[0] = "changed";
        values[1] = "changed";
        assertThat(sorted.tagKey(0)).isEqualTo("host");
        assertThat(sorted.tagValue(1)).isEqualTo("eu");
        SeriesKey dropped = SeriesKey.of("cpu", new String[] {"a", "b"}, new String[] {"", "x"});
        assertThat(dropped.tagCount()).isEqualTo(1);
        assertThat(dropped.toString()).isEqualTo("cpu,b=x");
    }

    private static String name(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    /** The reference text, escaped character by character. */
    private static String keyText(SeriesKey s) {
        StringBuilder b = new StringBuilder(escape(s.measurement(), ", "));
        for (int i = 0; i < s.tagCount(); i++) {
            b.append(',').append(escape(s.tagKey(i), ", =")).append('=').append(escape(s.tagValue(i), ", ="));
        }
        return b.toString();
    }

    private static String escape(String s, String specials) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (specials.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    @Test
    void unsortedInputIsNotReordered() {
        String[] keys = {"b", "a"};
        String[] values = {"2", "1"};
        SeriesKey.of("m", keys, values);
        assertThat(Arrays.asList(keys)).containsExactly("b", "a");
        assertThat(Arrays.asList(values)).containsExactly("2", "1");
    }
}
