package io.shardline.meta.service;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.ShardlineVersion;
import io.shardline.common.auth.PasswordHashes;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.time.Clock;
import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.NodeStatus;
import io.shardline.meta.codec.MetaResultCodec;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.UserInfo;
import io.shardline.meta.ratis.MetaRaft;
import io.shardline.meta.ratis.RaftView;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.rpc.StatusCodec;
import io.shardline.meta.state.MetaCommand;
import io.shardline.meta.state.MetaResult;
import io.shardline.proto.meta.AddMetaNodeRequest;
import io.shardline.proto.meta.AnnounceRequest;
import io.shardline.proto.meta.AnnounceResponse;
import io.shardline.proto.meta.ChangeRequest;
import io.shardline.proto.meta.ChangeResponse;
import io.shardline.proto.meta.ClusterMetadataMessage;
import io.shardline.proto.meta.ClusterStatusMessage;
import io.shardline.proto.meta.ClusterStatusRequest;
import io.shardline.proto.meta.GetMetadataRequest;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeMessage;
import io.shardline.proto.meta.NodeStatusMessage;
import io.shardline.proto.meta.NodeStatusRequest;
import io.shardline.proto.meta.RemoveDataNodeRequest;
import io.shardline.proto.meta.RemoveMetaNodeRequest;
import io.shardline.proto.meta.WatchRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The MetaService of one meta node. Changes go through {@link MetaRaft} (which reaches the leader);
 * requests that need the leader's memory (announcements, liveness, remove-data) are answered by the
 * leader and forwarded there by followers, once. Handlers never block gRPC threads except for
 * membership changes, which run on their own thread. Thread-safe.
 */
public final class MetaGrpcService extends MetaServiceGrpc.MetaServiceImplBase {

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

    private final MetaRaft raft;
    private final String httpAddress;
    private final boolean retentionAutoCreate;
    private final Duration leaseDuration;
    private final Clock clock;
    private final Duration announcementExpiration;
    private final MetaPeers peers;
    private final MetaMembership membership;
    private final WatchHub watches = new WatchHub();
    private final Announcements announcements = new Announcements();
    private final PasswordHashes passwordHashes = new PasswordHashes();
    private final boolean https;

    public MetaGrpcService(MetaRaft raft, String httpAddress, Clock clock, Duration announcementExpiration,
                           boolean retentionAutoCreate, Duration leaseDuration,
                           java.util.concurrent.ExecutorService membershipExecutor,
                           List<io.grpc.ClientInterceptor> peerCredentials,
                           io.grpc.netty.shaded.io.netty.handler.ssl.SslContext peerTls) {
        this.raft = raft;
        this.retentionAutoCreate = retentionAutoCreate;
        this.leaseDuration = leaseDuration;
        this.httpAddress = httpAddress;
        this.clock = clock;
        this.announcementExpiration = announcementExpiration;
        this.peers = new MetaPeers(raft, peerCredentials, peerTls);
        this.https = peerTls != null; // [meta] https-enabled: the API and the status port speak TLS
        this.membership = new MetaMembership(raft, peers, membershipExecutor);
        raft.stateMachine().addListener(watches::publish);
    }

    @Override
    public void change(ChangeRequest request, StreamObserver<ChangeResponse> out) {
        if (request.hasCreateUser()) {
            Optional<UserInfo> same = UserCreation.existingSameUser(raft.localMetadata(), request.getCreateUser());
            if (same.isPresent()) {
                reply(() -> CompletableFuture.completedFuture(MetaResultCodec.encodeValue(same.get())), out);
                return;
            }
        }
        reply(() -> {
            CompletableFuture<Object> change = submit(ChangeRequests.toCommand(request, clock.wallNanos(),
                    retentionAutoCreate, leaseDuration.toNanos(), passwordHashes::hash));
            if (request.hasCreateUser()) {
                // A retried CREATE USER whose first attempt was applied meanwhile is the same user, not a conflict.
                change = change.exceptionallyCompose(e -> UserCreation.existingSameUser(raft.localMetadata(),
                        request.getCreateUser()).<CompletableFuture<Object>>map(CompletableFuture::completedFuture)
                        .orElseGet(() -> CompletableFuture.failedFuture(e)));
            }
            return change.thenApply(MetaResultCodec::encodeValue);
        }, out);
    }

    private CompletableFuture<Object> submit(MetaCommand command) {
        return raft.submit(command).thenApply(result -> {
            if (result instanceof MetaResult.Failure f) {
                throw f.toException();
            }
            return ((MetaResult.Ok) result).value();
        });
    }

    @Override
    public void removeDataNode(RemoveDataNodeRequest request, StreamObserver<NodeMessage> out) {
        onLeader(out, stub -> GrpcCalls.<NodeMessage>unary(o -> stub.removeDataNode(request, o)), () ->
                raft.readConsistent().thenCompose(metadata -> {
                    NodeInfo node = metadata.dataNodeByTcpAddress(request.getTcpAddress()).orElseThrow(() ->
                            ShardlineException.notFound("node not found: " + request.getTcpAddress()));
                    if (!request.getForce()
                            && announcements.live(node.id(), clock.monotonicNanos(), announcementExpiration) == null) {
                        throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "data node " + node.tcpAddress()
                                + " is not responding; use -force to remove it without contacting it");
                    }
                    return submit(new MetaCommand.RemoveDataNode(node.id()))
                            .thenApply(removed -> MetadataCodec.encode((NodeInfo) removed));
                }));
    }

    @Override
    public void addMetaNode(AddMetaNodeRequest request, StreamObserver<NodeMessage> out) {
        // Membership changes run on the leader, whose Raft configuration is authoritative.
        onLeader(out, stub -> GrpcCalls.<NodeMessage>unary(o -> stub.addMetaNode(request, o)),
                () -> membership.add(request.getHttpAddress()).thenApply(MetadataCodec::encode));
    }

    @Override
    public void removeMetaNode(RemoveMetaNodeRequest request, StreamObserver<NodeMessage> out) {
        if (request.getForce() && request.getRaftAddress().isEmpty()) {
            out.onError(RpcErrors.toStatus(ShardlineException.invalid(
                    "-tcpAddr is required with -force")));
            return;
        }
        onLeader(out, stub -> GrpcCalls.<NodeMessage>unary(o -> stub.removeMetaNode(request, o)),
                () -> membership.remove(request.getHttpAddress(), request.getRaftAddress(), request.getForce()));
    }

    @Override
    public void announce(AnnounceRequest request, StreamObserver<AnnounceResponse> out) {
        onLeader(out, stub -> GrpcCalls.<AnnounceResponse>unary(o -> stub.announce(request, o)), () -> {
            announcements.record(new Announcements.Entry(request.getNodeId(), request.getVersion(),
                    request.getTcpAddress(), request.getHttpAddress(), request.getHttps(), clock.monotonicNanos()));
            refreshHttpAddress(request);
            return CompletableFuture.completedFuture(
                    AnnounceResponse.newBuilder().setVersion(raft.localMetadata().version()).build());
        });
    }

    /**
     * A data node announcing an HTTP address other than the registered one (a replacement that took
     * over a node id with update-data, or a node whose [http] bind-address changed) gets it stored,
     * so {@code show} lists where the node really answers. Only for an announcement from the
     * registered TCP address; fire and forget, the next announcement retries.
     */
    private void refreshHttpAddress(AnnounceRequest request) {
        if (request.getMeta() || request.getHttpAddress().isEmpty()) {
            return;
        }
        raft.localMetadata().dataNode(request.getNodeId())
                .filter(n -> n.tcpAddress().equals(request.getTcpAddress()))
                .filter(n -> !n.httpAddress().equals(request.getHttpAddress()))
                .ifPresent(n -> submit(new MetaCommand.UpdateDataNode(n.tcpAddress(), n.tcpAddress(),
                        request.getHttpAddress())));
    }

    /** Announces this meta node itself: recorded here if leader, else sent to the leader. */
    public CompletableFuture<AnnounceResponse> announceSelf(long nodeId) {
        AnnounceRequest request = AnnounceRequest.newBuilder().setNodeId(nodeId)
                .setVersion(ShardlineVersion.influxVersionHeader()).setTcpAddress(raft.raftAddress())
                .setHttpAddress(httpAddress).setMeta(true).setHttps(https).build();
        return GrpcCalls.unary(o -> announce(request, o));
    }

    /** The cluster status, answered by the leader (forwarded there from a follower). */
    public CompletableFuture<ClusterStatus> clusterStatus() {
        return GrpcCalls.<ClusterStatusMessage>unary(o -> getClusterStatus(ClusterStatusRequest.getDefaultInstance(), o))
                .thenApply(StatusCodec::decode);
    }

    @Override
    public void getMetadata(GetMetadataRequest request, StreamObserver<ClusterMetadataMessage> out) {
        reply(() -> raft.readConsistent().thenApply(MetadataCodec::encode), out);
    }

    @Override
    public void getClusterStatus(ClusterStatusRequest request, StreamObserver<ClusterStatusMessage> out) {
        onLeader(out, stub -> GrpcCalls.<ClusterStatusMessage>unary(o -> stub.getClusterStatus(request, o)),
                () -> raft.readConsistent().thenApply(m -> StatusCodec.encode(statusOf(m))));
    }

    private ClusterStatus statusOf(ClusterMetadata m) {
        RaftView view = raft.view();
        List<String> others = view.members().stream().filter(a -> !a.equals(view.leader())).toList();
        return new ClusterStatus(withLiveness(m.metaNodes()), withLiveness(m.dataNodes()), view.leader(), others,
                m.version());
    }

    private List<NodeStatus> withLiveness(List<NodeInfo> nodes) {
        return nodes.stream().map(n -> {
            Announcements.Entry e = announcements.live(n.id(), clock.monotonicNanos(), announcementExpiration);
            return e == null ? new NodeStatus(n, "") : new NodeStatus(n, e.version(), e.https());
        }).toList();
    }

    @Override
    public void getNodeStatus(NodeStatusRequest request, StreamObserver<NodeStatusMessage> out) {
        RaftView view = raft.view();
        String leaderHttp = "";
        try {
            leaderHttp = view.leader().isEmpty() ? "" : peers.leaderHttpAddress();
        } catch (ShardlineException e) {
            // the leader has not registered yet; leave it empty
        }
        out.onNext(NodeStatusMessage.newBuilder().setRaftAddress(raft.raftAddress()).setHttpAddress(httpAddress)
                .setLeader(view.leader()).addAllPeers(view.peersOtherThan(raft.raftAddress()))
                .setJoined(view.joined()).setLeaderHttpAddress(leaderHttp)
                .setAppliedVersion(raft.localMetadata().version()).setTerm(raft.currentTerm()).build());
        out.onCompleted();
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<ClusterMetadataMessage> out) {
        ServerCallStreamObserver<ClusterMetadataMessage> call = (ServerCallStreamObserver<ClusterMetadataMessage>) out;
        WatchHub.Watcher watcher = watches.prepare(call, request.getAfterVersion());
        raft.readConsistent().orTimeout(2, TimeUnit.SECONDS)
                .exceptionally(e -> raft.localMetadata())
                .thenAccept(m -> watches.activate(watcher, MetadataCodec.encode(m)));
    }

    /** Ends watch streams and links to other meta nodes (the node is closing). */
    public void close() {
        watches.closeAll();
        peers.close();
    }

    /** Answers on the leader; a follower forwards once to the leader's MetaService. */
    private <T> void onLeader(StreamObserver<T> out,
                              Function<MetaServiceGrpc.MetaServiceStub, CompletableFuture<T>> forward,
                              java.util.function.Supplier<CompletableFuture<T>> local) {
        reply(() -> {
            RaftView view = raft.view();
            if (view.selfIsLeader()) {
                return local.get();
            }
            if (ForwardedCall.isForwarded()) {
                throw new ShardlineException(ErrorCode.NOT_LEADER, "meta node " + httpAddress + " is not the leader");
            }
            return forward.apply(peers.stub(peers.leaderHttpAddress(), FORWARD_TIMEOUT));
        }, out);
    }

    private static <T> void reply(java.util.function.Supplier<CompletableFuture<T>> work, StreamObserver<T> out) {
        CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        GrpcCalls.reply(future.handle((v, e) -> {
            if (e != null) {
                throw MetaFailures.classify(e);
            }
            return v;
        }), out);
    }
}
