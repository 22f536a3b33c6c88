package io.shardline.datanode.handoff;

import io.shardline.meta.client.ClusterView;
import java.util.function.Supplier;

/**
 * Whether a node still owns a shard in this node's cluster view; queued writes for a shard the
 * destination no longer owns (removed shard, dropped database, shard group deleted by retention or
 * by hand) are dropped instead of replayed.
 */
@FunctionalInterface
public interface ShardOwnership {

    boolean owns(long nodeId, long shardId);

    /**
     * Ownership as {@code view} says: the shard exists, its group is not marked deleted (retention
     * keeps deleted groups in the meta data for a while; writing into one would recreate the shard
     * on the owner) and the node is one of its owners.
     */
    static ShardOwnership inView(Supplier<ClusterView> view) {
        return (nodeId, shardId) -> view.get().shards().shard(shardId)
                .map(location -> !location.group().deleted() && location.shard().ownedBy(nodeId))
                .orElse(false);
    }
}
