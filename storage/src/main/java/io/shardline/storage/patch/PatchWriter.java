package io.shardline.storage.patch;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.Tombstone;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.FieldTypeCodes;
import io.shardline.storage.internal.SeriesKeyCodec;
import io.shardline.storage.internal.TombstoneCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Builds a {@link Patch}. Values are stored row by row (one timestamp, all its fields) so a patch
 * costs little more than the values it carries. Not thread-safe.
 *
 * <pre>
 * "SLP1" | varint valueCount | varint tombstoneCount | tombstone * (TombstoneCodec)
 *        | varint seriesCount | series * | u32 crc32c of all bytes before
 * series := seriesKey (SeriesKeyCodec) | varint fieldCount | (string field | u8 typeCode) * fieldCount
 *           | varint rowCount | row * rowCount
 * row    := zigzag timestamp delta | bitmap[(fieldCount + 8) / 8]   bit 0: versions differ, bit i+1: field i
 *           | zigzag row version delta | per present field: [zigzag (version - row version) if bit 0] value
 * value  := float: 8 bytes little-endian | integer: zigzag | unsigned: varint | boolean: 1 byte
 *           | string: varint length + UTF-8
 * Deltas are from the previous row of the series (the first from 0).
 * </pre>
 */
public final class PatchWriter {

    static final int MAGIC = 0x534c5031; // "SLP1"

    private final ByteSink tombstones = new ByteSink(64);
    private final ByteSink body = new ByteSink(4096);
    private final ByteSink rowsOut = new ByteSink(4096);
    private int tombstoneCount;
    private int seriesCount;
    private long values;
    private int[] pos = new int[8];

    public PatchWriter tombstone(Tombstone t) {
        TombstoneCodec.write(tombstones, t);
        tombstoneCount++;
        return this;
    }

    /**
     * Adds a series from its columns (each with {@code field} and {@code type} set, ascending unique
     * timestamps). Each series at most once per patch; empty columns are ignored.
     */
    public PatchWriter series(SeriesKey series, List<Column> columns) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            if (c.size > 0) {
                cols.add(c);
            }
        }
        if (cols.isEmpty()) {
            return this;
        }
        seriesCount++;
        SeriesKeyCodec.write(body, series);
        body.putVarInt(cols.size());
        for (Column c : cols) {
            body.putString(c.field).put(FieldTypeCodes.code(c.type));
        }
        rowsOut.reset();
        int rows = writeRows(cols);
        body.putVarInt(rows).put(rowsOut.array(), 0, rowsOut.length());
        return this;
    }

    private int writeRows(List<Column> cols) {
        int k = cols.size();
        if (pos.length < k) {
            pos = new int[k];
        }
        java.util.Arrays.fill(pos, 0, k, 0);
        byte[] bitmap = new byte[(k + 8) / 8];
        long prevTs = 0;
        long prevVersion = 0;
        int rows = 0;
        while (hasMore(cols)) {
            long t = nextTimestamp(cols);
            prevVersion = writeRow(cols, t, prevTs, prevVersion, bitmap);
            prevTs = t;
            rows++;
        }
        return rows;
    }

    private boolean hasMore(List<Column> cols) {
        for (int c = 0; c < cols.size(); c++) {
            if (pos[c] < cols.get(c).size) {
                return true;
            }
        }
        return false;
    }

    /** The smallest pending timestamp (some column has one pending). */
    private long nextTimestamp(List<Column> cols) {
        long t = Long.MAX_VALUE;
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            if (pos[c] < col.size) {
                t = Math.min(t, col.ts[pos[c]]);
            }
        }
        return t;
    }

    /** Writes the row at {@code t}; returns its row version. */
    private long writeRow(List<Column> cols, long t, long prevTs, long prevVersion, byte[] bitmap) {
        java.util.Arrays.fill(bitmap, (byte) 0);
        long rowVersion = 0;
        boolean first = true;
        boolean mixed = false;
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            if (pos[c] < col.size && col.ts[pos[c]] == t) {
                bitmap[(c + 1) >> 3] |= (byte) (1 << ((c + 1) & 7));
                long v = col.versions[pos[c]];
                mixed |= !first && v != rowVersion;
                rowVersion = first ? v : rowVersion;
                first = false;
            }
        }
        bitmap[0] |= (byte) (mixed ? 1 : 0);
        rowsOut.putZigzag(t - prevTs).put(bitmap).putZigzag(rowVersion - prevVersion);
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            if (pos[c] < col.size && col.ts[pos[c]] == t) {
                int i = pos[c]++;
                if (mixed) {
                    rowsOut.putZigzag(col.versions[i] - rowVersion);
                }
                writeValue(col.type, col.bits[i], col.string(i));
                values++;
            }
        }
        return rowVersion;
    }

    private void writeValue(FieldType type, long bits, String string) {
        switch (type) {
            case FLOAT -> rowsOut.putLongLE(bits);
            case INTEGER -> rowsOut.putZigzag(bits);
            case UNSIGNED -> rowsOut.putVarLong(bits);
            case BOOLEAN -> rowsOut.put(bits != 0 ? 1 : 0);
            case STRING -> rowsOut.putString(string);
            default -> throw new AssertionError(type);
        }
    }

    /** The finished patch. */
    public Patch finish() {
        ByteSink out = new ByteSink(tombstones.length() + body.length() + 32);
        out.putIntBE(MAGIC).putVarLong(values).putVarInt(tombstoneCount);
        out.put(tombstones.array(), 0, tombstones.length());
        out.putVarInt(seriesCount);
        out.put(body.array(), 0, body.length());
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.length());
        out.putIntBE((int) crc.getValue());
        return new Patch(out.toByteArray(), values, tombstoneCount);
    }
}
