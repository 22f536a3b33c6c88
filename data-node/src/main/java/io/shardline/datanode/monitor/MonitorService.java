package io.shardline.datanode.monitor;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.MonitorConfig;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.LocalShards;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.WriteService;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.RetentionPolicySettings;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1.x's monitor store on a data node: on every even {@code store-interval} it turns the node's
 * statistics into points ({@code hostname} and {@code nodeID} tags, the tick time) and writes them
 * into {@code store-database}, policy {@code monitor} (created as 1.x does: 7 days, replication 1,
 * default 1-day groups). Where they go is {@link InternalTarget}'s decision: normally this node's own
 * shard of the current group, written locally, so monitoring keeps working when other nodes or the
 * meta nodes are down (a missing database or group is created through meta, which needs a leader).
 * Runs on its own thread, so a slow or failing {@code _internal} never holds a user write; a tick
 * that fails is dropped and counted ({@code monitor} statistic). Thread-safe.
 */
public final class MonitorService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);
    /** 1.x's {@code MonitorRetentionPolicy} and its duration. */
    public static final String POLICY = "monitor";
    static final long POLICY_DURATION = Duration.ofDays(7).toNanos();

    private final MonitorConfig config;
    private final StatsRegistry stats;
    private final String hostname;
    private final Supplier<ClusterMetadata> view;
    private final Runnable refreshView;
    private final LongSupplier nodeId;
    private final Supplier<MetaClient> meta;
    private final LocalShards local;
    private final WriteService cluster;
    private final Hlc hlc;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("monitor");
    private final LongAdder pointsWritten;
    private final LongAdder writeErr;
    private ScheduledExecutorService thread;
    private volatile boolean failing;

    public MonitorService(MonitorConfig config, StatsRegistry stats, String hostname, Supplier<ClusterMetadata> view,
                          Runnable refreshView, LongSupplier nodeId, Supplier<MetaClient> meta, LocalShards local,
                          WriteService cluster, Hlc hlc, Clock clock) {
        this.config = config;
        this.stats = stats;
        this.hostname = hostname;
        this.view = view;
        this.refreshView = refreshView;
        this.nodeId = nodeId;
        this.meta = meta;
        this.local = local;
        this.cluster = cluster;
        this.hlc = hlc;
        this.clock = clock;
        Statistic own = stats.statistic("monitor");
        this.pointsWritten = own.counter("pointsWritten");
        this.writeErr = own.counter("writeErr");
    }

    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public void start() {
        guard.markStarted();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("monitor", true));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread = executor;
        LOG.info("Storing statistics db={} rp={} interval={}", config.storeDatabase(), POLICY, config.storeInterval());
        scheduleNext();
    }

    private void scheduleNext() {
        long interval = config.storeInterval().toNanos();
        long now = clock.wallNanos();
        long tick = StatisticsPoints.nextTick(now, interval);
        try {
            thread.schedule(() -> {
                store(tick);
                if (guard.isRunning()) {
                    scheduleNext();
                }
            }, tick - now, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * The tags every point this node stores carries: {@code hostname} and {@code nodeID}; empty until the node
     * has an id.
     */
    public Map<String, String> globalTags() {
        long self = nodeId.getAsLong();
        return self <= 0 ? Map.of() : Map.of("hostname", hostname, "nodeID", Long.toString(self));
    }

    /**
     * 1.x's {@code Monitor.WritePoints} for other services (the continuous querier's {@code cq_query} points):
     * written where the statistics go, at the points' own times; points of a node without an id are dropped
     * (there is no shard of ours yet). Called from the caller's thread.
     *
     * @throws ShardlineException when the write fails
     */
    public void writePoints(List<Point> points) {
        long self = nodeId.getAsLong();
        if (self <= 0 || points.isEmpty()) {
            return;
        }
        write(self, points, points.get(0).timestamp());
    }

    /** Writes one tick's statistics; never throws. */
    void store(long tickNanos) {
        try {
            long self = nodeId.getAsLong();
            if (self <= 0) {
                return; // not registered yet: there is no nodeID to tag with and no shard of ours
            }
            List<Point> points = StatisticsPoints.of(stats.snapshot(),
                    Map.of("hostname", hostname, "nodeID", Long.toString(self)), tickNanos);
            write(self, points, tickNanos);
            pointsWritten.add(points.size());
            if (failing) {
                LOG.info("Storing statistics again db={}", config.storeDatabase());
                failing = false;
            }
        } catch (RuntimeException e) {
            writeErr.increment();
            if (!failing) {
                LOG.warn("Failed to store statistics db={} error=\"{}\"", config.storeDatabase(), e.getMessage());
                failing = true;
            }
        }
    }

    private void write(long self, List<Point> points, long tickNanos) {
        String db = config.storeDatabase();
        InternalTarget target = InternalTarget.decide(view.get(), db, POLICY, self, tickNanos);
        for (int step = 0; step < 2 && needsMeta(target); step++) {
            MetaClient client = meta.get();
            if (client == null) {
                throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "not in a cluster yet");
            }
            if (target.kind() == InternalTarget.Kind.CREATE_STORAGE) {
                createStorage(client, db);
            } else {
                client.changes().createShardGroupIfNotExists(db, POLICY, tickNanos);
            }
            refreshView.run();
            target = InternalTarget.decide(view.get(), db, POLICY, self, tickNanos);
        }
        switch (target.kind()) {
            case LOCAL_SHARD -> local.write(new ShardBatch(target.shardId(), hlc.next(), points));
            case CLUSTER_WRITE -> cluster.write(db, POLICY, ConsistencyLevel.ANY, points);
            default -> throw new ShardlineException(ErrorCode.UNAVAILABLE,
                    "no shard group of " + db + "." + POLICY + " for the tick yet");
        }
    }

    private static boolean needsMeta(InternalTarget target) {
        return target.kind() == InternalTarget.Kind.CREATE_STORAGE || target.kind() == InternalTarget.Kind.CREATE_GROUP;
    }

    /** 1.x's {@code createInternalStorage}: the database with the monitor policy, or the policy alone. */
    private void createStorage(MetaClient client, String db) {
        RetentionPolicySettings policy = RetentionPolicySettings.of(POLICY, POLICY_DURATION, 1, 0);
        if (view.get().database(db).isEmpty()) {
            client.changes().createDatabase(db, Optional.of(policy), false);
        } else {
            client.changes().createRetentionPolicy(db, policy, false);
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
