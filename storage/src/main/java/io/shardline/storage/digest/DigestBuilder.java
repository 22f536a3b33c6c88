package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects leaves in any order and builds a {@link Digest}. Empty leaves are ignored. Not
 * thread-safe.
 */
public final class DigestBuilder {

    private static final Comparator<SeriesDigest> ORDER = Comparator
            .comparingInt((SeriesDigest d) -> Digest.partitionOf(d.series()))
            .thenComparing(SeriesDigest::series, Utf8Order.SERIES);

    private final long bucketNanos;
    private final long versionCutoff;
    private final Map<SeriesKey, Leaves> bySeries = new HashMap<>();
    private final List<Long> tombstones = new ArrayList<>();

    private static final class Leaves {
        long[] starts = new long[4];
        long[] hashes = new long[4];
        long[] counts = new long[4];
        int n;
        boolean sorted = true;

        void add(long start, long hash, long count) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                hashes = Arrays.copyOf(hashes, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
            }
            if (n > 0 && start <= starts[n - 1]) {
                sorted = false;
            }
            starts[n] = start;
            hashes[n] = hash;
            counts[n++] = count;
        }
    }

    public DigestBuilder(long bucketNanos, long versionCutoff) {
        this.bucketNanos = bucketNanos;
        this.versionCutoff = versionCutoff;
    }

    /** Adds the leaf of {@code series} at {@code bucketStart}; each (series, bucket) at most once. */
    public DigestBuilder add(SeriesKey series, long bucketStart, LeafSummary leaf) {
        if (!leaf.isEmpty()) {
            bySeries.computeIfAbsent(series, s -> new Leaves()).add(bucketStart, leaf.hash(), leaf.values());
        }
        return this;
    }

    /** Adds a tombstone's hash ({@link EntryHash#tombstone}). */
    public DigestBuilder addTombstone(long hash) {
        tombstones.add(hash);
        return this;
    }

    public Digest build() {
        List<SeriesDigest> list = new ArrayList<>(bySeries.size());
        bySeries.forEach((s, l) -> list.add(toSeries(s, l)));
        list.sort(ORDER);
        long[] t = tombstones.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Digest(bucketNanos, versionCutoff, list, t);
    }

    private static SeriesDigest toSeries(SeriesKey s, Leaves l) {
        long[] starts = Arrays.copyOf(l.starts, l.n);
        long[] hashes = Arrays.copyOf(l.hashes, l.n);
        long[] counts = Arrays.copyOf(l.counts, l.n);
        if (!l.sorted) {
            Integer[] idx = new Integer[l.n];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.comparingLong(i -> l.starts[i]));
            for (int i = 0; i < idx.length; i++) {
                starts[i] = l.starts[idx[i]];
                hashes[i] = l.hashes[idx[i]];
                counts[i] = l.counts[idx[i]];
            }
        }
        return new SeriesDigest(s, starts, hashes, counts);
    }
}
