package io.shardline.datanode.entropy;

import io.shardline.meta.model.ShardLocation;

/**
 * How anti-entropy restores a shard this node owns but lacks: a copy from another owner (the
 * copy-shard mechanism). Blocks until the shard is installed here; throws a
 * {@code ShardlineException} otherwise ({@code NOT_FOUND} when the source lacks the shard too).
 * Thread-safe.
 */
public interface MissingShardCopier {

    /**
     * Copies {@code location}'s shard from data node {@code sourceNode} onto this node.
     *
     * @return the bytes received
     */
    long copy(ShardLocation location, long sourceNode);
}
