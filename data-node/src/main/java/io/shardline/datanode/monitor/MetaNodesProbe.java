package io.shardline.datanode.monitor;

import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.stats.StatSnapshot;
import io.shardline.common.stats.StatsSource;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeStatusMessage;
import io.shardline.proto.meta.NodeStatusRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code [monitor] remote-collect-interval}: polls every meta node of the cluster view for its Raft
 * status ({@code GetNodeStatus}) and reports it as the {@code meta_node} statistic (tag
 * {@code metaNode} = its MetaService address; {@code up}, {@code isLeader}, {@code term},
 * {@code appliedVersion}), so the leader and term reach {@code _internal} through the data nodes'
 * monitor (meta nodes hold no shards). A node that does not answer within 2 s counts as down.
 * Polling runs on its own thread; reading the statistic only copies the last answers. Thread-safe.
 */
public final class MetaNodesProbe implements Service, StatsSource {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private final Supplier<ClusterMetadata> view;
    private final PeerChannels channels;
    private final Duration interval;
    private final Map<String, Map<String, Object>> last = new ConcurrentHashMap<>();
    private final LifecycleGuard guard = new LifecycleGuard("meta probe");
    private ScheduledExecutorService thread;

    public MetaNodesProbe(Supplier<ClusterMetadata> view, PeerChannels channels, Duration interval) {
        this.view = view;
        this.channels = channels;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "meta probe";
    }

    @Override
    public void start() {
        guard.markStarted();
        thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("meta-probe", true));
        thread.scheduleWithFixedDelay(this::poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Asks every meta node once. */
    void poll() {
        List<NodeInfo> metas = view.get().metaNodes();
        Set<String> known = new HashSet<>();
        for (NodeInfo meta : metas) {
            known.add(meta.httpAddress());
            last.put(meta.httpAddress(), ask(meta.httpAddress()));
        }
        last.keySet().retainAll(known);
    }

    private Map<String, Object> ask(String address) {
        try {
            NodeStatusMessage status = MetaServiceGrpc.newBlockingStub(channels.channel(address))
                    .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getNodeStatus(NodeStatusRequest.getDefaultInstance());
            boolean leader = !status.getLeader().isEmpty() && status.getLeader().equals(status.getRaftAddress());
            return Map.of("up", 1L, "isLeader", leader ? 1L : 0L, "term", status.getTerm(),
                    "appliedVersion", status.getAppliedVersion());
        } catch (StatusRuntimeException | ShardlineException e) {
            return Map.of("up", 0L, "isLeader", 0L);
        }
    }

    @Override
    public List<StatSnapshot> collect() {
        List<StatSnapshot> out = new ArrayList<>();
        last.forEach((address, values) -> out.add(new StatSnapshot("meta_node", Map.of("metaNode", address), values,
                Set.of())));
        return out;
    }

    @Override
    public void close() {
        if (guard.markClosed() && thread != null) {
            thread.shutdownNow();
        }
    }
}
