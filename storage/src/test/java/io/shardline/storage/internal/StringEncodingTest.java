package io.shardline.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.SeriesKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteSink#putString} writes a varint length and the UTF-8 bytes whether the string takes its ASCII path
 * or not (non-ASCII, 128 characters or more), and {@link SeriesKeyCodec} round-trips series of such names.
 */
class StringEncodingTest {

    private static final String[] PIECES = {"a", "server-00042", " ", "=", "\u007f", "\u0080", "\u00e9", "\uFF21",
        "\uD83D\uDE00", "x".repeat(60)};

    @Test
    void putStringIsVarintLengthAndUtf8() {
        long seed = System.nanoTime();
        System.out.println("StringEncodingTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String s = text(random);
            ByteSink sink = new ByteSink(1 + random.nextInt(40));
            sink.put(7);
            sink.putString(s);
            sink.putString(s);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write(7);
            for (int n = 0; n < 2; n++) {
                int len = utf8.length;
                while ((len & ~0x7F) != 0) {
                    expected.write((len & 0x7F) | 0x80);
                    len >>>= 7;
                }
                expected.write(len);
                expected.writeBytes(utf8);
            }
            assertThat(sink.toByteArray()).as("seed %d: %s", seed, s).isEqualTo(expected.toByteArray());
            ByteSource in = new ByteSource(sink.toByteArray());
            in.get();
            assertThat(in.getString()).isEqualTo(s);
            assertThat(in.getString()).isEqualTo(s);
        }
    }

    @Test
    void seriesRoundTripThroughTheCodec() {
        long seed = System.nanoTime();
        System.out.println("StringEncodingTest codec seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            int tags = random.nextInt(4);
            String[] keys = new String[tags];
            String[] values = new String[tags];
            for (int t = 0; t < tags; t++) {
                keys[t] = "k" + t + text(random);
                values[t] = text(random);
            }
            SeriesKey s = SeriesKey.of("m" + text(random), keys, values);
            assertThat(SeriesKeyCodec.decode(SeriesKeyCodec.encode(s))).as("seed %d", seed).isEqualTo(s);
        }
    }

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
