package io.shardline.datanode.entropy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.datanode.handoff.HandoffSchedule;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ShardLocation;
import io.shardline.model.Hlc;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardStats;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.digest.PresenceCodec;
import io.shardline.storage.digest.RangeListCodec;
import io.shardline.storage.digest.RowDigestCodec;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.ShardEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anti-entropy logic of one data node, without threads of its own: the answers it gives peers
 * (shard figures, digests, row digests, pushed patches, repair and cancel requests, status), the
 * jobs of its repair queue, and, through {@link EntropyPass}, the periodic pass. The
 * {@link AntiEntropyService} runs it on threads; simulations call it directly. State lives in one
 * {@link EntropyState}; every job of one shard runs alone on this node. Thread-safe.
 */
public final class EntropyNode {

    private static final Logger LOG = LoggerFactory.getLogger(EntropyNode.class);

    private final AntiEntropyConfig config;
    private final EntropyShards shards;
    private final EntropyPeers peers;
    private final MissingShardCopier copier;
    private final Clock clock;
    private final EntropyStats stats;
    private final EntropyStateStore store;
    private final EntropyState state;
    private final RepairStep repairStep;
    private final EntropyPass pass;
    private final StatusCollector statusCollector;
    private final Object persistLock = new Object();
    private EntropyState.Persistent saved;
    private volatile Runnable wakeup = () -> { };

    /**
     * @param view this node's cluster view
     * @param self this node's id (0 until registered)
     * @param copier restores missing shards; null restores them by creating the shard empty and
     *     queuing a repair chain (push from the other owners) instead
     * @param liveNodes data nodes known to be live (null when unknown); called once per pass
     * @param stateDir where the queue survives restarts ({@code [meta] dir}); null keeps it in memory only
     */
    public EntropyNode(AntiEntropyConfig config, ShardEngine engine, Supplier<ClusterView> view, LongSupplier self,
                       EntropyPeers peers, MissingShardCopier copier, Supplier<Set<Long>> liveNodes, Clock clock,
                       EntropyStats stats, Path stateDir) {
        this.config = config;
        this.shards = new EntropyShards(engine, view, self);
        this.peers = peers;
        this.copier = copier;
        this.clock = clock;
        this.stats = stats;
        this.store = stateDir == null ? null : new EntropyStateStore(stateDir);
        Duration first = config.checkInterval().compareTo(Duration.ofSeconds(1)) < 0 ? config.checkInterval()
                : Duration.ofSeconds(1);
        this.state = new EntropyState(new HandoffSchedule(first, config.checkInterval()), config.maxRepairBytesPerPass());
        EntropyContext context = new EntropyContext(shards, peers, state, stats, clock,
                config.settleWindow().toMillis());
        this.repairStep = new RepairStep(context);
        this.pass = new EntropyPass(config, shards, peers, state, stats, clock, liveNodes, new ShardComparer(context),
                this);
        this.statusCollector = new StatusCollector(config, shards, peers, state, clock, this::shardInfo);
        stats.gauges(state::running, () -> state.diffShards().size(), state::missingCount, state::queuedCount);
    }

    /** Loads the persisted queue (at start). */
    public void load() {
        if (store == null) {
            return;
        }
        EntropyState.Persistent p = store.load();
        Map<Long, Integer> owners = new HashMap<>();
        p.repairs().keySet().forEach(id -> shards.view().shards().shard(id)
                .ifPresent(l -> owners.put(id, l.shard().owners().size())));
        state.restore(p, owners);
        synchronized (persistLock) {
            saved = state.persistent();
        }
        if (!p.repairs().isEmpty()) {
            LOG.info("Anti-entropy repair queue restored queued={}", p.repairs().keySet());
        }
    }

    /** Called whenever a job may have become startable (the service schedules a dispatch). */
    public void onWork(Runnable hook) {
        this.wakeup = hook;
    }

    /** Runs one pass now, its comparisons on {@code comparisons}; blocks until it is done. */
    public EntropyPass.Report runPass(java.util.concurrent.Executor comparisons) {
        return pass.run(comparisons);
    }

    /**
     * Takes the jobs that may start now (up to {@code max-fetch} running) as tasks to run on worker
     * threads; none before this node knows the cluster (a job of a shard missing from the view is
     * dropped as done, which would lose the queue restored at start).
     */
    public List<Runnable> takeJobs() {
        if (shards.self() == 0 || shards.view().version() == 0) {
            return List.of();
        }
        List<Runnable> out = new ArrayList<>();
        for (RepairJob job : state.take(clock.monotonicNanos(), config.maxFetch())) {
            out.add(() -> runJob(job));
        }
        return out;
    }

    void runJob(RepairJob job) {
        stats.add("jobs", 1);
        RepairQueue.Result result;
        int owners = 2;
        try {
            Optional<ShardLocation> location = shards.view().shards().shard(job.shardId());
            owners = location.map(l -> l.shard().owners().size()).orElse(2);
            result = location.isEmpty() ? RepairQueue.Result.DONE
                    : job.kind() == RepairJob.Kind.COPY ? copy(location.get(), job) : repair(location.get(), job);
        } catch (ShardlineException e) {
            stats.add("errors", 1);
            LOG.warn("Anti-entropy {} failed shard={} failures={} error=\"{}\"", job.kind() == RepairJob.Kind.COPY
                    ? "copy" : "repair", job.shardId(), state.failures(job.shardId()) + 1, e.getMessage());
            result = RepairQueue.Result.FAILED;
        } catch (RuntimeException e) {
            stats.add("errors", 1);
            LOG.warn("Anti-entropy job failed shard={}", job.shardId(), e);
            result = RepairQueue.Result.FAILED;
        }
        state.finished(job, result, clock.monotonicNanos(), owners);
        persist();
        wakeup.run();
    }

    private RepairQueue.Result copy(ShardLocation location, RepairJob job) {
        if (shards.local(location).isPresent()) {
            return RepairQueue.Result.DONE;
        }
        ShardlineException last = null;
        for (long source : job.sources()) {
            try {
                long bytes;
                if (copier != null) {
                    bytes = copier.copy(location, source);
                } else {
                    shards.create(location);
                    requestRepair(location.shardId());
                    bytes = 0;
                }
                stats.add("bytesRx", bytes);
                stats.add("copies", 1);
                LOG.info("Restored missing shard shard={} db={} rp={} source={} bytes={} method={}", location.shardId(),
                        location.database(), location.retentionPolicy(), source, bytes,
                        copier != null ? "copy" : "repair-chain");
                return RepairQueue.Result.DONE;
            } catch (ShardlineException e) {
                last = e;
            }
        }
        throw last != null ? last : new ShardlineException(ErrorCode.UNAVAILABLE,
                "no owner can give shard " + location.shardId());
    }

    private RepairQueue.Result repair(ShardLocation location, RepairJob job) {
        List<Long> order = OwnerOrder.of(location.shardId(), location.shard().owners());
        if (!order.contains(shards.self())) {
            return RepairQueue.Result.DONE;
        }
        RepairStep.Outcome out = repairStep.run(location, order, job);
        if (out.result() == RepairQueue.Result.DONE && out.target() >= 0) {
            stats.add("repairs", 1);
            LOG.info("Repair step done shard={} db={} rp={} path={} target={} ranges={} patchBytes={} valueBytes={}"
                            + " merged={}", location.shardId(), location.database(), location.retentionPolicy(),
                    RepairChain.pathForPush(job.visited(), shards.self()), out.target(), out.ranges(), out.patchBytes(),
                    out.valueBytes(), out.merged());
        }
        return out.result();
    }

    // ---- answers to peers --------------------------------------------------------------------

    /** This node's figures of a shard; the digest root only when asked (it costs a digest refresh). */
    public ReplicaInfo shardInfo(long shardId, boolean withDigestRoot, long versionCutoff) {
        Optional<ShardLocation> location = shards.view().shards().shard(shardId);
        Optional<ShardStore> local = location.flatMap(shards::local);
        if (local.isEmpty()) {
            return ReplicaInfo.ABSENT;
        }
        ShardStore s = local.get();
        if (!withDigestRoot) {
            return new ReplicaInfo(true, s.lastModified(), 0, 0, 0, state.estimatedBytes(shardId),
                    state.comparedWith(shardId));
        }
        ShardStats st = s.stats();
        return new ReplicaInfo(true, st.lastModifiedNanos(), st.pointCount(), st.valueCount(),
                s.digest(versionCutoff).root(), state.estimatedBytes(shardId), state.comparedWith(shardId));
    }

    /** The local digest at a cut-off, encoded. */
    public byte[] digest(long shardId, long versionCutoff) {
        byte[] bytes = DigestCodec.encode(shards.owned(shardId).digest(versionCutoff));
        stats.add("bytesTx", bytes.length);
        return bytes;
    }

    /** The local row digest of some ranges ({@code ranges}: RangeListCodec bytes), encoded. */
    public byte[] rowDigest(long shardId, byte[] ranges, long versionCutoff, long resolutionNanos) {
        ShardStore local = shards.owned(shardId);
        stats.add("bytesRx", ranges.length);
        byte[] bytes = RowDigestCodec.encode(local.rowDigest(RangeListCodec.decode(ranges), versionCutoff,
                resolutionNanos));
        stats.add("bytesTx", bytes.length);
        return bytes;
    }

    /** The answer to a presence request (PresenceCodec bytes both ways), with common-row sums per bucket. */
    public byte[] presence(long shardId, byte[] request, long versionCutoff, long bucketNanos) {
        if (bucketNanos < 1) {
            throw new ShardlineException(ErrorCode.INVALID_ARGUMENT, "presence bucket width must be positive");
        }
        ShardStore local = shards.owned(shardId);
        stats.add("bytesRx", request.length);
        PresenceCodec.Request r = PresenceCodec.decodeRequest(request);
        PresenceCodec.Answer answer = PresenceLevel.answer(r, local.rowDigest(r.ranges(), versionCutoff, 1),
                bucketNanos);
        byte[] bytes = PresenceCodec.encodeAnswer(answer, r.ranges());
        stats.add("bytesTx", bytes.length);
        return bytes;
    }

    /**
     * Merges a pushed patch ({@code null}: none); on the last message of a step, queues the next hop
     * with the sender's {@code hint} (used if that hop goes back to the sender).
     */
    public ApplyOutcome applyPatch(long shardId, Patch patch, List<Long> visited, boolean last, RepairHint hint) {
        ShardStore local = shards.owned(shardId);
        long merged = 0;
        long dropped = 0;
        int tombstones = 0;
        if (patch != null) {
            stats.add("bytesRx", patch.sizeBytes());
            var r = local.applyPatch(patch);
            merged = r.merged();
            dropped = r.dropped();
            tombstones = r.tombstonesAdded();
            if (r.firstReason() != null) {
                LOG.warn("Repair patch values dropped shard={} dropped={} reason=\"{}\"", shardId, r.dropped(),
                        r.firstReason());
            }
        }
        boolean next = false;
        if (last) {
            ShardLocation location = shards.locate(shardId);
            int owners = location.shard().owners().size();
            List<Long> path = RepairChain.received(visited, shards.self());
            if (RepairChain.continuesAfter(path, owners)) {
                long sender = visited.isEmpty() ? 0 : visited.get(visited.size() - 1);
                state.offerRepair(RepairJob.repair(shardId, path, hint, sender), owners);
                if (!hint.isEmpty()) {
                    stats.add("bytesRx", hint.rangeBytes().length + 1);
                }
                next = true;
                persist();
                wakeup.run();
            } else {
                LOG.info("Repair finished: every owner received everything shard={} path={}", shardId, path);
            }
        }
        return new ApplyOutcome(merged, dropped, tombstones, next);
    }

    /**
     * Queues a repair of the shard on the first owner of its order that answers (this node, or
     * forwarded); a forwarded request is queued here. Returns the node that queued it. A shard with
     * one owner needs no repair (nothing is queued).
     */
    public long repair(long shardId, boolean forwarded) {
        ShardLocation location = shards.locate(shardId);
        List<Long> order = OwnerOrder.of(shardId, location.shard().owners());
        long self = shards.self();
        if (order.size() < 2) {
            LOG.info("Repair of a shard with one owner is a no-op shard={} owners={}", shardId, order);
            return order.isEmpty() ? self : order.get(0);
        }
        if (forwarded) {
            queueLocally(location, order, self);
            return self;
        }
        List<String> failures = new ArrayList<>();
        for (long owner : order) {
            if (owner == self) {
                queueLocally(location, order, self);
                return self;
            }
            try {
                return peers.repair(owner, shardId, true);
            } catch (ShardlineException e) {
                if (!e.retriable()) {
                    throw e;
                }
                failures.add("node " + owner + ": " + e.getMessage());
            }
        }
        throw new ShardlineException(ErrorCode.UNAVAILABLE, "cannot queue a repair of shard " + shardId
                + ": no owner answered (" + String.join("; ", failures) + ")");
    }

    /** Queues a repair routed by {@link #repair}; failures are logged (the next pass asks again). */
    void requestRepair(long shardId) {
        repair(shardId, false);
    }

    private void queueLocally(ShardLocation location, List<Long> order, long self) {
        if (!order.contains(self)) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                    "data node " + self + " does not own shard " + location.shardId());
        }
        if (state.offerRepair(location.shardId(), List.of(), order.size())) {
            LOG.info("Repair queued shard={} db={} rp={} order={}", location.shardId(), location.database(),
                    location.retentionPolicy(), order);
            persist();
        }
        wakeup.run();
    }

    /** Removes the shard from this node's queue, and with {@code !local} from every data node's. */
    public void cancelRepair(long shardId, boolean local) {
        if (state.cancel(shardId)) {
            LOG.info("Repair removed from the queue shard={}", shardId);
            persist();
        }
        if (local) {
            return;
        }
        for (long node : shards.view().metadata().dataNodeIds()) {
            if (node != shards.self()) {
                try {
                    peers.cancelRepair(node, shardId);
                } catch (ShardlineException e) {
                    LOG.warn("Cannot remove a repair from a data node's queue shard={} node={} error=\"{}\"", shardId,
                            node, e.getMessage());
                }
            }
        }
    }

    /** This node's report, or the merged report of every data node ({@code !local}); with owner figures if verbose. */
    public EntropyReport status(boolean local, boolean verbose) {
        return statusCollector.collect(local, verbose);
    }

    // ---- shared with the pass ----------------------------------------------------------------

    void persist() {
        if (store == null) {
            return;
        }
        synchronized (persistLock) {
            EntropyState.Persistent now = state.persistent();
            if (!now.equals(saved)) {
                store.save(now);
                saved = now;
            }
        }
    }

    void wake() {
        wakeup.run();
    }

    EntropyState state() {
        return state;
    }
}
