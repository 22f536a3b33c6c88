package io.shardline.datanode.monitor;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.Optional;

/**
 * Where this node's monitor points for one tick go. The monitor retention policy has replication 1,
 * and placement gives each shard of a group a different owner, so with N data nodes every node owns
 * exactly one shard of each {@code _internal} group: the node writes all its points into that shard,
 * locally, with no other node involved. A node that owns none (it joined after the group was made)
 * writes through the ordinary write path. Decided from the cluster view alone; pure.
 *
 * @param kind what to do
 * @param shardId the shard to write locally ({@link Kind#LOCAL_SHARD}), else 0
 */
public record InternalTarget(Kind kind, long shardId) {

    /** What the monitor does with this tick's points. */
    public enum Kind {
        /** The database or its monitor policy does not exist yet: create them through meta first. */
        CREATE_STORAGE,
        /** No shard group covers the tick: create it through meta. */
        CREATE_GROUP,
        /** Write into this node's own shard. */
        LOCAL_SHARD,
        /** This node owns no shard of the group: use the cluster write path. */
        CLUSTER_WRITE
    }

    public static InternalTarget decide(ClusterMetadata metadata, String database, String policy, long nodeId,
                                        long timestampNanos) {
        if (metadata.retentionPolicy(database, policy).isEmpty()) {
            return new InternalTarget(Kind.CREATE_STORAGE, 0);
        }
        Optional<ShardGroupInfo> group = metadata.shardGroupAt(database, policy, timestampNanos);
        if (group.isEmpty()) {
            return new InternalTarget(Kind.CREATE_GROUP, 0);
        }
        for (ShardInfo shard : group.get().shards()) {
            if (shard.ownedBy(nodeId)) {
                return new InternalTarget(Kind.LOCAL_SHARD, shard.id());
            }
        }
        return new InternalTarget(Kind.CLUSTER_WRITE, 0);
    }
}
