package io.shardline.meta.service;

import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.time.Clock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.ratis.MetaRaft;
import io.shardline.meta.ratis.RaftView;
import io.shardline.meta.state.MetaCommand;
import io.shardline.meta.state.MetaResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this meta node registered and announced: once it is a Raft member and sees a leader it logs
 * {@code AddMetaNode} (idempotent) until the registry holds it, then announces itself to the leader
 * every {@code [meta] gossip-frequency}. Founding members register in the order of {@code [meta]
 * peers} (each waits for the ones listed before it, at most {@link #ORDER_WAIT}), so meta1..3 get ids
 * 1..3 as operators expect. Runs on its own single thread; a failed round is retried.
 */
public final class SelfRegistration implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(SelfRegistration.class);
    private static final Duration TICK = Duration.ofMillis(200);
    /** How long a founding member waits for the members listed before it to register first. */
    static final Duration ORDER_WAIT = Duration.ofSeconds(10);

    private final MetaRaft raft;
    private final MetaGrpcService service;
    private final String httpAddress;
    private final Duration gossipFrequency;
    private final Clock clock;
    private final List<String> foundingPeers;
    private final LifecycleGuard guard = new LifecycleGuard("meta self-registration");
    private ScheduledExecutorService executor;
    private long lastAnnounceNanos;
    private boolean announcedOnce;
    private long joinedAtNanos = -1;

    /** @param foundingPeers {@code [meta] peers}: the Raft addresses of the initial members, in order */
    public SelfRegistration(MetaRaft raft, MetaGrpcService service, String httpAddress, Duration gossipFrequency,
                            Clock clock, List<String> foundingPeers) {
        this.foundingPeers = List.copyOf(foundingPeers);
        this.raft = raft;
        this.service = service;
        this.httpAddress = httpAddress;
        this.gossipFrequency = gossipFrequency;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "meta self-registration";
    }

    @Override
    public void start() {
        guard.markStarted();
        executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("meta-register", true));
        executor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            RaftView view = raft.view();
            if (!view.joined() || view.leader().isEmpty()) {
                return;
            }
            ClusterMetadata metadata = raft.localMetadata();
            Optional<NodeInfo> self = metadata.metaNodeByHttpAddress(httpAddress);
            if (self.isEmpty()) {
                if (joinedAtNanos < 0) {
                    joinedAtNanos = clock.monotonicNanos();
                }
                if (earlierPeersRegistered(metadata)
                        || clock.monotonicNanos() - joinedAtNanos >= ORDER_WAIT.toNanos()) {
                    register();
                }
                return;
            }
            long now = clock.monotonicNanos();
            if (!announcedOnce || now - lastAnnounceNanos >= gossipFrequency.toNanos()) {
                service.announceSelf(self.get().id()).get(5, TimeUnit.SECONDS);
                lastAnnounceNanos = now;
                announcedOnce = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Meta self-registration round failed: {}", e.toString());
        }
    }

    /** True if every founding peer listed before this node is in the registry (or this node is not one). */
    private boolean earlierPeersRegistered(ClusterMetadata metadata) {
        int mine = foundingPeers.indexOf(raft.raftAddress());
        for (int i = 0; i < mine; i++) {
            String peer = foundingPeers.get(i);
            if (metadata.metaNodes().stream().noneMatch(n -> n.tcpAddress().equals(peer))) {
                return false;
            }
        }
        return true;
    }

    private void register() throws Exception {
        MetaResult result = raft.submit(new MetaCommand.AddMetaNode(raft.raftAddress(), httpAddress))
                .get(10, TimeUnit.SECONDS);
        if (result instanceof MetaResult.Ok ok) {
            NodeInfo node = (NodeInfo) ok.value();
            LOG.info("Registered meta node id={} raft={} http={}", node.id(), node.tcpAddress(), node.httpAddress());
        } else {
            LOG.warn("Meta node registration refused: {}", ((MetaResult.Failure) result).message());
        }
    }

    @Override
    public void close() {
        if (guard.markClosed() && executor != null) {
            executor.shutdownNow();
        }
    }
}
