package io.shardline.datanode.copy;

import io.shardline.meta.client.ClusterView;

/**
 * The cluster metadata a copy or a shard removal reads and changes: this node's id, its cached view,
 * and the shard's owners through the meta leader. Implemented over the node's meta membership.
 * Calls block and throw {@code ShardlineException}s ({@code META_UNAVAILABLE} without a quorum).
 * Thread-safe.
 */
public interface CopyMeta {

    /** This node's id; 0 while it is not registered in a cluster. */
    long nodeId();

    /** This node's cached cluster view. */
    ClusterView view();

    /** The metadata version after every change made so far (a linearizable read). */
    long currentVersion();

    /** Adds this node to the shard's owners (idempotent). */
    void addOwner(long shardId, long nodeId);

    /** Removes this node from the shard's owners (idempotent). */
    void removeOwner(long shardId, long nodeId);
}
