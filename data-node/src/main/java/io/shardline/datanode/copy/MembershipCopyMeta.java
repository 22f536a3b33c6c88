package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.meta.DataNodeMembership;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.client.MetaClient;

/** {@link CopyMeta} over the data node's meta membership and its meta client. Thread-safe. */
final class MembershipCopyMeta implements CopyMeta {

    private final DataNodeMembership membership;

    MembershipCopyMeta(DataNodeMembership membership) {
        this.membership = membership;
    }

    @Override
    public long nodeId() {
        return membership.nodeId();
    }

    @Override
    public ClusterView view() {
        return membership.view();
    }

    @Override
    public long currentVersion() {
        return client().metadata().version();
    }

    @Override
    public void addOwner(long shardId, long nodeId) {
        client().changes().addShardOwner(shardId, nodeId);
    }

    @Override
    public void removeOwner(long shardId, long nodeId) {
        client().changes().removeShardOwner(shardId, nodeId);
    }

    private MetaClient client() {
        MetaClient c = membership.metaClient();
        if (c == null) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "this data node is not in a cluster yet");
        }
        return c;
    }
}
