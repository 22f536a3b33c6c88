package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.SeriesKeyCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte form of a {@link RowDigest}. Stateless.
 *
 * <pre>
 * "SLR1" | u64 versionCutoff | varint resolutionNanos | varint rangeCount | range * count | u32 crc32c
 * range := seriesKey (SeriesKeyCodec) | zigzag minTime | zigzag maxTime | varint slotCount
 *          | (zigzag delta-of-delta of the slot start | u64 slotHash) * slotCount
 * The first slot's delta is from minTime; regular slots cost one byte of time each.
 * </pre>
 */
public final class RowDigestCodec {

    private static final int MAGIC = 0x534c5231; // "SLR1"

    private RowDigestCodec() {
    }

    public static byte[] encode(RowDigest d) {
        ByteSink out = new ByteSink(256);
        out.putIntBE(MAGIC).putLongBE(d.versionCutoff()).putVarLong(d.resolutionNanos()).putVarInt(d.ranges().size());
        for (SeriesRows r : d.ranges()) {
            SeriesKeyCodec.write(out, r.range().series());
            out.putZigzag(r.range().minTime()).putZigzag(r.range().maxTime()).putVarInt(r.size());
            long prev = r.range().minTime();
            long prevDelta = 0;
            for (int i = 0; i < r.size(); i++) {
                long delta = r.timestamp(i) - prev;
                out.putZigzag(delta - prevDelta).putLongBE(r.hash(i));
                prev = r.timestamp(i);
                prevDelta = delta;
            }
        }
        return DigestCodec.withCrc(out);
    }

    public static RowDigest decode(byte[] bytes) {
        ByteSource in = DigestCodec.checked(bytes, MAGIC, "row digest");
        long cutoff = in.getLongBE();
        long resolution = in.getVarLong();
        int n = in.getVarInt();
        List<SeriesRows> ranges = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            SeriesKey key = SeriesKeyCodec.read(in);
            long min = in.getZigzag();
            long max = in.getZigzag();
            int rows = in.getVarInt();
            if (rows > in.remaining()) {
                throw ByteSource.corrupted("row digest row count");
            }
            long[] ts = new long[rows];
            long[] hashes = new long[rows];
            long prev = min;
            long delta = 0;
            for (int j = 0; j < rows; j++) {
                delta += in.getZigzag();
                prev += delta;
                ts[j] = prev;
                hashes[j] = in.getLongBE();
            }
            try {
                ranges.add(new SeriesRows(new SeriesRange(key, min, max), ts, hashes));
            } catch (IllegalArgumentException e) {
                throw ByteSource.corrupted("row digest: " + e.getMessage());
            }
        }
        try {
            return new RowDigest(cutoff, resolution, ranges);
        } catch (IllegalArgumentException e) {
            throw ByteSource.corrupted("row digest: " + e.getMessage());
        }
    }
}
