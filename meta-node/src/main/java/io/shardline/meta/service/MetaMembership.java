package io.shardline.meta.service;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.ratis.MetaRaft;
import io.shardline.meta.ratis.RaftIds;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.state.MetaCommand;
import io.shardline.proto.meta.NodeMessage;
import io.shardline.proto.meta.NodeStatusMessage;
import io.shardline.proto.meta.NodeStatusRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * add-meta and remove-meta: Raft membership changes followed by the matching registry command.
 * Changes run one at a time on a single thread (Raft allows one configuration change at a time);
 * callers get futures. The registry command is logged after the membership change, so a removed
 * node is already outside the group when its registration disappears and cannot re-register.
 */
final class MetaMembership {

    private static final Logger LOG = LoggerFactory.getLogger(MetaMembership.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final MetaRaft raft;
    private final MetaPeers peers;
    private final ExecutorService executor;

    MetaMembership(MetaRaft raft, MetaPeers peers, ExecutorService executor) {
        this.raft = raft;
        this.peers = peers;
        this.executor = executor;
    }

    CompletableFuture<NodeInfo> add(String httpAddress) {
        return CompletableFuture.supplyAsync(() -> addNow(httpAddress), executor);
    }

    /** Completes with the removed node; id 0 when it was a Raft member that never registered. */
    CompletableFuture<NodeMessage> remove(String httpAddress, String raftAddress, boolean force) {
        return CompletableFuture.supplyAsync(() -> removeNow(httpAddress, raftAddress, force), executor);
    }

    private NodeInfo addNow(String httpAddress) {
        NodeStatusMessage status = probe(httpAddress).orElseThrow(() -> new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                "unable to reach meta node at " + httpAddress));
        String raftAddress = status.getRaftAddress();
        List<RaftPeer> members = raft.members();
        RaftPeerId id = RaftIds.peerId(raftAddress);
        if (members.stream().noneMatch(p -> p.getId().equals(id))) {
            if (status.getJoined()) {
                throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "meta node at " + httpAddress
                        + " is a member of another meta cluster");
            }
            raft.addMember(RaftIds.peer(raftAddress, httpAddress));
            LOG.info("Added meta node to Raft raft={} http={}", raftAddress, httpAddress);
        }
        return await(raft.submit(new MetaCommand.AddMetaNode(raftAddress, httpAddress))).value(NodeInfo.class);
    }

    private NodeMessage removeNow(String httpAddress, String raftAddressGiven, boolean force) {
        ClusterMetadata metadata = await(raft.readConsistent());
        Optional<NodeInfo> node = metadata.metaNodeByHttpAddress(httpAddress);
        String raftAddress = !raftAddressGiven.isEmpty() ? raftAddressGiven : node.map(NodeInfo::tcpAddress).orElse("");
        if (raftAddress.isEmpty()) {
            throw ShardlineException.notFound("meta node not found: " + httpAddress);
        }
        if (!force && probe(httpAddress).isEmpty()) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "unable to reach meta node at " + httpAddress
                    + "; use -force -tcpAddr " + raftAddress + " to remove it without contacting it");
        }
        RaftPeerId id = RaftIds.peerId(raftAddress);
        List<RaftPeer> members = raft.members();
        if (members.stream().anyMatch(p -> p.getId().equals(id))) {
            if (members.size() == 1) {
                throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "cannot remove the last meta node");
            }
            raft.removeMember(id);
            LOG.info("Removed meta node from Raft raft={} http={} force={}", raftAddress, httpAddress, force);
        }
        if (node.isEmpty()) {
            return NodeMessage.newBuilder().setTcpAddress(raftAddress).setHttpAddress(httpAddress).build();
        }
        return MetadataCodec.encode(
                await(raft.submit(new MetaCommand.RemoveMetaNode(node.get().id()))).value(NodeInfo.class));
    }

    private Optional<NodeStatusMessage> probe(String httpAddress) {
        try {
            return Optional.of(GrpcCalls.<NodeStatusMessage>unary(o -> peers.stub(httpAddress, PROBE_TIMEOUT)
                    .getNodeStatus(NodeStatusRequest.getDefaultInstance(), o)).get(PROBE_TIMEOUT.toMillis() + 500,
                    TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (RuntimeException e) {
            throw MetaFailures.classify(e);
        }
    }
}
