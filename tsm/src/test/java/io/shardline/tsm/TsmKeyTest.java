package io.shardline.tsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.model.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TsmKeyTest {

    private static TsmKey parse(String s) {
        return TsmKey.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesKeysAsInfluxDbWritesThem() {
        TsmKey k = parse("cpu\\,1\\ x,host=a\\ b,region=us\\=west\\,1#!~#usage idle");
        assertThat(k.series().measurement()).isEqualTo("cpu,1 x");
        assertThat(k.series().tags()).containsExactly(Map.entry("host", "a b"), Map.entry("region", "us=west,1"));
        assertThat(k.field()).isEqualTo("usage idle");
        assertThat(parse("m#!~#f#!~#g").field()).isEqualTo("f#!~#g");
        // A backslash before any other character is literal.
        TsmKey literal = parse("a\\b,t\\x=v\\\\#!~#f\\");
        assertThat(literal.series().measurement()).isEqualTo("a\\b");
        assertThat(literal.series().tag("t\\x")).isEqualTo("v\\\\");
        assertThat(literal.field()).isEqualTo("f\\");
        assertThatThrownBy(() -> parse("cpu,host=a")).hasMessageContaining("separator");
    }

    @Test
    void formatsWhatItParses() {
        SeriesKey s = SeriesKey.of("wea ther,x", Map.of("lo c", "a=b,c", "é", "日本"));
        TsmKey k = new TsmKey(s, "temp, \"c\"");
        byte[] bytes = k.toBytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("wea\\ ther\\,x,lo\\ c=a\\=b\\,c,é=日本#!~#temp, \"c\"");
        assertThat(TsmKey.parse(bytes)).isEqualTo(k);
    }

    @Test
    void refusesKeysInfluxDbWouldReadBackDifferently() {
        assertThatThrownBy(() -> new TsmKey(SeriesKey.of("m", Map.of("t", "a#!~#b")), "f").toBytes())
                .hasMessageContaining("#!~#");
        assertThatThrownBy(() -> new TsmKey(SeriesKey.of("m#!~", Map.of()), "f").toBytes())
                .hasMessageContaining("#!~#");
        assertThatThrownBy(() -> new TsmKey(SeriesKey.of("m", Map.of("t", "ends\\", "u", "v")), "f").toBytes())
                .hasMessageContaining("would be read back");
    }

    @Test
    void randomKeysRoundTrip() {
        Random r = TestSeeds.random("TsmKeyTest.randomKeysRoundTrip");
        String alphabet = "ab ,=\\\"#!~é日";
        int refused = 0;
        int n = TestSeeds.iterations(3000);
        for (int it = 0; it < n; it++) {
            Map<String, String> tags = new TreeMap<>();
            for (int t = r.nextInt(4); t > 0; t--) {
                tags.put(word(r, alphabet), word(r, alphabet));
            }
            TsmKey k = new TsmKey(SeriesKey.of(word(r, alphabet), tags), word(r, alphabet));
            byte[] b;
            try {
                b = k.toBytes();
            } catch (IllegalArgumentException e) {
                refused++;
                continue;
            }
            assertThat(TsmKey.parse(b)).as("key %s", k).isEqualTo(k);
        }
        assertThat(refused).as("keys refused").isLessThan(n / 2);
    }

    private static String word(Random r, String alphabet) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
