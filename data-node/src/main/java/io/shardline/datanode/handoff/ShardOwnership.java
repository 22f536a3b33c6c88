package io.shardline.datanode.handoff;

/**
 * Whether a node still owns a shard in this node's cluster view; queued writes for a shard the
 * destination no longer owns (removed shard, dropped group) are dropped instead of replayed.
 */
@FunctionalInterface
public interface ShardOwnership {

    boolean owns(long nodeId, long shardId);
}
