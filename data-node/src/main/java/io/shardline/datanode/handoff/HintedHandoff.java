package io.shardline.datanode.handoff;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.datanode.write.ShardTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hinted handoff: durable queues, per destination node and shard, of writes an owner could not
 * take, replayed by one {@link NodeProcessor} per destination. Enforces {@code max-size} per
 * destination ({@code queue is full}), {@code max-writes-pending}, and the {@code max-age} purge
 * every {@code purge-interval}; queues survive restarts and are deleted with their node.
 * Thread-safe: coordinator threads enqueue concurrently.
 */
public final class HintedHandoff implements Service, io.shardline.datanode.write.Handoff {

    private static final Logger LOG = LoggerFactory.getLogger(HintedHandoff.class);

    private final HintedHandoffConfig config;
    private final Clock clock;
    private final ShardTransport transport;
    private final ShardOwnership ownership;
    private final StatsRegistry stats;
    private final long replayTimeoutMillis;
    private final LifecycleGuard guard = new LifecycleGuard("hinted-handoff");
    private final Map<Long, DestinationQueues> destinations = new ConcurrentHashMap<>();
    private final Map<Long, NodeProcessor> processors = new ConcurrentHashMap<>();
    private final Semaphore pendingWrites;
    private ScheduledExecutorService purger;

    public HintedHandoff(HintedHandoffConfig config, Clock clock, ShardTransport transport,
                         ShardOwnership ownership, StatsRegistry stats, long replayTimeoutMillis) {
        this.config = config;
        this.clock = clock;
        this.transport = transport;
        this.ownership = ownership;
        this.stats = stats;
        this.replayTimeoutMillis = replayTimeoutMillis;
        this.pendingWrites = new Semaphore(config.maxWritesPending());
        stats.statistic("hh").gauge("queueTotalSize", this::totalQueuedBytes)
                .counters("writeShardReq", "writeShardReqPoints", "writeBlocked", "writePurged");
    }

    private long totalQueuedBytes() {
        long total = 0;
        for (DestinationQueues d : destinations.values()) {
            total += d.bytes();
        }
        return total;
    }

    @Override
    public String name() {
        return "hinted-handoff";
    }

    @Override
    public void start() {
        guard.markStarted();
        if (!config.enabled()) {
            LOG.warn("Hinted handoff is disabled: writes for owners that are down are not queued");
            return;
        }
        try (Stream<Path> nodes = Files.isDirectory(config.dir()) ? Files.list(config.dir()) : Stream.empty()) {
            for (Path p : nodes.filter(Files::isDirectory).toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    DestinationQueues d = destination(Long.parseLong(name));
                    d.openExisting();
                    processor(d).wake();
                }
            }
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot open hinted-handoff queues in " + config.dir()
                    + ": " + e.getMessage(), e);
        }
        purger = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("hh-purge", true));
        long every = config.purgeInterval().toNanos();
        purger.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.NANOSECONDS);
        LOG.info("Hinted handoff started dir={} destinations={}", config.dir(), destinations.size());
    }

    @Override
    public boolean hasPending(long nodeId, long shardId) {
        DestinationQueues d = destinations.get(nodeId);
        return d != null && d.hasPending(shardId);
    }

    @Override
    public void enqueue(long nodeId, long shardId, byte[] encodedBatch, int points) {
        guard.checkRunning();
        if (!config.enabled()) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "hinted handoff disabled");
        }
        if (!pendingWrites.tryAcquire()) {
            stats.statistic("hh").add("writeBlocked", 1);
            throw new ShardlineException(ErrorCode.QUEUE_FULL, "queue is full");
        }
        try {
            DestinationQueues d = destination(nodeId);
            synchronized (d) { // check and append together, so a destination never exceeds max-size
                if (d.bytes() + HandoffQueue.frameBytes(encodedBatch.length) > config.maxSize()) {
                    d.processorStats(shardId).add("writeBlocked", 1);
                    throw new ShardlineException(ErrorCode.QUEUE_FULL, "queue is full");
                }
                d.queue(shardId).append(encodedBatch, clock.wallMillis(), true);
            }
            var st = d.processorStats(shardId);
            st.add("writeShardReq", 1);
            st.add("writeShardReqPoints", points);
            st.add("bytesWritten", encodedBatch.length);
            stats.statistic("hh").add("writeShardReq", 1);
            stats.statistic("hh").add("writeShardReqPoints", points);
            processor(d).wake();
        } finally {
            pendingWrites.release();
        }
    }

    /** Undelivered bytes for a destination (the {@code hh_node.queueTotalSize} statistic). */
    public long queuedBytes(long nodeId) {
        DestinationQueues d = destinations.get(nodeId);
        return d == null ? 0 : d.bytes();
    }

    /** Undelivered bytes over every destination. */
    public long queuedBytes() {
        return destinations.values().stream().mapToLong(DestinationQueues::bytes).sum();
    }

    /** Destinations that still have something queued. */
    public Collection<Long> destinationsWithData() {
        return destinations.values().stream().filter(d -> d.bytes() > 0).map(DestinationQueues::nodeId).toList();
    }

    /** The destination is alive again (it announced itself): replay now instead of waiting out the back-off. */
    public void nodeAlive(long nodeId) {
        DestinationQueues d = destinations.get(nodeId);
        if (d != null && d.bytes() > 0) {
            processor(d).resetBackoff();
        }
    }

    /** Deletes every queue held for a node that was removed from the cluster. */
    public void removeNode(long nodeId) {
        NodeProcessor p = processors.remove(nodeId);
        if (p != null) {
            p.close();
        }
        DestinationQueues d = destinations.remove(nodeId);
        if (d != null) {
            try {
                d.deleteAll();
                LOG.info("Deleted hinted-handoff queues of removed node={}", nodeId);
            } catch (IOException e) {
                LOG.warn("Cannot delete hinted-handoff queues node={} dir={}", nodeId, config.dir(), e);
            }
        }
    }

    /** Runs the {@code max-age} purge now; returns the number of entries purged. */
    public int purge() {
        long cutoff = clock.wallMillis() - config.maxAge().toMillis();
        int purged = 0;
        for (DestinationQueues d : destinations.values()) {
            try {
                purged += d.purgeOlderThan(cutoff);
            } catch (ShardlineException e) {
                LOG.warn("Hinted-handoff purge failed node={}", d.nodeId(), e);
            }
        }
        if (purged > 0) {
            stats.statistic("hh").add("writePurged", purged);
            LOG.warn("Purged hinted-handoff entries older than max-age entries={} maxAge={}", purged, config.maxAge());
        }
        return purged;
    }

    private DestinationQueues destination(long nodeId) {
        return destinations.computeIfAbsent(nodeId,
                id -> new DestinationQueues(id, config.dir().resolve(Long.toString(id)), stats, clock::wallMillis));
    }

    private NodeProcessor processor(DestinationQueues d) {
        return processors.computeIfAbsent(d.nodeId(), id -> new NodeProcessor(d, transport, ownership, clock,
                new HandoffSchedule(config.retryInterval(), config.retryMaxInterval()), config.retryRateLimit(),
                config.batchSize(), config.retryConcurrency(), replayTimeoutMillis));
    }

    @Override
    public void close() {
        if (!guard.markClosed()) {
            return;
        }
        if (purger != null) {
            purger.shutdownNow();
        }
        processors.values().forEach(NodeProcessor::close);
        destinations.values().forEach(DestinationQueues::close);
    }
}
