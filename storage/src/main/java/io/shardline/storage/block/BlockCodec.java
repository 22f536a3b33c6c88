package io.shardline.storage.block;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.FieldTypeCodes;

/**
 * Encodes and decodes the segments that make up a block, the value stored for one (series, time
 * bucket). A write appends one segment (through RocksDB's string-append merge, so no read before
 * write); a rewrite replaces them all by one compact segment. Stateless.
 *
 * <pre>
 * block    := segment+
 * segment  := varint bodyLength | u8 flags (bit 0: compact) | varint columnCount | column*
 * column   := varint fieldId | varint columnLength | varint n | u8 typeCode | u8 encoding
 *             | [timestamps | versions  unless encoding bit 0: same as the previous column]
 *             | values
 * encoding := bit 0 shared timestamps and versions, bit 1 Gorilla floats
 * timestamps := zigzag(t0 - bucketStart) | zigzag(delta-of-delta) * (n - 1)     strictly ascending
 * versions := varint runs | (varint runLength | zigzag(version - previous run's version)) * runs
 * values   := float: 8 bytes LE each, or varint byteLength | Gorilla bit stream
 *           | integer, unsigned: zigzag delta from the previous value (first from 0)
 *           | boolean: bitmap, (n + 7) / 8 bytes | string: (varint length | UTF-8) * n
 * </pre>
 */
public final class BlockCodec {

    /** Segment flag: the block was rewritten (one segment, tombstones applied). */
    public static final int COMPACT = 1;
    static final int SHARED_TIME = 1;
    static final int GORILLA = 2;

    private BlockCodec() {
    }

    /**
     * Appends one segment holding {@code cols[0..count)} (ascending unique timestamps, fieldId and
     * type set) to {@code out}; {@code body} and {@code col} are scratch buffers.
     */
    public static void writeSegment(ByteSink out, ByteSink body, ByteSink col, long bucketStart, Column[] cols,
            int count, boolean compact) {
        body.reset();
        body.put(compact ? COMPACT : 0).putVarInt(count);
        Column prev = null;
        for (int c = 0; c < count; c++) {
            Column column = cols[c];
            col.reset();
            boolean shared = prev != null && sameTime(prev, column);
            int encoding = (shared ? SHARED_TIME : 0) | (compact && column.type == FieldType.FLOAT ? GORILLA : 0);
            col.putVarInt(column.size).put(FieldTypeCodes.code(column.type)).put(encoding);
            if (!shared) {
                writeTimes(col, bucketStart, column);
            }
            writeValues(col, column, (encoding & GORILLA) != 0);
            body.putVarInt(column.fieldId).putVarInt(col.length()).put(col.array(), 0, col.length());
            prev = column;
        }
        out.putVarInt(body.length()).put(body.array(), 0, body.length());
    }

    private static boolean sameTime(Column a, Column b) {
        if (a.size != b.size) {
            return false;
        }
        for (int i = 0; i < a.size; i++) {
            if (a.ts[i] != b.ts[i] || a.versions[i] != b.versions[i]) {
                return false;
            }
        }
        return true;
    }

    private static void writeTimes(ByteSink out, long bucketStart, Column c) {
        long prevTs = bucketStart;
        long prevDelta = 0;
        for (int i = 0; i < c.size; i++) {
            long delta = c.ts[i] - prevTs;
            out.putZigzag(i == 0 ? delta : delta - prevDelta);
            prevDelta = i == 0 ? 0 : delta;
            prevTs = c.ts[i];
        }
        int runs = 0;
        for (int i = 0; i < c.size; i++) {
            if (i == 0 || c.versions[i] != c.versions[i - 1]) {
                runs++;
            }
        }
        out.putVarInt(runs);
        long prevVersion = 0;
        for (int i = 0; i < c.size; ) {
            int j = i;
            while (j < c.size && c.versions[j] == c.versions[i]) {
                j++;
            }
            out.putVarInt(j - i).putZigzag(c.versions[i] - prevVersion);
            prevVersion = c.versions[i];
            i = j;
        }
    }

    private static void writeValues(ByteSink out, Column c, boolean gorilla) {
        switch (c.type) {
            case FLOAT -> {
                if (gorilla && c.size > 0) {
                    ByteSink g = new ByteSink(c.size * 4);
                    Gorilla.encode(c.bits, c.size, g);
                    out.putVarInt(g.length()).put(g.array(), 0, g.length());
                } else {
                    for (int i = 0; i < c.size; i++) {
                        out.putLongLE(c.bits[i]);
                    }
                }
            }
            case INTEGER, UNSIGNED -> {
                long prev = 0;
                for (int i = 0; i < c.size; i++) {
                    out.putZigzag(c.bits[i] - prev);
                    prev = c.bits[i];
                }
            }
            case BOOLEAN -> {
                for (int i = 0; i < c.size; i += 8) {
                    int b = 0;
                    for (int k = 0; k < 8 && i + k < c.size; k++) {
                        b |= (c.bits[i + k] != 0 ? 1 : 0) << k;
                    }
                    out.put(b);
                }
            }
            case STRING -> {
                for (int i = 0; i < c.size; i++) {
                    out.putString(c.strings[i]);
                }
            }
            default -> throw new AssertionError(c.type);
        }
    }

    /**
     * Decodes one column body (after fieldId and length) into {@code target}, reading shared
     * timestamps and versions from {@code timeSource} when flagged.
     */
    static void readColumn(ByteSource in, long bucketStart, Column target, ByteSource timeSource,
            BitReader bitReader) {
        int n = in.getVarInt();
        FieldType type = FieldTypeCodes.type(in.get());
        int encoding = in.get();
        target.type = type;
        target.ensure(n);
        if ((encoding & SHARED_TIME) != 0) {
            if (timeSource == null) {
                throw ByteSource.corrupted("shared timestamps without a previous column");
            }
            readTimes(timeSource, bucketStart, target, n);
        } else {
            readTimes(in, bucketStart, target, n);
        }
        readValues(in, target, n, (encoding & GORILLA) != 0, bitReader);
        target.size = n;
    }

    /** Reads {@code n} timestamps and versions. */
    static void readTimes(ByteSource in, long bucketStart, Column c, int n) {
        long ts = bucketStart;
        long delta = 0;
        for (int i = 0; i < n; i++) {
            long d = in.getZigzag();
            delta = i == 0 ? d : delta + d;
            ts += delta;
            c.ts[i] = ts;
            if (i == 0) {
                delta = 0;
            }
        }
        int runs = in.getVarInt();
        long version = 0;
        int i = 0;
        for (int r = 0; r < runs; r++) {
            int len = in.getVarInt();
            version += in.getZigzag();
            if (len > n - i) {
                throw ByteSource.corrupted("version runs exceed the column");
            }
            java.util.Arrays.fill(c.versions, i, i + len, version);
            i += len;
        }
        if (i != n) {
            throw ByteSource.corrupted("version runs shorter than the column");
        }
    }

    private static void readValues(ByteSource in, Column c, int n, boolean gorilla, BitReader bits) {
        switch (c.type) {
            case FLOAT -> {
                if (gorilla && n > 0) {
                    int len = in.getVarInt();
                    int start = in.position();
                    in.skip(len);
                    bits.reset(in.array(), start, start + len);
                    Gorilla.decode(bits, c.bits, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        c.bits[i] = in.getLongLE();
                    }
                }
            }
            case INTEGER, UNSIGNED -> {
                long prev = 0;
                for (int i = 0; i < n; i++) {
                    prev += in.getZigzag();
                    c.bits[i] = prev;
                }
            }
            case BOOLEAN -> {
                for (int i = 0; i < n; i += 8) {
                    int b = in.get();
                    for (int k = 0; k < 8 && i + k < n; k++) {
                        c.bits[i + k] = (b >>> k) & 1;
                    }
                }
            }
            case STRING -> {
                for (int i = 0; i < n; i++) {
                    c.strings[i] = in.getString();
                    c.bits[i] = 0;
                }
            }
            default -> throw new AssertionError(c.type);
        }
    }
}
