package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.SeriesKeyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The byte form of a {@link Digest}, for sending between nodes. Deterministic: equal digests encode
 * to equal bytes. Stateless.
 *
 * <pre>
 * "SLD1" | varint bucketNanos | u64 versionCutoff
 *        | varint tombstoneCount | u64 tombstoneHash * count            (ascending)
 *        | varint seriesCount | series * count                          (partition, then key order)
 *        | u32 crc32c of all bytes before
 * series := seriesKey (SeriesKeyCodec) | varint bucketCount
 *           | (zigzag delta of bucket index | u64 leafHash | varint values) * bucketCount
 * bucket index = bucket start / bucketNanos; the first delta is from 0.
 * </pre>
 */
public final class DigestCodec {

    private static final int MAGIC = 0x534c4431; // "SLD1"

    private DigestCodec() {
    }

    public static byte[] encode(Digest d) {
        ByteSink out = new ByteSink(64 + d.series().size() * 64);
        out.putIntBE(MAGIC).putVarLong(d.bucketNanos()).putLongBE(d.versionCutoff());
        long[] t = d.tombstones();
        out.putVarInt(t.length);
        for (long h : t) {
            out.putLongBE(h);
        }
        out.putVarInt(d.series().size());
        for (SeriesDigest s : d.series()) {
            SeriesKeyCodec.write(out, s.series());
            out.putVarInt(s.bucketCount());
            long prev = 0;
            for (int i = 0; i < s.bucketCount(); i++) {
                long index = Math.floorDiv(s.bucketStart(i), d.bucketNanos());
                out.putZigzag(index - prev).putLongBE(s.bucketHash(i)).putVarLong(s.bucketValues(i));
                prev = index;
            }
        }
        return withCrc(out);
    }

    public static Digest decode(byte[] bytes) {
        ByteSource in = checked(bytes, MAGIC, "digest");
        long bucketNanos = in.getVarLong();
        long cutoff = in.getLongBE();
        int nt = in.getVarInt();
        long[] t = new long[Math.min(nt, in.remaining() / 8)];
        if (t.length != nt) {
            throw ByteSource.corrupted("digest tombstone count");
        }
        for (int i = 0; i < nt; i++) {
            t[i] = in.getLongBE();
        }
        int ns = in.getVarInt();
        List<SeriesDigest> series = new ArrayList<>(Math.min(ns, 1 << 16));
        for (int i = 0; i < ns; i++) {
            series.add(readSeries(in, bucketNanos));
        }
        try {
            return new Digest(bucketNanos, cutoff, series, t);
        } catch (IllegalArgumentException e) {
            throw ByteSource.corrupted("digest: " + e.getMessage());
        }
    }

    private static SeriesDigest readSeries(ByteSource in, long bucketNanos) {
        SeriesKey key = SeriesKeyCodec.read(in);
        int n = in.getVarInt();
        if (n > in.remaining()) {
            throw ByteSource.corrupted("digest bucket count");
        }
        long[] starts = new long[n];
        long[] hashes = new long[n];
        long[] counts = new long[n];
        long index = 0;
        for (int i = 0; i < n; i++) {
            index += in.getZigzag();
            starts[i] = index * bucketNanos;
            hashes[i] = in.getLongBE();
            counts[i] = in.getVarLong();
        }
        try {
            return new SeriesDigest(key, starts, hashes, counts);
        } catch (IllegalArgumentException e) {
            throw ByteSource.corrupted("digest series: " + e.getMessage());
        }
    }

    /** Appends the CRC-32C of the content and returns the bytes. */
    static byte[] withCrc(ByteSink out) {
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.length());
        out.putIntBE((int) crc.getValue());
        return out.toByteArray();
    }

    /** Checks length, magic and CRC; returns a reader positioned after the magic. */
    static ByteSource checked(byte[] bytes, int magic, String what) {
        if (bytes.length < 8) {
            throw ByteSource.corrupted(what + " too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteSource tail = new ByteSource(bytes, bytes.length - 4, bytes.length);
        if ((int) crc.getValue() != tail.getIntBE()) {
            throw ByteSource.corrupted(what + " checksum mismatch");
        }
        ByteSource in = new ByteSource(bytes, 0, bytes.length - 4);
        if (in.getIntBE() != magic) {
            throw ByteSource.corrupted("not a " + what);
        }
        return in;
    }
}
