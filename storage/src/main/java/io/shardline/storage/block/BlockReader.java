package io.shardline.storage.block;

import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.EntryOrder;
import io.shardline.storage.internal.FieldTypeCodes;
import io.shardline.storage.internal.SeriesTombstones;
import java.util.function.IntPredicate;

/**
 * Reads a block: decodes the wanted columns of every segment and merges them per field into
 * ascending, unique timestamps where the winning value follows {@link EntryOrder}; then hides what
 * tombstones cover and trims to a time range. Reusable and not thread-safe: one per cursor.
 */
public final class BlockReader {

    private final ByteSource in = new ByteSource(new byte[0]);
    private final ByteSource times = new ByteSource(new byte[0]);
    private final BitReader bits = new BitReader();

    /**
     * Fills {@code out} (cleared first) with the merged columns of the fields {@code wanted} accepts;
     * returns the number of segments in the block.
     */
    public int read(byte[] value, long bucketStart, IntPredicate wanted, BlockColumns out) {
        out.clear();
        in.reset(value, 0, value.length);
        int segments = 0;
        while (in.hasRemaining()) {
            int len = in.getVarInt();
            int end = in.position() + len;
            if (len > in.remaining()) {
                throw ByteSource.corrupted("segment longer than the block");
            }
            readSegment(end, bucketStart, wanted, out);
            in.position(end);
            segments++;
        }
        return segments;
    }

    private void readSegment(int end, long bucketStart, IntPredicate wanted, BlockColumns out) {
        in.get();
        int columns = in.getVarInt();
        int timeAt = -1;
        for (int c = 0; c < columns; c++) {
            int fieldId = in.getVarInt();
            int len = in.getVarInt();
            int start = in.position();
            if (len > end - start) {
                throw ByteSource.corrupted("column longer than its segment");
            }
            in.getVarInt();
            in.get();
            boolean shared = (in.get() & BlockCodec.SHARED_TIME) != 0;
            int ownTimeAt = shared ? timeAt : in.position();
            if (wanted.test(fieldId)) {
                in.position(start);
                Column col = out.borrow();
                col.fieldId = fieldId;
                ByteSource timeSource = null;
                if (shared && timeAt >= 0) {
                    times.reset(in.array(), timeAt, end);
                    timeSource = times;
                }
                col.size = 0;
                BlockCodec.readColumn(in, bucketStart, col, timeSource, bits);
                merge(out, col);
            }
            timeAt = ownTimeAt;
            in.position(start + len);
        }
    }

    private static void merge(BlockColumns out, Column col) {
        Column existing = out.get(col.fieldId);
        if (existing == null) {
            out.add(col);
            return;
        }
        if (existing.size > 0 && col.size > 0 && existing.ts[existing.size - 1] < col.ts[0]) {
            for (int i = 0; i < col.size; i++) {
                existing.addFrom(col, i);
            }
            out.release(col);
            return;
        }
        Column merged = out.borrow();
        merged.fieldId = existing.fieldId;
        merged.type = existing.type;
        merged.size = 0;
        merged.ensure(existing.size + col.size);
        int i = 0;
        int j = 0;
        while (i < existing.size || j < col.size) {
            if (j >= col.size || (i < existing.size && existing.ts[i] < col.ts[j])) {
                merged.addFrom(existing, i++);
            } else if (i >= existing.size || col.ts[j] < existing.ts[i]) {
                merged.addFrom(col, j++);
            } else {
                if (wins(existing, i, col, j)) {
                    merged.addFrom(existing, i);
                } else {
                    merged.addFrom(col, j);
                }
                i++;
                j++;
            }
        }
        out.replace(existing, merged);
        out.release(col);
    }

    private static boolean wins(Column a, int i, Column b, int j) {
        return EntryOrder.compare(a.versions[i], FieldTypeCodes.code(a.type), a.bits[i], a.string(i),
                b.versions[j], FieldTypeCodes.code(b.type), b.bits[j], b.string(j)) >= 0;
    }

    /** Whether {@code value} is one segment already in compact form. */
    public static boolean isCompact(byte[] value) {
        ByteSource in = new ByteSource(value);
        int len = in.getVarInt();
        return len == in.remaining() && len > 0 && (in.get() & BlockCodec.COMPACT) != 0;
    }

    /** Hides what {@code tombstones} cover and keeps {@code [min, max]}; drops emptied columns. */
    public static void filter(BlockColumns cols, SeriesTombstones tombstones, long min, long max) {
        for (int c = 0; c < cols.count(); c++) {
            Column col = cols.at(c);
            tombstones.filter(col);
            trim(col, min, max);
        }
        cols.removeEmpty();
    }

    /** Keeps the values of {@code c} in {@code [min, max]}. */
    public static void trim(Column c, long min, long max) {
        if (c.size == 0 || (c.ts[0] >= min && c.ts[c.size - 1] <= max)) {
            return;
        }
        int from = 0;
        while (from < c.size && c.ts[from] < min) {
            from++;
        }
        int to = c.size;
        while (to > from && c.ts[to - 1] > max) {
            to--;
        }
        if (from > 0) {
            System.arraycopy(c.ts, from, c.ts, 0, to - from);
            System.arraycopy(c.versions, from, c.versions, 0, to - from);
            System.arraycopy(c.bits, from, c.bits, 0, to - from);
            if (c.strings != null) {
                System.arraycopy(c.strings, from, c.strings, 0, to - from);
            }
        }
        c.size = to - from;
    }
}
