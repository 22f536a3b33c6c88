package io.shardline.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 'm' and 't' keys built from a shared prefix are byte for byte those built from the names. */
class KeysTest {

    private static final String[] NAMES = {"cpu", "host", "server-00042", "r\u00e9gion", "a b,c=d", "\uD83D\uDE00", "x"};

    @Test
    void keysFromAPrefixEqualKeysFromTheNames() {
        long seed = System.nanoTime();
        System.out.println("KeysTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            String m = name(random);
            String k = name(random);
            String v = name(random);
            int id = random.nextInt();
            assertThat(Keys.withId(Keys.measurementPrefix(Keys.LIVE_SERIES, m), null, id)).as("seed %d", seed)
                    .isEqualTo(Keys.measurementSeries(Keys.LIVE_SERIES, m, id));
            assertThat(Keys.withId(Keys.tagPrefix(m, k), v, id)).as("seed %d", seed)
                    .isEqualTo(Keys.tag(m, k, v, id)).isEqualTo(reference(Keys.TAG, id, m, k, v));
            assertThat(Keys.measurementSeries(Keys.LIVE_SERIES, m, id)).isEqualTo(reference(Keys.LIVE_SERIES, id, m));
        }
    }

    /** kind | (u16 length | UTF-8 bytes) per name | u32 id, big-endian. */
    private static byte[] reference(byte kind, int id, String... names) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(kind);
        for (String name : names) {
            byte[] u = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(u.length >>> 8);
            out.write(u.length);
            out.writeBytes(u);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(id >>> shift);
        }
        return out.toByteArray();
    }

    private static String name(Random random) {
        return NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)] : "");
    }
}
