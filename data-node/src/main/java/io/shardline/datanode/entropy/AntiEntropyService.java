package io.shardline.datanode.entropy;

import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.config.data.AntiEntropyConfig;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a data node's {@link EntropyNode} on threads. A scheduler thread ticks every
 * {@code check-interval} (the first one interval after start) and starts a pass on the pass thread
 * unless one is still running, in which case the tick is skipped and counted (passes never pile up);
 * it also dispatches queued jobs whenever work may have appeared and every second for back-offs.
 * Comparisons run on {@code max-sync} threads, copies and repairs on {@code max-fetch} threads.
 * Started and closed by the node's thread; the rest is thread-safe.
 */
public final class AntiEntropyService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropyService.class);
    private static final Duration DISPATCH_PERIOD = Duration.ofSeconds(1);

    private final AntiEntropyConfig config;
    private final EntropyNode node;
    private final EntropyStats stats;
    private final LifecycleGuard guard = new LifecycleGuard("anti-entropy service");
    private final AtomicBoolean passRunning = new AtomicBoolean();
    private final AtomicLong skippedPasses = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private ExecutorService passThread;
    private ExecutorService comparisons;
    private ExecutorService workers;

    public AntiEntropyService(AntiEntropyConfig config, EntropyNode node, EntropyStats stats) {
        this.config = config;
        this.node = node;
        this.stats = stats;
    }

    @Override
    public String name() {
        return "anti-entropy";
    }

    /** The node logic (for the RPC and HTTP adapters). */
    public EntropyNode node() {
        return node;
    }

    @Override
    public void start() {
        guard.markStarted();
        node.load();
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("ae-scheduler", true));
        passThread = Executors.newSingleThreadExecutor(new NamedThreadFactory("ae-pass", true));
        comparisons = Executors.newFixedThreadPool(config.maxSync(), new NamedThreadFactory("ae-compare", true));
        workers = Executors.newFixedThreadPool(config.maxFetch(), new NamedThreadFactory("ae-repair", true));
        node.onWork(this::scheduleDispatch);
        long interval = config.checkInterval().toNanos();
        scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.NANOSECONDS);
        scheduler.scheduleWithFixedDelay(this::dispatch, DISPATCH_PERIOD.toNanos(), DISPATCH_PERIOD.toNanos(),
                TimeUnit.NANOSECONDS);
        LOG.info("Anti-entropy service started checkInterval={} maxFetch={} maxSync={} autoRepairMissing={}"
                        + " autoRepairDiff={} settleWindow={}", config.checkInterval(), config.maxFetch(),
                config.maxSync(), config.autoRepairMissing(), config.autoRepairDiff(), config.settleWindow());
    }

    /** Starts a pass now unless one runs; returns whether it started (tests, benchmarks). */
    public boolean tick() {
        if (!passRunning.compareAndSet(false, true)) {
            stats.add("passSkips", 1);
            LOG.info("Skipped status check: the previous pass is still running skippedPasses={}",
                    skippedPasses.incrementAndGet());
            return false;
        }
        try {
            passThread.execute(() -> {
                try {
                    node.runPass(comparisons);
                } catch (RuntimeException e) {
                    stats.add("errors", 1);
                    LOG.warn("Anti-entropy pass failed", e);
                } finally {
                    passRunning.set(false);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            passRunning.set(false);
            return false;
        }
    }

    /** Whether a pass is running now. */
    public boolean passRunning() {
        return passRunning.get();
    }

    private void scheduleDispatch() {
        try {
            scheduler.execute(this::dispatch);
        } catch (RejectedExecutionException | NullPointerException e) {
            // closing, or not started yet: the periodic dispatch picks the work up
        }
    }

    private void dispatch() {
        try {
            for (Runnable job : node.takeJobs()) {
                workers.execute(job);
            }
        } catch (RejectedExecutionException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("Anti-entropy dispatch failed", e);
        }
    }

    @Override
    public void close() {
        if (guard.markClosed() && scheduler != null) {
            scheduler.shutdownNow();
            passThread.shutdownNow();
            comparisons.shutdownNow();
            workers.shutdownNow();
            try {
                workers.awaitTermination(2, TimeUnit.SECONDS);
                passThread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            node.persist();
            LOG.info("Anti-entropy service stopped");
        }
    }
}
