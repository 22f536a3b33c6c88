package io.shardline.ctl.datanode;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.EntropyCancelRepairRequest;
import io.shardline.proto.datanode.EntropyCancelRepairResponse;
import io.shardline.proto.datanode.EntropyRepairRequest;
import io.shardline.proto.datanode.EntropyRepairResponse;
import io.shardline.proto.datanode.EntropyStatusRequest;
import io.shardline.proto.datanode.EntropyStatusResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The anti-entropy calls {@code shardline-ctl entropy} makes. influxd-ctl asks a meta node, which
 * asks the data nodes; here the ctl asks a data node directly (any of them: each one merges every
 * node's status, forwards a repair to the shard's first owner and a cancel to every node). Nodes are
 * tried in order, live ones first, until one answers; a node whose anti-entropy is disabled passes
 * the question on to the next. Thread-safe.
 */
public final class EntropyClient {

    /** The text of a data node's "disabled" answer (EntropyRpcServer.DISABLED in data-node). */
    static final String DISABLED_PREFIX = "anti-entropy service is disabled";

    private final DataNodeConnections connections;
    private final List<String> nodes;

    /**
     * @param preferred data node ids to ask first (the live ones, or a shard's owners), in order
     */
    public EntropyClient(DataNodeConnections connections, ClusterMetadata metadata, List<Long> preferred,
                         Set<Long> live) {
        this.connections = connections;
        List<String> ordered = new ArrayList<>();
        for (long id : preferred) {
            if (live.contains(id)) {
                metadata.dataNode(id).map(NodeInfo::tcpAddress).ifPresent(ordered::add);
            }
        }
        for (NodeInfo n : metadata.dataNodes()) {
            if (live.contains(n.id()) && !ordered.contains(n.tcpAddress())) {
                ordered.add(n.tcpAddress());
            }
        }
        for (NodeInfo n : metadata.dataNodes()) {
            if (!ordered.contains(n.tcpAddress())) {
                ordered.add(n.tcpAddress());
            }
        }
        this.nodes = List.copyOf(ordered);
    }

    /** The cluster's merged entropy status, with every owner's figures of diff shards if {@code verbose}. */
    public EntropyStatusResponse status(boolean verbose) {
        EntropyStatusRequest r = EntropyStatusRequest.newBuilder().setLocal(false).setVerbose(verbose).build();
        return first("read entropy status", s -> GrpcCalls.<EntropyStatusResponse>unary(o -> s.entropyStatus(r, o)));
    }

    /** Queues a repair of the shard (on its first owner); returns the node id that queued it. */
    public long repair(long shardId) {
        EntropyRepairRequest r = EntropyRepairRequest.newBuilder().setShardId(shardId).build();
        return first("queue a repair of shard " + shardId,
                s -> GrpcCalls.<EntropyRepairResponse>unary(o -> s.entropyRepair(r, o))).getQueuedOn();
    }

    /** Removes the shard from every data node's repair queue. */
    public void cancelRepair(long shardId) {
        EntropyCancelRepairRequest r = EntropyCancelRepairRequest.newBuilder().setShardId(shardId).setLocal(false).build();
        first("remove shard " + shardId + " from the repair queue",
                s -> GrpcCalls.<EntropyCancelRepairResponse>unary(o -> s.entropyCancelRepair(r, o)));
    }

    private <T> T first(String what, Function<DataNodeServiceGrpc.DataNodeServiceStub, CompletableFuture<T>> rpc) {
        if (nodes.isEmpty()) {
            throw new ShardlineException(ErrorCode.UNAVAILABLE, "cannot " + what + ": the cluster has no data node");
        }
        ShardlineException unavailable = null;
        ShardlineException disabled = null;
        for (String node : nodes) {
            try {
                return connections.call(node, what, rpc);
            } catch (ShardlineException e) {
                if (e.code() == ErrorCode.FAILED_PRECONDITION && e.getMessage().startsWith(DISABLED_PREFIX)) {
                    disabled = e;
                } else if (e.retriable()) {
                    unavailable = e;
                } else {
                    throw e;
                }
            }
        }
        throw disabled != null ? disabled : unavailable;
    }
}
