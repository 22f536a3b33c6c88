package io.shardline.meta.ratis;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.net.HostPort;
import io.shardline.config.meta.MetaConfig;
import io.shardline.meta.codec.MetaCommandCodec;
import io.shardline.meta.codec.MetaResultCodec;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.state.MetaCommand;
import io.shardline.meta.state.MetaResult;
import io.shardline.proto.meta.ClusterMetadataMessage;
import io.shardline.proto.meta.MetaQuery;
import io.shardline.proto.meta.MetaResultMessage;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Raft side of a meta node: owns the Ratis server (with {@link MetaStateMachine}) and two Ratis
 * clients, one that submits encoded commands to the leader and one that sends linearizable reads
 * (see the fields for why they are apart). Thread-safe: any
 * thread may submit, read or ask for the {@link RaftView}; start and close belong to the node's
 * lifecycle thread.
 */
public final class MetaRaft implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(MetaRaft.class);
    private static final Duration RETRY_SLEEP = Duration.ofMillis(100);
    /** Changes submitted at once; metadata changes are few (DDL, shard groups, membership). */
    private static final int SUBMITTERS = 8;

    private final MetaConfig meta;
    private final HostPort raftBind;
    private final String raftAddress;
    private final String httpAddress;
    private final MetaStateMachine stateMachine = new MetaStateMachine();
    private final LifecycleGuard guard = new LifecycleGuard("meta raft");
    private final MetaRaftClients clients;
    /**
     * A second client for linearizable reads: a read a follower cannot answer yet (no leader) times
     * out, and Ratis then closes its connections to that server, waiting up to 3 s for their calls;
     * changes must not share those connections.
     */
    private final MetaRaftClients readClients;
    /**
     * Threads that submit changes with the Ratis client's blocking API. Its ordered async API
     * sequences every request of one client: after a leader change the new leader held a change
     * sent before it had seen the client's earlier sequence numbers until the request timed out,
     * and the client then spent 3 s closing that connection (drill D6: writes opening shard
     * groups waited 5 s). Blocking requests are independent and go to the new leader at once.
     */
    private final ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS,
            new NamedThreadFactory("meta-submit", true));
    private final Parameters parameters;
    private final RaftLinkWatch links;
    private RaftServer server;

    /**
     * @param raftBind    where the Raft server listens ({@code [meta] bind-address})
     * @param raftAddress the Raft address other members reach this node at
     * @param httpAddress this node's MetaService address
     */
    public MetaRaft(MetaConfig meta, HostPort raftBind, String raftAddress, String httpAddress) {
        this(meta, raftBind, raftAddress, httpAddress, null);
    }

    /**
     * @param tls this node's certificate and the trusted CAs for mutual TLS on the Raft port (every
     *     peer, and this node's own Raft clients, must present a trusted certificate), null for plaintext
     */
    public MetaRaft(MetaConfig meta, HostPort raftBind, String raftAddress, String httpAddress, TlsMaterial tls) {
        this.meta = meta;
        this.raftBind = raftBind;
        this.raftAddress = raftAddress;
        this.httpAddress = httpAddress;
        this.parameters = RaftSettings.parameters(tls);
        this.clients = clients(meta, parameters);
        this.readClients = clients(meta, parameters);
        this.links = new RaftLinkWatch(this::division, RaftSettings.stallAfter(meta).toMillis());
    }

    private static MetaRaftClients clients(MetaConfig meta, Parameters parameters) {
        RaftProperties clientProperties = RaftSettings.clientProperties(meta);
        return new MetaRaftClients(() -> new RaftAddressClientRpc(
                new GrpcFactory(parameters).newRaftClientRpc(ClientId.randomId(), clientProperties)),
                clientProperties, RaftSettings.retryPolicy(meta, RETRY_SLEEP));
    }

    @Override
    public String name() {
        return "meta raft";
    }

    @Override
    public void start() {
        guard.markStarted();
        Path storageDir = meta.dir().resolve("raft");
        boolean fresh = !hasRaftHistory(storageDir.resolve(RaftIds.GROUP_ID.getUuid().toString()));
        RaftGroup group = initialGroup(fresh);
        try {
            Files.createDirectories(storageDir);
            server = RaftServer.newBuilder().setServerId(RaftIds.peerId(raftAddress)).setGroup(group)
                    .setStateMachine(stateMachine).setProperties(RaftSettings.properties(meta, raftBind, storageDir))
                    .setParameters(parameters)
                    .setOption(RaftStorage.StartupOption.RECOVER).build();
            server.start();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw ShardlineException.wrap(e, ErrorCode.IO_ERROR, "cannot start Raft at " + raftBind + " ([meta] bind-address)");
        }
        links.start();
        LOG.info("Raft started raft={} fresh={} initialMembers={}", raftAddress, fresh, group.getPeers().size());
    }

    /**
     * Whether this node's Raft storage holds a group configuration: a persisted configuration, a log
     * segment or a snapshot. A group directory without any of them (a first start that failed after
     * Ratis formatted its storage, e.g. on a taken status port) counts as fresh, so the next start
     * founds the group from {@code [meta] peers} again instead of waiting forever with no members.
     * Ratis still recovers the term and vote that directory holds.
     */
    static boolean hasRaftHistory(Path groupDir) {
        Path current = groupDir.resolve("current");
        if (Files.exists(current.resolve("raft-meta.conf")) || nonEmpty(groupDir.resolve("sm"))) {
            return true;
        }
        if (!Files.isDirectory(current)) {
            return false;
        }
        try (var files = Files.list(current)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("log_"));
        } catch (IOException e) {
            throw ShardlineException.wrap(e, ErrorCode.IO_ERROR, "cannot read the Raft storage " + current);
        }
    }

    private static boolean nonEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw ShardlineException.wrap(e, ErrorCode.IO_ERROR, "cannot read the Raft storage " + dir);
        }
    }

    private RaftGroup initialGroup(boolean fresh) {
        if (!fresh || meta.peers().isEmpty()) {
            return RaftGroup.valueOf(RaftIds.GROUP_ID);
        }
        if (!meta.peers().contains(raftAddress)) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "[meta] peers " + meta.peers()
                    + " must include this node's Raft address " + raftAddress);
        }
        List<RaftPeer> peers = meta.peers().stream()
                .map(a -> RaftIds.peer(a, a.equals(raftAddress) ? httpAddress : "")).toList();
        return RaftGroup.valueOf(RaftIds.GROUP_ID, peers);
    }

    public MetaStateMachine stateMachine() {
        return stateMachine;
    }

    /** The metadata this node has applied, possibly behind the leader. */
    public ClusterMetadata localMetadata() {
        return stateMachine.metadata();
    }

    public String raftAddress() {
        return raftAddress;
    }

    /** This node's view of the group now. */
    public RaftView view() {
        RaftServer.Division division = division();
        if (division == null) {
            return RaftView.unjoined();
        }
        Collection<RaftPeer> members = division.getRaftConf().getCurrentPeers();
        RaftPeerId self = RaftIds.peerId(raftAddress);
        if (members.stream().noneMatch(p -> p.getId().equals(self))) {
            return RaftView.unjoined();
        }
        RaftPeerId leaderId = division.getInfo().getLeaderId();
        RaftPeer leader = leaderId == null ? null : division.getRaftConf().getPeer(leaderId);
        return new RaftView(true, division.getInfo().isLeader(), leader == null ? "" : leader.getAddress(),
                members.stream().map(RaftPeer::getAddress).sorted().toList());
    }

    /** This node's role, term, indexes and log history now (the status port's {@code /raft}). */
    public RaftStatus raftStatus() {
        RaftServer.Division division = division();
        RaftHistory.View history = stateMachine.history().view();
        if (division == null) {
            return new RaftStatus(raftAddress, "NONE", 0, "", 0, 0, history);
        }
        RaftView view = view();
        return new RaftStatus(raftAddress, division.getInfo().getCurrentRole().name(),
                division.getInfo().getCurrentTerm(), view.leader(), division.getRaftLog().getLastCommittedIndex(),
                division.getInfo().getLastAppliedIndex(), history);
    }

    /** The Raft term this node is in, 0 outside any group. */
    public long currentTerm() {
        RaftServer.Division division = division();
        return division == null ? 0 : division.getInfo().getCurrentTerm();
    }

    /** Registers the {@code raft} and {@code meta} statistics of this node. */
    public void registerStats(StatsRegistry registry) {
        RaftStats.register(registry, this::division, stateMachine);
    }

    /** The current members as Ratis peers (empty for an un-joined node). */
    public List<RaftPeer> members() {
        RaftServer.Division division = division();
        return division == null ? List.of() : List.copyOf(division.getRaftConf().getCurrentPeers());
    }

    /** The leader's MetaService address if the Raft configuration carries it, else "". */
    public String leaderClientAddress() {
        RaftServer.Division division = division();
        if (division == null || division.getInfo().getLeaderId() == null) {
            return "";
        }
        RaftPeer leader = division.getRaftConf().getPeer(division.getInfo().getLeaderId());
        return leader == null ? "" : RaftIds.httpAddress(leader);
    }

    private RaftServer.Division division() {
        RaftServer s = server;
        if (s == null) {
            return null;
        }
        try {
            return s.getDivision(RaftIds.GROUP_ID);
        } catch (IOException e) {
            return null;
        }
    }

    /** Logs the command through the leader and completes with what applying it answered. */
    public CompletableFuture<MetaResult> submit(MetaCommand command) {
        Message message = Message.valueOf(org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(
                MetaCommandCodec.encode(command)));
        RaftClient client = clients.client(members());
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.io().send(message);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, submitters)
                .thenApply(MetaRaft::resultOf)
                .orTimeout(meta.consensusTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A linearizable read of the whole metadata, served by the leader. Sent unordered, like changes
     * (see {@link #submitters}): an ordered read still looking for a new leader would hold later
     * requests of this node behind it.
     */
    public CompletableFuture<ClusterMetadata> readConsistent() {
        byte[] query = MetaQuery.newBuilder().setVersion(1).build().toByteArray();
        return readClients.client(members()).async().sendReadOnlyUnordered(Message.valueOf(
                        org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(query)))
                .thenApply(reply -> {
                    try {
                        return MetadataCodec.decode(ClusterMetadataMessage.parseFrom(content(reply)));
                    } catch (InvalidProtocolBufferException e) {
                        throw new ShardlineException(ErrorCode.CORRUPTED, "undecodable metadata from leader", e);
                    }
                })
                .orTimeout(meta.consensusTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds {@code peer} to the leader's current configuration (Ratis {@code ADD} mode, so a change
     * made through another member that this node has not applied yet is never undone); blocks until
     * the leader committed it.
     */
    public void addMember(RaftPeer peer) {
        setConfiguration(SetConfigurationRequest.Arguments.newBuilder()
                .setServersInNewConf(List.of(peer)).setMode(SetConfigurationRequest.Mode.ADD).build());
    }

    /**
     * Removes {@code id} from the configuration. Called on the leader (whose configuration is
     * authoritative, and which runs one membership change at a time); blocks until committed.
     */
    public void removeMember(RaftPeerId id) {
        List<RaftPeer> next = members().stream().filter(p -> !p.getId().equals(id)).toList();
        setConfiguration(SetConfigurationRequest.Arguments.newBuilder().setServersInNewConf(next)
                .setMode(SetConfigurationRequest.Mode.SET_UNCONDITIONALLY).build());
    }

    private void setConfiguration(SetConfigurationRequest.Arguments arguments) {
        try {
            RaftClientReply reply = clients.client(members()).admin().setConfiguration(arguments);
            if (!reply.isSuccess()) {
                throw unavailable("membership change failed", reply.getException());
            }
        } catch (IOException e) {
            throw unavailable("membership change failed", e);
        }
    }

    /** Asks this node's Raft server to write a snapshot now (tests and operators). */
    public long takeSnapshotNow() {
        try {
            RaftClientReply reply = clients.client(members())
                    .getSnapshotManagementApi(RaftIds.peerId(raftAddress)).create(true, 10_000);
            if (!reply.isSuccess()) {
                throw unavailable("snapshot failed", reply.getException());
            }
            return reply.getLogIndex();
        } catch (IOException e) {
            throw unavailable("snapshot failed", e);
        }
    }

    private static byte[] content(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw unavailable("the meta cluster did not answer", reply.getException());
        }
        return reply.getMessage().getContent().toByteArray();
    }

    private static MetaResult resultOf(RaftClientReply reply) {
        try {
            return MetaResultCodec.decode(MetaResultMessage.parseFrom(content(reply)));
        } catch (InvalidProtocolBufferException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "undecodable meta result", e);
        }
    }

    static ShardlineException unavailable(String what, Throwable cause) {
        String detail = cause == null ? "no reason given" : cause.getMessage();
        return new ShardlineException(ErrorCode.META_UNAVAILABLE, what + ": " + detail, cause);
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        links.close();
        submitters.shutdownNow();
        clients.close();
        readClients.close();
        if (server != null) {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Error closing Raft server", e);
            }
        }
    }
}
