package io.shardline.storage.internal;

import io.shardline.model.SeriesKey;

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
}
