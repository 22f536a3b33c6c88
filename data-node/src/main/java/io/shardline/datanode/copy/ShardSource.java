package io.shardline.datanode.copy;

import io.shardline.storage.SeriesRange;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.patch.Patch;
import java.util.List;

/**
 * What the destination of a copy needs from the source node, addressed by its gRPC address: a
 * snapshot to pull, and for the catch-up the shard's digest and patches of ranges. Implemented over
 * gRPC ({@code GrpcShardSource}); failures are {@code ShardlineException}s with the source's own code
 * (e.g. {@code NOT_FOUND} when it lacks the shard) or {@code UNAVAILABLE}. Thread-safe.
 */
public interface ShardSource {

    /**
     * Asks the source for a consistent snapshot of the shard and returns at once; the first call to
     * the snapshot's {@link IncomingSnapshot#files()} waits for its manifest (and throws the source's
     * error, e.g. {@code NOT_FOUND}), then the files are pulled through it.
     *
     * @param destination this node's address, shown on the source's side of copy-shard-status
     */
    IncomingSnapshot openSnapshot(String source, long shardId, String destination, long rateLimitBytesPerSecond);

    /** The source shard's last-modified stamp now (see {@link IncomingSnapshot#sourceLastModified}). */
    long lastModified(String source, long shardId);

    /** The source's digest of the whole shard (no version cut-off). */
    Digest digest(String source, long shardId);

    /** The source's values in {@code ranges} and all its tombstones of the shard. */
    Patch exportPatch(String source, long shardId, List<SeriesRange> ranges);
}
