package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import io.shardline.model.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A parsed series takes the line's raw key as its key bytes only when that is its encoding: whatever the line
 * (escapes, non-ASCII names, tags out of order), its bytes, text and hash are those of the same series built from
 * its names by {@link SeriesKey#of}.
 */
class ParsedSeriesKeyTest {

    private static final String[] NAMES = {"cpu", "host", "a", "b", "z", "server-00042", "r\u00e9gion", "a\\ b",
        "a\\,b", "a\\=b", "x\\y", "q\"t", "m=n", "\uD83D\uDE00"};

    @Test
    void parsedKeysEncodeAsKeysBuiltFromTheirNames() {
        long seed = System.nanoTime();
        System.out.println("ParsedSeriesKeyTest seed " + seed);
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder(pick(random).replace("=", "e"));
            for (int t = random.nextInt(4); t > 0; t--) {
                b.append(',').append(pick(random).replace("=", "\\=").replace("\\\\=", "\\="))
                        .append('=').append(pick(random).replace("=", "\\=").replace("\\\\=", "\\="));
            }
            lines.add(b.append(" f=1 ").append(i).toString());
        }
        ParseResult r = new LineProtocolParser().parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                Precision.NANOSECONDS, 0);
        assertThat(r.points()).as("seed %d", seed).isNotEmpty();
        int canonical = 0;
        for (Point p : r.points()) {
            SeriesKey parsed = p.series();
            SeriesKey built = SeriesKey.of(parsed.measurement(), parsed.tags());
            assertThat(parsed.toBytes()).as("seed %d: %s", seed, built).isEqualTo(built.toBytes());
            assertThat(parsed.toString()).isEqualTo(built.toString());
            assertThat(parsed.fnv64a()).isEqualTo(built.fnv64a());
            assertThat(parsed).isEqualTo(built);
            canonical += parsed.toString().chars().allMatch(c -> c < 0x80 && c != '\\') ? 1 : 0;
        }
        assertThat(canonical).as("seed %d: lines with a canonical key", seed).isPositive();
    }

    /** A tag value may begin with an unescaped '=' in line protocol; its key escapes it, so the raw bytes are not the key. */
    @Test
    void aValueBeginningWithAnUnescapedEqualsSignIsEncodedAsBuilt() {
        ParseResult r = new LineProtocolParser().parse("cpu,host==a f=1 1\ncpu,a=x,host==b f=1 2\ncpu,host=\\=a f=1 3\n"
                .getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, 0);
        assertThat(r.errors()).isEmpty();
        assertThat(r.points()).extracting(p -> p.series().toString())
                .containsExactly("cpu,host=\\=a", "cpu,a=x,host=\\=b", "cpu,host=\\=a");
        for (Point p : r.points()) {
            SeriesKey built = SeriesKey.of(p.series().measurement(), p.series().tags());
            assertThat(p.series().toBytes()).isEqualTo(built.toBytes());
            assertThat(p.series().fnv64a()).isEqualTo(built.fnv64a());
        }
        assertThat(r.points().get(0).series()).isEqualTo(r.points().get(2).series());
    }

    @Test
    void keyBytesThatNeedEscapingAreRefused() {
        assertThatThrownBy(() -> SeriesKey.ofEncoded("cpu", new String[] {"host"}, new String[] {"=a"},
                "cpu,host==a".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyBytesOfAnotherLengthAreRefused() {
        assertThatThrownBy(() -> SeriesKey.ofEncoded("cpu", new String[] {"host"}, new String[] {"a"},
                "cpu,host=ab".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(IllegalArgumentException.class);
        SeriesKey s = SeriesKey.ofEncoded("cpu", new String[] {"host"}, new String[] {"a"},
                "cpu,host=a".getBytes(StandardCharsets.US_ASCII));
        assertThat(s).isEqualTo(SeriesKey.of("cpu", new String[] {"host"}, new String[] {"a"}));
        assertThat(s.fnv64a()).isEqualTo(SeriesKey.of("cpu", new String[] {"host"}, new String[] {"a"}).fnv64a());
    }

    private static String pick(Random random) {
        return NAMES[random.nextInt(NAMES.length)];
    }
}
