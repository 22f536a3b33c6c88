package io.shardline.storage.digest;

import java.util.Arrays;
import java.util.List;

/**
 * The finer levels of a digest comparison: for the ranges a {@link DiffResult} reported, one hash per
 * time slot of {@code resolutionNanos} (aligned to the epoch; 1 means one hash per timestamp), so that
 * a repair narrows a differing bucket to differing slots, then to differing rows, and the patch
 * carries only those. Built on request, never cached. Immutable; encode with {@link RowDigestCodec}.
 */
public record RowDigest(long versionCutoff, long resolutionNanos, List<SeriesRows> ranges) {

    public RowDigest {
        if (resolutionNanos < 1) {
            throw new IllegalArgumentException("resolution must be at least 1 ns");
        }
        ranges = List.copyOf(ranges);
    }

    /**
     * Folds per-timestamp row hashes {@code [0, n)} (ascending) into slots of {@code resolution}:
     * returns {@code {slotStarts, slotHashes}}.
     */
    public static long[][] coarsen(long[] ts, long[] hashes, int n, long resolution) {
        if (resolution == 1) {
            return new long[][] {Arrays.copyOf(ts, n), Arrays.copyOf(hashes, n)};
        }
        long[] starts = new long[n];
        long[] sums = new long[n];
        int k = -1;
        for (int i = 0; i < n; i++) {
            long slot = Math.floorDiv(ts[i], resolution) * resolution;
            if (k < 0 || starts[k] != slot) {
                starts[++k] = slot;
            }
            sums[k] += hashes[i];
        }
        return new long[][] {Arrays.copyOf(starts, k + 1), Arrays.copyOf(sums, k + 1)};
    }
}
