package io.shardline.query.exec;

import io.shardline.query.function.PartialState;
import io.shardline.query.function.PartialStateCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binary form of what an owner sends back: raw rows or partial aggregates (batches of either). Stateless.
 *
 * <pre>
 * batch   := version:u8(=1) kind:u8 (1 rows | 2 partials) n:i32 item*n
 * group   := measurement:str tags:i32 (key:str value:str)*
 * row     := flags:u8 [group] time:i64 [seriesKey:str] values:i32 value*     (value as in PartialStateCodec)
 *            flags bit 0: a group follows (else the previous row's), bit 1: a series key follows (else the previous)
 * partial := group bucket:i64 states:i32 (len:i32 state-bytes)*
 * </pre>
 */
public final class ShardResultCodec {

    private ShardResultCodec() {
    }

    /** Encodes raw rows. */
    public static byte[] encodeRows(List<RawRow> rows) {
        return write(out -> {
            out.writeByte(1);
            out.writeInt(rows.size());
            RawRow previous = null;
            for (RawRow r : rows) {
                // Rows come an output series at a time, mostly a series at a time: send each only when it changes.
                boolean newGroup = previous == null || !previous.group().equals(r.group());
                boolean newSeries = previous == null || !previous.seriesKey().equals(r.seriesKey());
                out.writeByte((newGroup ? 1 : 0) | (newSeries ? 2 : 0));
                if (newGroup) {
                    group(out, r.group());
                }
                out.writeLong(r.time());
                if (newSeries) {
                    str(out, r.seriesKey());
                }
                previous = r;
                out.writeInt(r.values().length);
                for (Object v : r.values()) {
                    PartialStateCodec.writeValue(out, v);
                }
            }
        });
    }

    /** Encodes partial aggregates. */
    public static byte[] encodePartials(List<PartialGroup> partials) {
        return write(out -> {
            out.writeByte(2);
            out.writeInt(partials.size());
            for (PartialGroup p : partials) {
                group(out, p.group());
                out.writeLong(p.bucket());
                out.writeInt(p.states().size());
                for (PartialState s : p.states()) {
                    byte[] b = PartialStateCodec.encode(s);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        });
    }

    /** Decodes a batch written by {@link #encodeRows}. */
    public static List<RawRow> decodeRows(byte[] data) {
        RawRow[] previous = {null};
        return read(data, 1, in -> {
            int flags = in.readUnsignedByte();
            if (previous[0] == null && flags != 3) {
                throw new IOException("first row without group and series key");
            }
            GroupKey g = (flags & 1) != 0 ? group(in) : previous[0].group();
            long time = in.readLong();
            String key = (flags & 2) != 0 ? str(in) : previous[0].seriesKey();
            Object[] values = new Object[count(in)];
            for (int i = 0; i < values.length; i++) {
                values[i] = PartialStateCodec.readValue(in);
            }
            RawRow row = new RawRow(g, time, key, values);
            previous[0] = row;
            return row;
        });
    }

    /** Decodes a batch written by {@link #encodePartials}. */
    public static List<PartialGroup> decodePartials(byte[] data) {
        return read(data, 2, in -> {
            GroupKey g = group(in);
            long bucket = in.readLong();
            int n = count(in);
            List<PartialState> states = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                states.add(PartialStateCodec.decode(in.readNBytes(count(in))));
            }
            return new PartialGroup(g, bucket, states);
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface ItemReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> List<T> read(byte[] data, int kind, ItemReader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readUnsignedByte() != 1 || in.readUnsignedByte() != kind) {
                throw new IllegalArgumentException("unexpected shard result batch");
            }
            int n = count(in);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(reader.read(in));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated shard result batch", e);
        }
    }

    private static void group(DataOutputStream out, GroupKey g) throws IOException {
        str(out, g.measurement());
        out.writeInt(g.tags().size());
        for (Map.Entry<String, String> e : g.tags().entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static GroupKey group(DataInputStream in) throws IOException {
        String m = str(in);
        int n = count(in);
        Map<String, String> tags = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            tags.put(str(in), str(in));
        }
        return new GroupKey(m, tags);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
    }
}
