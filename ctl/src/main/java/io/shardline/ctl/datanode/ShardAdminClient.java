package io.shardline.ctl.datanode;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.proto.datanode.AwaitCopyShardRequest;
import io.shardline.proto.datanode.AwaitCopyShardResponse;
import io.shardline.proto.datanode.CopyShardInfo;
import io.shardline.proto.datanode.CopyShardRequest;
import io.shardline.proto.datanode.CopyShardResponse;
import io.shardline.proto.datanode.CopyShardStatusRequest;
import io.shardline.proto.datanode.CopyShardStatusResponse;
import io.shardline.proto.datanode.DescribeDataNodeRequest;
import io.shardline.proto.datanode.DescribeDataNodeResponse;
import io.shardline.proto.datanode.JoinClusterRequest;
import io.shardline.proto.datanode.JoinClusterResponse;
import io.shardline.proto.datanode.KillCopyShardRequest;
import io.shardline.proto.datanode.KillCopyShardResponse;
import io.shardline.proto.datanode.LocalShardState;
import io.shardline.proto.datanode.LocalShardStatusRequest;
import io.shardline.proto.datanode.LocalShardStatusResponse;
import io.shardline.proto.datanode.RemoveShardRequest;
import io.shardline.proto.datanode.RemoveShardResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The copy-shard / shard-admin calls of a data node's DataNodeService as typed methods, over
 * {@link DataNodeConnections} (so each call is bounded by the ctl timeout and fails with the node's
 * own error or {@code UNAVAILABLE}). Thread-safe.
 */
public final class ShardAdminClient {

    /** How one copy ended, as the destination reports it. */
    public record CopyResult(boolean finished, Optional<ShardlineException> error, CopyShardInfo copy) {
    }

    private final DataNodeConnections connections;

    public ShardAdminClient(DataNodeConnections connections) {
        this.connections = connections;
    }

    /** Starts the copy on the destination; answers once the source opened a snapshot. */
    public CopyShardInfo copyShard(String destination, String source, long shardId, String database,
                                   String retentionPolicy, long rateLimit) {
        CopyShardRequest r = CopyShardRequest.newBuilder().setShardId(shardId).setSourceTcpAddress(source)
                .setDatabase(database).setRetentionPolicy(retentionPolicy).setRateLimitBytesPerSecond(rateLimit).build();
        return connections.call(destination, "copy shard " + shardId,
                s -> GrpcCalls.<CopyShardResponse>unary(o -> s.copyShard(r, o))).getCopy();
    }

    /** Waits up to {@code wait} on the destination for the copy to end. */
    public CopyResult awaitCopy(String destination, String source, long shardId, Duration wait) {
        AwaitCopyShardRequest r = AwaitCopyShardRequest.newBuilder().setShardId(shardId).setSourceTcpAddress(source)
                .setWaitMillis(wait.toMillis()).build();
        AwaitCopyShardResponse a = connections.call(destination, "wait for the copy of shard " + shardId,
                s -> GrpcCalls.<AwaitCopyShardResponse>unary(o -> s.awaitCopyShard(r, o)));
        Optional<ShardlineException> error = a.getErrorCode().isEmpty() ? Optional.empty()
                : Optional.of(new ShardlineException(ErrorCode.fromCode(a.getErrorCode()), a.getErrorMessage()));
        return new CopyResult(a.getFinished(), error, a.getCopy());
    }

    /** The copies the node takes part in, as destination or source. */
    public List<CopyShardInfo> copies(String node) {
        return connections.call(node, "read copy status", s -> GrpcCalls.<CopyShardStatusResponse>unary(
                o -> s.copyShardStatus(CopyShardStatusRequest.getDefaultInstance(), o))).getCopiesList();
    }

    /** Kills the copy onto {@code destination}; returns once it rolled back. */
    public void killCopy(String destination, String source, long shardId) {
        KillCopyShardRequest r = KillCopyShardRequest.newBuilder().setShardId(shardId).setSourceTcpAddress(source)
                .build();
        connections.call(destination, "kill the copy of shard " + shardId,
                s -> GrpcCalls.<KillCopyShardResponse>unary(o -> s.killCopyShard(r, o)));
    }

    /** Removes the node's replica and its owner entry; whether there was local data. */
    public boolean removeShard(String node, long shardId) {
        RemoveShardRequest r = RemoveShardRequest.newBuilder().setShardId(shardId).build();
        return connections.call(node, "remove shard " + shardId,
                s -> GrpcCalls.<RemoveShardResponse>unary(o -> s.removeShard(r, o))).getDeleted();
    }

    /** The node's replica states of the shards, in the order asked. */
    public List<LocalShardState> replicas(String node, List<Long> shardIds) {
        LocalShardStatusRequest r = LocalShardStatusRequest.newBuilder().addAllShardIds(shardIds).build();
        return connections.call(node, "read shard status",
                s -> GrpcCalls.<LocalShardStatusResponse>unary(o -> s.localShardStatus(r, o))).getShardsList();
    }

    public DescribeDataNodeResponse describe(String node) {
        return connections.call(node, "describe the node", s -> GrpcCalls.<DescribeDataNodeResponse>unary(
                o -> s.describeDataNode(DescribeDataNodeRequest.getDefaultInstance(), o)));
    }

    /** Tells the node the cluster's meta servers; it registers with them in the background. */
    public JoinClusterResponse join(String node, List<String> metaServers) {
        JoinClusterRequest r = JoinClusterRequest.newBuilder().addAllMetaServers(metaServers).build();
        return connections.call(node, "join the cluster", s -> GrpcCalls.<JoinClusterResponse>unary(
                o -> s.joinCluster(r, o)));
    }
}
