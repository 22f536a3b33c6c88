package io.shardline.datanode.write;

import io.shardline.meta.model.ClusterMetadata;

/** What the coordinator needs to know about the cluster. Thread-safe. */
public interface WriteTopology {

    /** This data node's id. */
    long localNodeId();

    /** The current cluster view. */
    ClusterMetadata metadata();

    /**
     * Creates (if missing) the shard group of {@code retentionPolicy} covering {@code timestamp}
     * through the meta nodes and returns a view that contains it.
     *
     * @throws io.shardline.common.error.ShardlineException {@code META_UNAVAILABLE} when the meta
     *     nodes cannot be reached (the write answers 503)
     */
    ClusterMetadata createShardGroup(String database, String retentionPolicy, long timestamp);
}
