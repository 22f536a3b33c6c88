package io.shardline.storage;

import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.patch.Patch;
import java.util.List;

/**
 * Anti-entropy on one shard: logical digests (see {@link Digest}), the finer slot and row levels,
 * patch export and merge by version. A typical repair: {@code DigestDiff.diff(mine, theirs)} gives
 * bucket ranges; both sides' {@link #rowDigest} of those ranges (coarse slots, then rows of the
 * differing slots) and {@code DigestDiff.diffRows} narrow them to differing rows; each side exports
 * a patch of those rows to the other. Thread-safe.
 */
public interface ShardDigests {

    /**
     * The digest of the visible values and the tombstones with a version below {@code versionCutoff}
     * ({@link Digest#NO_CUTOFF} for all). Cached: only buckets changed since the last call are rehashed.
     */
    Digest digest(long versionCutoff);

    /**
     * Hashes of the visible values (version below the cut-off) in {@code ranges}, one per time slot of
     * {@code resolutionNanos} (1: one per timestamp). Coarse slots first, then rows of the differing
     * slots, keep the exchange small when differences are scattered.
     */
    RowDigest rowDigest(List<SeriesRange> ranges, long versionCutoff, long resolutionNanos);

    /** Per-timestamp hashes: {@code rowDigest(ranges, versionCutoff, 1)}. */
    default RowDigest rowDigest(List<SeriesRange> ranges, long versionCutoff) {
        return rowDigest(ranges, versionCutoff, 1);
    }

    /** The visible values in {@code ranges} with their versions, and every tombstone of the shard. */
    default Patch exportPatch(List<SeriesRange> ranges) {
        return exportPatch(ranges, true);
    }

    /**
     * The visible values in {@code ranges} with their versions, and every tombstone of the shard only
     * if {@code withTombstones} (a repair whose digests show equal tombstones leaves them out).
     */
    Patch exportPatch(List<SeriesRange> ranges, boolean withTombstones);

    /** Merges a patch: each value and tombstone is kept only where it beats what the shard holds. */
    PatchResult applyPatch(Patch patch);
}
