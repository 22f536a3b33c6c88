package io.shardline.datanode.shard;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.config.data.RetentionConfig;
import io.shardline.config.data.ShardPrecreationConfig;
import io.shardline.datanode.handoff.HintedHandoff;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.NodeStatus;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.common.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data node's housekeeping, on one thread: shard precreation ({@code [shard-precreation]}),
 * retention ({@code [retention]}: expired groups are marked deleted in meta), dropping local shards
 * whose group was deleted or whose database was dropped, deleting the hinted-handoff queues of data
 * nodes removed from the cluster, and waking hinted handoff for destinations that announce
 * themselves again. Nothing is dropped while the cluster view is still empty.
 */
public final class ShardMaintenance implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(ShardMaintenance.class);
    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Duration KEEP_DELETED_GROUPS = Duration.ofHours(24);

    private final ShardPrecreationConfig precreation;
    private final RetentionConfig retention;
    private final Supplier<MetaClient> meta;
    private final Supplier<ClusterView> view;
    private final ShardEngine engine;
    private final HintedHandoff handoff;
    private final Duration fullCompactionCold;
    private final Clock clock;
    /** Shard id to the last-modified time it had when it was last fully compacted. */
    private final Map<Long, Long> compactedAt = new HashMap<>();
    private final LifecycleGuard guard = new LifecycleGuard("shard maintenance");
    private ScheduledExecutorService thread;

    public ShardMaintenance(ShardPrecreationConfig precreation, RetentionConfig retention, Supplier<MetaClient> meta,
                            Supplier<ClusterView> view, ShardEngine engine, HintedHandoff handoff,
                            Duration fullCompactionCold, Clock clock) {
        this.fullCompactionCold = fullCompactionCold;
        this.clock = clock;
        this.precreation = precreation;
        this.retention = retention;
        this.meta = meta;
        this.view = view;
        this.engine = engine;
        this.handoff = handoff;
    }

    @Override
    public String name() {
        return "shard maintenance";
    }

    @Override
    public void start() {
        guard.markStarted();
        thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("shard-maintenance", true));
        if (precreation.enabled()) {
            every(precreation.checkInterval(), this::precreate);
        }
        if (retention.enabled()) {
            every(retention.checkInterval(), this::enforceRetention);
        }
        every(SWEEP, this::sweep);
        every(SWEEP, this::compactColdShards);
    }

    private void every(Duration period, Runnable task) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (ShardlineException e) {
                LOG.warn("Shard maintenance task failed error=\"{}\"", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Shard maintenance task failed", e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void precreate() {
        MetaClient client = meta.get();
        if (client != null) {
            int created = client.changes().precreateShardGroups(precreation.advancePeriod()).size();
            if (created > 0) {
                LOG.info("Precreated shard groups count={}", created);
            }
        }
    }

    private void enforceRetention() {
        MetaClient client = meta.get();
        if (client == null) {
            return;
        }
        int expired = client.changes().enforceRetention().size();
        if (expired > 0) {
            LOG.info("Retention policy enforcement marked shard groups deleted count={}", expired);
        }
        client.changes().pruneShardGroups(KEEP_DELETED_GROUPS);
        sweep();
    }

    /** Drops local shards of deleted groups or dropped databases, and queues for removed nodes. */
    void sweep() {
        ClusterView v = view.get();
        if (v.version() == 0) {
            return;
        }
        for (ShardStatus status : engine.shards()) {
            Optional<ShardLocation> location = v.shards().shard(status.id().id());
            if (location.isEmpty() || location.get().group().deleted()) {
                engine.drop(status.id());
                LOG.info("Dropped local shard of a deleted shard group or database {}", status.id());
            }
        }
        for (long node : handoff.destinationsWithData()) {
            if (v.metadata().dataNode(node).isEmpty()) {
                handoff.removeNode(node);
            }
        }
        wakeHandoffForLiveNodes();
    }

    /**
     * Fully compacts each shard that has not been written for {@code compact-full-write-cold-duration},
     * once per quiet period (InfluxDB's full compaction of cold shards).
     */
    void compactColdShards() {
        long now = clock.wallNanos();
        for (ShardStatus status : engine.shards()) {
            Optional<ShardStore> store = status.open() ? engine.get(status.id()) : Optional.empty();
            if (store.isEmpty()) {
                continue;
            }
            long modified = store.get().lastModified();
            Long done = compactedAt.get(status.id().id());
            if (modified > 0 && now - modified >= fullCompactionCold.toNanos() && (done == null || done < modified)) {
                store.get().compact();
                compactedAt.put(status.id().id(), modified);
                LOG.info("Fully compacted cold shard {} sizeBytes={}", status.id(), store.get().sizeBytes());
            }
        }
        compactedAt.keySet().removeIf(id -> engine.shards().stream().noneMatch(s -> s.id().id() == id));
    }

    /** Destinations with queued writes that announce themselves again get their back-off reset. */
    private void wakeHandoffForLiveNodes() {
        MetaClient client = meta.get();
        if (client == null || handoff.destinationsWithData().isEmpty()) {
            return;
        }
        for (NodeStatus status : client.clusterStatus().dataNodes()) {
            if (!status.version().isEmpty()) {
                handoff.nodeAlive(status.node().id());
            }
        }
    }

    @Override
    public void close() {
        if (guard.markClosed() && thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
