package io.shardline.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.model.SeriesKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec's round trip, and the bulk decoder's reuse of recent strings giving the same keys. */
class SeriesKeyCodecTest {

    private static final String[] PIECES = {"cpu", "mem", "host", "dc", "region", "server-00042", "dc-0", "dc-1",
        "h\u00e9te", "\u6771\u4eac", "\uD83D\uDE00", "a b", "a,b", "a=b", "x"};

    @Test
    void decoderGivesTheKeysDecodeGives() {
        long seed = System.nanoTime();
        System.out.println("SeriesKeyCodecTest seed " + seed);
        Random random = new Random(seed);
        SeriesKeyCodec.Decoder decoder = new SeriesKeyCodec.Decoder();
        List<SeriesKey> previous = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Map<String, String> tags = new HashMap<>();
            int n = random.nextInt(i % 50 == 0 ? 12 : 4); // now and then more tags than the decoder remembers
            for (int t = 0; t < n; t++) {
                String value = random.nextInt(3) == 0 ? "v" + random.nextInt(100_000) : piece(random);
                tags.put(piece(random) + (n > 4 ? t : ""), value);
            }
            SeriesKey key = SeriesKey.of(random.nextBoolean() ? "cpu" : piece(random), tags);
            SeriesKey decoded = decoder.decode(SeriesKeyCodec.encode(key));
            assertThat(decoded).as("seed %d", seed).isEqualTo(key).isEqualTo(SeriesKeyCodec.decode(
                    SeriesKeyCodec.encode(key)));
            assertThat(decoded.toString()).as("seed %d", seed).isEqualTo(key.toString());
            previous.add(decoded);
        }
        for (SeriesKey k : previous) { // strings handed out earlier were not changed by later keys
            assertThat(SeriesKeyCodec.decode(SeriesKeyCodec.encode(k))).as("seed %d", seed).isEqualTo(k);
        }
    }

    @Test
    void decoderRejectsTruncatedKeys() {
        byte[] whole = SeriesKeyCodec.encode(SeriesKey.of("cpu", Map.of("host", "a")));
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);
        assertThatThrownBy(() -> new SeriesKeyCodec.Decoder().decode(cut)).isInstanceOf(ShardlineException.class);
    }

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)];
    }
}
