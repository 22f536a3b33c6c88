package io.shardline.query.function;

import io.shardline.model.FieldType;
import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Unsigned;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of {@link PartialState}s for shipping between nodes. Stateless.
 *
 * <pre>
 * state  := version:u8(=1) kind:u8 body
 * body   := count: i64 | sum: value | mean: bool f64 i64 i64 | spread: value value
 *         | stddev: i64 f64 f64 | selector: i64 value aux | sample, distinct: n:i32 (i64 value aux)*n
 *         | mode: n:i32 (value count:i64 minTime:i64 maxTime:i64)*n | reservoir: count:i64 n:i32 (i64 value aux)*n
 *         | sample columns: type:u8 (1 float | 2 integer | 3 unsigned) n:i32 time:i64*n bits:i64*n
 * value  := tag:u8 (0 null | 1 f64 | 2 i64 | 3 u64 | 4 len:i32 utf8 | 5 bool | 6 time:i64)
 * aux    := n:i32 (-1 = none) value*n
 * </pre>
 */
public final class PartialStateCodec {

    private static final int VERSION = 1;

    private PartialStateCodec() {
    }

    /** Encodes a state. */
    public static byte[] encode(PartialState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, PartialState state) throws IOException {
        if (state instanceof CountState s) {
            out.writeByte(1);
            out.writeLong(s.count());
        } else if (state instanceof SumState s) {
            out.writeByte(2);
            writeValue(out, s.sum());
        } else if (state instanceof MeanState s) {
            out.writeByte(3);
            out.writeBoolean(s.integer());
            out.writeDouble(s.floatSum());
            out.writeLong(s.integerSum());
            out.writeLong(s.count());
        } else if (state instanceof SpreadState s) {
            out.writeByte(4);
            writeValue(out, s.min());
            writeValue(out, s.max());
        } else if (state instanceof SelectorState s) {
            out.writeByte(6);
            writePoint(out, new AggregatePoint(s.time(), s.value(), s.aux()));
        } else if (state instanceof SampleState s) {
            out.writeByte(7);
            writePoints(out, s.points());
        } else if (state instanceof SampleColumns s) {
            out.writeByte(11);
            writeColumns(out, s);
        } else if (state instanceof DistinctState s) {
            out.writeByte(8);
            writePoints(out, s.values());
        } else if (state instanceof ReservoirState s) {
            out.writeByte(10);
            out.writeLong(s.count());
            writePoints(out, s.points());
        } else if (state instanceof ModeState s) {
            out.writeByte(9);
            out.writeInt(s.entries().size());
            for (ModeState.Entry e : s.entries()) {
                writeValue(out, e.value());
                out.writeLong(e.count());
                out.writeLong(e.minTime());
                out.writeLong(e.maxTime());
            }
        }
    }

    /**
     * Decodes a state.
     *
     * @throws IllegalArgumentException on malformed input
     */
    public static PartialState decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown partial state version " + version);
            }
            int kind = in.readUnsignedByte();
            return switch (kind) {
                case 1 -> new CountState(in.readLong());
                case 2 -> new SumState(readValue(in));
                case 3 -> new MeanState(in.readBoolean(), in.readDouble(), in.readLong(), in.readLong());
                case 4 -> new SpreadState(readValue(in), readValue(in));
                // 5 was stddev's (count, mean, M2) before stddev kept its values like 1.x's two passes
                case 6 -> {
                    AggregatePoint p = readPoint(in);
                    yield new SelectorState(p.time(), p.value(), p.aux());
                }
                case 7 -> new SampleState(readPoints(in));
                case 8 -> new DistinctState(readPoints(in));
                case 9 -> readMode(in);
                case 10 -> new ReservoirState(in.readLong(), readPoints(in));
                case 11 -> readColumns(in);
                default -> throw new IllegalArgumentException("unknown partial state kind " + kind);
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated partial state", e);
        }
    }

    private static ModeState readMode(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad mode entry count " + n);
        }
        List<ModeState.Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new ModeState.Entry(readValue(in), in.readLong(), in.readLong(), in.readLong()));
        }
        return new ModeState(entries);
    }

    private static final FieldType[] COLUMN_TYPES = {null, FieldType.FLOAT, FieldType.INTEGER, FieldType.UNSIGNED};

    private static void writeColumns(DataOutputStream out, SampleColumns s) throws IOException {
        out.writeByte(java.util.Arrays.asList(COLUMN_TYPES).indexOf(s.type()));
        out.writeInt(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.writeLong(s.times()[i]);
        }
        for (int i = 0; i < s.size(); i++) {
            out.writeLong(s.values()[i]);
        }
    }

    private static SampleColumns readColumns(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        int n = in.readInt();
        if (type == 0 || type >= COLUMN_TYPES.length) {
            throw new IOException("unknown column type " + type);
        }
        if (n < 0 || n > in.available() / 16) {
            throw new IOException("bad column length " + n);
        }
        long[] times = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = in.readLong();
        }
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return new SampleColumns(COLUMN_TYPES[type], times, values, n);
    }

    private static void writePoints(DataOutputStream out, List<AggregatePoint> points) throws IOException {
        out.writeInt(points.size());
        for (AggregatePoint p : points) {
            writePoint(out, p);
        }
    }

    private static List<AggregatePoint> readPoints(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count");
        }
        List<AggregatePoint> points = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            points.add(readPoint(in));
        }
        return points;
    }

    private static void writePoint(DataOutputStream out, AggregatePoint p) throws IOException {
        out.writeLong(p.time());
        writeValue(out, p.value());
        Object[] aux = p.aux();
        out.writeInt(aux == null ? -1 : aux.length);
        if (aux != null) {
            for (Object v : aux) {
                writeValue(out, v);
            }
        }
    }

    private static AggregatePoint readPoint(DataInputStream in) throws IOException {
        long time = in.readLong();
        Object value = readValue(in);
        int n = in.readInt();
        if (n > in.available()) { // every value takes at least one byte: a larger count is corrupt
            throw new IOException("bad auxiliary field count " + n);
        }
        Object[] aux = n < 0 ? null : new Object[n];
        for (int i = 0; i < n; i++) {
            aux[i] = readValue(in);
        }
        return new AggregatePoint(time, value, aux);
    }

    /** Writes one query value (null, Double, Long, Unsigned, String, Boolean, Timestamp). */
    public static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Double d) {
            out.writeByte(1);
            out.writeDouble(d);
        } else if (v instanceof Long l) {
            out.writeByte(2);
            out.writeLong(l);
        } else if (v instanceof Unsigned u) {
            out.writeByte(3);
            out.writeLong(u.bits());
        } else if (v instanceof String s) {
            out.writeByte(4);
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof Boolean b) {
            out.writeByte(5);
            out.writeBoolean(b);
        } else if (v instanceof Timestamp t) {
            out.writeByte(6);
            out.writeLong(t.nanos());
        } else {
            throw new IllegalArgumentException("not a query value: " + v.getClass());
        }
    }

    /** Reads one value written by {@link #writeValue}. */
    public static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readDouble();
            case 2 -> in.readLong();
            case 3 -> new Unsigned(in.readLong());
            case 4 -> {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    throw new IOException("bad string length " + n);
                }
                byte[] b = in.readNBytes(n);
                yield new String(b, StandardCharsets.UTF_8);
            }
            case 5 -> in.readBoolean();
            case 6 -> new Timestamp(in.readLong());
            default -> throw new IOException("unknown value tag " + tag);
        };
    }
}
