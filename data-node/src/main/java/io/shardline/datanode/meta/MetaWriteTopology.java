package io.shardline.datanode.meta;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.WriteTopology;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.model.ClusterMetadata;

/**
 * {@link WriteTopology} over the node's cluster membership: the cached view for routing, and the
 * meta nodes for shard groups that do not exist yet (after which the view is refreshed with a
 * linearizable read if the watch has not delivered the change). Thread-safe.
 */
public final class MetaWriteTopology implements WriteTopology {

    private final DataNodeMembership membership;

    public MetaWriteTopology(DataNodeMembership membership) {
        this.membership = membership;
    }

    @Override
    public long localNodeId() {
        return membership.nodeId();
    }

    @Override
    public ClusterMetadata metadata() {
        return membership.view().metadata();
    }

    @Override
    public ClusterMetadata createShardGroup(String database, String retentionPolicy, long timestamp) {
        MetaClient client = membership.metaClient();
        if (client == null) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE,
                    "this data node has not joined a cluster: no meta servers are known");
        }
        client.changes().createShardGroupIfNotExists(database, retentionPolicy, timestamp);
        ClusterMetadata view = client.view().metadata();
        if (view.shardGroupAt(database, retentionPolicy, timestamp).isPresent()) {
            return view;
        }
        return client.metadata();
    }
}
