package io.shardline.storage.internal;

import io.shardline.model.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The unescaped, length-prefixed form of a series used inside storage formats, so a series can be
 * rebuilt without a line-protocol parser. Stateless.
 *
 * <pre>
 * varint len | measurement UTF-8 | varint tagCount | (varint len | key | varint len | value) * tagCount
 * </pre>
 */
public final class SeriesKeyCodec {

    private SeriesKeyCodec() {
    }

    public static void write(ByteSink out, SeriesKey s) {
        out.putString(s.measurement());
        out.putVarInt(s.tagCount());
        for (int i = 0; i < s.tagCount(); i++) {
            out.putString(s.tagKey(i));
            out.putString(s.tagValue(i));
        }
    }

    public static byte[] encode(SeriesKey s) {
        // an ASCII series' codec form is at most a few bytes longer than its key (one length byte per name where
        // the key has a separator), so one array usually holds it
        ByteSink out = new ByteSink(s.byteLength() + 8);
        write(out, s);
        return out.toByteArray();
    }

    public static SeriesKey read(ByteSource in) {
        String m = in.getString();
        int n = in.getVarInt();
        String[] keys = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.getString();
            values[i] = in.getString();
        }
        try {
            return SeriesKey.of(m, keys, values);
        } catch (IllegalArgumentException e) {
            throw ByteSource.corrupted("bad series: " + e.getMessage());
        }
    }

    public static SeriesKey decode(byte[] b) {
        return read(new ByteSource(b));
    }

    /**
     * Decodes many keys one after the other, as an index scan hands them out: a string whose bytes equal those of
     * the same field (the measurement, the i-th tag key or value) in a recent key is that key's String again, not a
     * new one, so 300 k series of one measurement, a few tag keys and a few values per key but one cost a String
     * each for the varying value only. Each field remembers {@link #SLOTS} strings by their bytes' hash. Not
     * thread-safe.
     */
    public static final class Decoder {

        /** Fields (measurement, key 0, value 0, key 1, ...) whose strings are remembered; later ones are not. */
        private static final int FIELDS = 17;
        private static final int SLOTS = 32;

        private final ByteSource in = new ByteSource(new byte[0]);
        /** Per field and slot: the bytes a remembered string was decoded from (the key's array, kept) and it. */
        private final byte[][] source = new byte[FIELDS * SLOTS][];
        private final int[] from = new int[FIELDS * SLOTS];
        private final int[] length = new int[FIELDS * SLOTS];
        private final String[] strings = new String[FIELDS * SLOTS];

        public SeriesKey decode(byte[] b) {
            in.reset(b, 0, b.length);
            int field = 0;
            String m = string(b, field++);
            int n = in.getVarInt();
            String[] keys = new String[n];
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                keys[i] = string(b, field++);
                values[i] = string(b, field++);
            }
            try {
                return SeriesKey.ofOwned(m, keys, values);
            } catch (IllegalArgumentException e) {
                throw ByteSource.corrupted("bad series: " + e.getMessage());
            }
        }

        private String string(byte[] b, int field) {
            int n = in.getVarInt();
            int at = in.position();
            in.skip(n);
            if (field >= FIELDS) {
                return new String(b, at, n, StandardCharsets.UTF_8);
            }
            int h = 1;
            for (int i = at; i < at + n; i++) {
                h = 31 * h + b[i];
            }
            int slot = field * SLOTS + ((h ^ (h >>> 16)) & (SLOTS - 1));
            byte[] src = source[slot];
            if (src != null && Arrays.equals(src, from[slot], from[slot] + length[slot], b, at, at + n)) {
                return strings[slot];
            }
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            source[slot] = b;
            from[slot] = at;
            length[slot] = n;
            strings[slot] = s;
            return s;
        }
    }
}
