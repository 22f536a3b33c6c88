package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * The digest of one series: its non-empty time buckets (ascending start) with each leaf's hash and
 * value count, and their sum as the series hash. Immutable (arrays are never handed out).
 */
public final class SeriesDigest {

    private final SeriesKey series;
    private final long[] bucketStarts;
    private final long[] hashes;
    private final long[] counts;
    private final long hash;

    /** Takes ownership of the arrays, which must be of equal length with strictly ascending starts. */
    public SeriesDigest(SeriesKey series, long[] bucketStarts, long[] hashes, long[] counts) {
        this.series = Objects.requireNonNull(series, "series");
        if (bucketStarts.length != hashes.length || hashes.length != counts.length) {
            throw new IllegalArgumentException("bucket arrays differ in length");
        }
        long sum = 0;
        for (int i = 0; i < bucketStarts.length; i++) {
            if (i > 0 && bucketStarts[i] <= bucketStarts[i - 1]) {
                throw new IllegalArgumentException("bucket starts not ascending");
            }
            sum += hashes[i];
        }
        this.bucketStarts = bucketStarts;
        this.hashes = hashes;
        this.counts = counts;
        this.hash = sum;
    }

    public SeriesKey series() {
        return series;
    }

    /** Sum of the bucket hashes. */
    public long hash() {
        return hash;
    }

    public int bucketCount() {
        return bucketStarts.length;
    }

    public long bucketStart(int i) {
        return bucketStarts[i];
    }

    public long bucketHash(int i) {
        return hashes[i];
    }

    /** Values in bucket {@code i}. */
    public long bucketValues(int i) {
        return counts[i];
    }

    /** Values in all buckets. */
    public long values() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesDigest d && series.equals(d.series) && Arrays.equals(bucketStarts, d.bucketStarts)
                && Arrays.equals(hashes, d.hashes) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash) * 31 + series.hashCode();
    }

    @Override
    public String toString() {
        return "SeriesDigest[" + series + " buckets=" + bucketStarts.length + " hash=" + Long.toHexString(hash) + "]";
    }
}
