package io.shardline.datanode.entropy;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One anti-entropy pass: plan it ({@link PassPlanner}), look for sources of absent shards and queue
 * their copies, compare every local shard with its next owner (skipping shards with a job running),
 * then ask for repairs of {@code diff} shards when {@code auto-repair-diff} is on. Logs
 * {@code Checking status} with counts at the start and {@code Skipped shards} when some were skipped.
 * Called by one thread at a time (the service never overlaps passes).
 */
public final class EntropyPass {

    private static final Logger LOG = LoggerFactory.getLogger(EntropyPass.class);

    /** What a pass did. */
    public record Report(int checked, int equal, int unchanged, int suspected, int diff, int skipped, int copiesQueued,
                         int missing, int repairsRequested, int errors) {

        static final Report IDLE = new Report(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private final AntiEntropyConfig config;
    private final EntropyShards shards;
    private final EntropyPeers peers;
    private final EntropyState state;
    private final EntropyStats stats;
    private final Clock clock;
    private final Supplier<Set<Long>> liveNodes;
    private final ShardComparer comparer;
    private final EntropyNode node;

    EntropyPass(AntiEntropyConfig config, EntropyShards shards, EntropyPeers peers, EntropyState state,
                EntropyStats stats, Clock clock, Supplier<Set<Long>> liveNodes, ShardComparer comparer, EntropyNode node) {
        this.config = config;
        this.shards = shards;
        this.peers = peers;
        this.state = state;
        this.stats = stats;
        this.clock = clock;
        this.liveNodes = liveNodes;
        this.comparer = comparer;
        this.node = node;
    }

    Report run(Executor executor) {
        long self = shards.self();
        ClusterView view = shards.view();
        if (self == 0 || view.version() == 0) {
            return Report.IDLE;
        }
        Set<Long> local = shards.ids(true);
        PassPlan plan = PassPlanner.plan(new PassInput(self, view, local, shards.ids(false), live(), state.held(),
                clock.wallNanos(), config.autoRepairMissing()));
        Set<Long> localOwned = new HashSet<>(local);
        localOwned.retainAll(plan.owned());
        state.beginPass(plan, localOwned);
        LOG.info("Checking status shards={} compare={} absent={} unrestorable={} queued={}", plan.owned().size(),
                plan.checks().size(), plan.absent().size(), plan.unrestorable().size(), state.queuedCount());
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Set<Long> missing = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<?>> work = new ArrayList<>();
        for (PassPlan.Absent a : plan.absent()) {
            if (!state.copying(a.location().shardId())) {
                work.add(CompletableFuture.runAsync(() -> probe(a, copies, missing, errors), executor));
            }
        }
        List<Long> skipped = Collections.synchronizedList(new ArrayList<>());
        List<ShardComparer.Result> results = Collections.synchronizedList(new ArrayList<>());
        for (PassPlan.Check c : plan.checks()) {
            long id = c.location().shardId();
            if (state.busy(id)) {
                skipped.add(id);
                continue;
            }
            work.add(CompletableFuture.runAsync(() -> {
                try {
                    results.add(comparer.compare(c));
                } catch (ShardlineException e) {
                    errors.incrementAndGet();
                    stats.add("errors", 1);
                    LOG.warn("Comparison failed shard={} error=\"{}\"", id, e.getMessage());
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    stats.add("errors", 1);
                    LOG.warn("Comparison failed shard={}", id, e);
                }
            }, executor));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        if (!skipped.isEmpty()) {
            stats.add("skips", skipped.size());
            LOG.info("Skipped shards with a copy or repair running count={} shards={}", skipped.size(), skipped);
        }
        int requested = config.autoRepairDiff() ? requestRepairs(errors) : 0;
        node.persist();
        node.wake();
        Report r = new Report(results.size(), count(results, ShardComparer.Result.EQUAL),
                count(results, ShardComparer.Result.UNCHANGED), count(results, ShardComparer.Result.SUSPECTED),
                state.diffShards().size(), skipped.size(), copies.get(), (int) state.missingCount(), requested,
                errors.get());
        LOG.info("Status check done compared={} equal={} unchanged={} suspected={} diff={} skipped={} copiesQueued={}"
                        + " missing={} repairsRequested={} errors={}", r.checked(), r.equal(), r.unchanged(),
                r.suspected(), r.diff(), r.skipped(), r.copiesQueued(), r.missing(), r.repairsRequested(), r.errors());
        return r;
    }

    private Set<Long> live() {
        try {
            return liveNodes.get();
        } catch (RuntimeException e) {
            LOG.debug("Data node liveness unknown; trying every owner error=\"{}\"", e.getMessage());
            return null;
        }
    }

    /** Finds which live owners have an absent shard and queues a copy from them. */
    private void probe(PassPlan.Absent a, AtomicInteger copies, Set<Long> missing, AtomicInteger errors) {
        ShardLocation location = a.location();
        long id = location.shardId();
        List<Long> sources = new ArrayList<>();
        int answered = 0;
        for (long owner : a.sources()) {
            try {
                if (peers.shardInfo(owner, id, false, 0).exists()) {
                    sources.add(owner);
                }
                answered++;
            } catch (ShardlineException e) {
                LOG.debug("Owner did not answer about an absent shard shard={} owner={} error=\"{}\"", id, owner,
                        e.getMessage());
            }
        }
        if (!sources.isEmpty()) {
            if (state.offerCopy(id, sources)) {
                copies.incrementAndGet();
                LOG.info("Missing shard queued for copy shard={} db={} rp={} sources={}", id, location.database(),
                        location.retentionPolicy(), sources);
            }
        } else if (a.heldBefore()) {
            state.markMissing(id);
            missing.add(id);
            if (answered == 0) {
                LOG.warn("Missing shard cannot be restored now: no other owner answered shard={} owners={}", id,
                        a.sources());
            } else {
                LOG.error("Missing shard is lost: no other owner has it shard={} db={} rp={}", id, location.database(),
                        location.retentionPolicy());
            }
        }
    }

    private int requestRepairs(AtomicInteger errors) {
        int n = 0;
        for (long id : state.diffShards()) {
            try {
                node.repair(id, false);
                n++;
            } catch (ShardlineException e) {
                errors.incrementAndGet();
                stats.add("errors", 1);
                LOG.warn("Automatic repair not queued shard={} error=\"{}\"", id, e.getMessage());
            }
        }
        return n;
    }

    private static int count(List<ShardComparer.Result> results, ShardComparer.Result r) {
        synchronized (results) {
            return (int) results.stream().filter(x -> x == r).count();
        }
    }
}
