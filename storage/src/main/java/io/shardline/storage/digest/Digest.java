package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import java.util.Arrays;
import java.util.List;

/**
 * The logical digest of a shard, a hash tree: root -> 256 partitions (top byte of the series key's
 * FNV-1a) -> series (in key order) -> time buckets -> leaves. Every node's hash is the sum of its
 * children's, so equal content gives an equal digest whatever the storage layout, and a diff can skip
 * equal subtrees. Tombstones are a separate sorted list of hashes folded into the root. A digest made
 * with a version cut-off covers only values and tombstones with a lower version. Immutable; encode
 * with {@link DigestCodec}.
 *
 * <pre>
 *                      root = sum(partitions) + sum(tombstones)
 *          +--------------+---------------+
 *     partition 0   ...  partition p  ... partition 255     p = fnv64a(series key) >>> 56
 *                    +----+----+
 *                series a   series b                        sum of its buckets
 *               +---+---+
 *           bucket t0  bucket t1                            sum of its value hashes
 * </pre>
 */
public final class Digest {

    /** Number of partitions under the root. */
    public static final int PARTITIONS = 256;
    /** The cut-off meaning "every version". */
    public static final long NO_CUTOFF = Long.MAX_VALUE;

    private final long bucketNanos;
    private final long versionCutoff;
    private final List<SeriesDigest> series;
    private final long[] tombstones;
    private final long[] partitionHashes = new long[PARTITIONS];
    private final int[] partitionStarts = new int[PARTITIONS + 1];
    private final long root;

    /**
     * A digest of {@code series}, which must be sorted by partition then key (as
     * {@link DigestBuilder} produces), and {@code tombstones}, sorted hashes (taken over).
     */
    public Digest(long bucketNanos, long versionCutoff, List<SeriesDigest> series, long[] tombstones) {
        this.bucketNanos = bucketNanos;
        this.versionCutoff = versionCutoff;
        this.series = List.copyOf(series);
        this.tombstones = tombstones;
        int p = 0;
        for (int i = 0; i < this.series.size(); i++) {
            int sp = partitionOf(this.series.get(i).series());
            if (sp < p) {
                throw new IllegalArgumentException("series not sorted by partition");
            }
            while (p < sp) {
                partitionStarts[++p] = i;
            }
            partitionHashes[sp] += this.series.get(i).hash();
        }
        while (p < PARTITIONS) {
            partitionStarts[++p] = this.series.size();
        }
        long r = 0;
        for (long h : partitionHashes) {
            r += h;
        }
        for (long t : tombstones) {
            r += t;
        }
        this.root = r;
    }

    /** The partition of a series. */
    public static int partitionOf(SeriesKey series) {
        return (int) (series.fnv64a() >>> 56);
    }

    /** Width of the time buckets in nanoseconds. */
    public long bucketNanos() {
        return bucketNanos;
    }

    /** Only versions below this are covered ({@link #NO_CUTOFF} for all). */
    public long versionCutoff() {
        return versionCutoff;
    }

    /** The root hash. */
    public long root() {
        return root;
    }

    public long partitionHash(int p) {
        return partitionHashes[p];
    }

    /** The series of partition {@code p}, in key order. */
    public List<SeriesDigest> partition(int p) {
        return series.subList(partitionStarts[p], partitionStarts[p + 1]);
    }

    /** All series, by partition then key. */
    public List<SeriesDigest> series() {
        return series;
    }

    /** Sorted tombstone hashes. */
    public long[] tombstones() {
        return tombstones.clone();
    }

    /** Number of values covered. */
    public long values() {
        long n = 0;
        for (SeriesDigest s : series) {
            n += s.values();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && bucketNanos == d.bucketNanos && versionCutoff == d.versionCutoff
                && root == d.root && series.equals(d.series) && Arrays.equals(tombstones, d.tombstones);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(root);
    }

    @Override
    public String toString() {
        return "Digest[root=" + Long.toHexString(root) + " series=" + series.size() + " tombstones="
                + tombstones.length + " cutoff=" + versionCutoff + "]";
    }
}
