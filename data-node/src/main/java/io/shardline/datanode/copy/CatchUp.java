package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.storage.PatchResult;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DiffResult;
import io.shardline.storage.digest.DigestDiff;
import io.shardline.storage.patch.Patch;

/**
 * One catch-up pass of a copied shard with its source: if the source's shard changed since the
 * snapshot (its last-modified stamp moved), compare the source's digest with the local one and merge
 * a patch of the differing buckets (and the source's tombstones) from the source. A cold shard thus
 * costs no digest at all.
 * Merging keeps the newer version of every value, so a pass never loses what this node received
 * itself. One direction only: what only this node has stays here (anti-entropy's job). Stateless.
 */
final class CatchUp {

    /** What one pass did: whether the source changed, buckets that differed, values the patch brought in. */
    record Pass(boolean sourceChanged, int differingBuckets, boolean tombstonesDiffered, long merged) {
    }

    private CatchUp() {
    }

    static Pass run(ShardStore local, ShardSource source, String sourceAddress, long shardId, long snapshotStamp) {
        if (source.lastModified(sourceAddress, shardId) == snapshotStamp) {
            return new Pass(false, 0, false, 0);
        }
        Digest theirs = source.digest(sourceAddress, shardId);
        Digest mine = local.digest(Digest.NO_CUTOFF);
        DiffResult diff;
        try {
            diff = DigestDiff.diff(mine, theirs);
        } catch (IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard " + shardId
                    + ": cannot compare with data node " + sourceAddress + ": " + e.getMessage(), e);
        }
        if (diff.isEmpty()) {
            return new Pass(true, 0, false, 0);
        }
        Patch patch = source.exportPatch(sourceAddress, shardId, diff.buckets());
        PatchResult applied = local.applyPatch(patch);
        return new Pass(true, diff.buckets().size(), diff.tombstonesDiffer(), applied.merged());
    }
}
