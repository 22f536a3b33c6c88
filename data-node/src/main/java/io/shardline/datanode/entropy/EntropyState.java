package io.shardline.datanode.entropy;

import io.shardline.datanode.handoff.HandoffSchedule;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything anti-entropy remembers on one node, behind one monitor: the comparisons
 * ({@link CheckTracker}), the repair queue ({@link RepairQueue}), the shards that cannot be restored,
 * the shards this node has held (so a lost one can be told from one never written), and the patch
 * bytes left in the current pass. Every method is synchronized; none does I/O.
 */
final class EntropyState {

    /** What is persisted: the shards held and the queued repairs with their paths. */
    record Persistent(Set<Long> held, Map<Long, List<Long>> repairs) {
        Persistent {
            held = Set.copyOf(held);
            repairs = Map.copyOf(repairs);
        }
    }

    private final CheckTracker tracker = new CheckTracker();
    private final RepairQueue queue;
    private final long bytesPerPass;
    private final Set<Long> held = new TreeSet<>();
    private final Map<Long, Boolean> missing = new TreeMap<>();
    private long bytesLeft;

    EntropyState(HandoffSchedule backoff, long bytesPerPass) {
        this.queue = new RepairQueue(backoff);
        this.bytesPerPass = bytesPerPass;
        this.bytesLeft = bytesPerPass;
    }

    /** Starts a pass: forgets shards no longer owned, records the unrestorable ones, resets the byte budget. */
    synchronized void beginPass(PassPlan plan, Set<Long> localOwned) {
        tracker.retain(localOwned);
        queue.retain(plan.owned());
        held.retainAll(plan.owned());
        held.addAll(localOwned);
        missing.clear();
        plan.unrestorable().forEach(l -> missing.put(l.shardId(), Boolean.TRUE));
        bytesLeft = bytesPerPass;
    }

    synchronized Set<Long> held() {
        return new HashSet<>(held);
    }

    synchronized void markMissing(long shardId) {
        missing.put(shardId, Boolean.TRUE);
    }

    synchronized boolean busy(long shardId) {
        return queue.isProcessing(shardId);
    }

    synchronized boolean copying(long shardId) {
        return queue.copying(shardId);
    }

    synchronized boolean needsDigest(long shard, long peer, long localModified, long peerModified, long nowMillis,
                                     long settleMillis) {
        return tracker.needsDigest(shard, peer, localModified, peerModified, nowMillis, settleMillis);
    }

    synchronized CheckTracker.Outcome observe(long shard, long peer, long localModified, long peerModified,
                                              long nowMillis, Set<Long> buckets, boolean tombstones, long estimate) {
        return tracker.observe(shard, peer, localModified, peerModified, nowMillis, buckets, tombstones, estimate);
    }

    synchronized Set<Long> diffShards() {
        return tracker.diffShards();
    }

    synchronized long estimatedBytes(long shard) {
        return tracker.estimatedBytes(shard);
    }

    synchronized long comparedWith(long shard) {
        return tracker.comparedWith(shard);
    }

    synchronized boolean offerCopy(long shardId, List<Long> sources) {
        return queue.offerCopy(shardId, sources);
    }

    synchronized boolean offerRepair(long shardId, List<Long> visited, int owners) {
        return queue.offerRepair(shardId, visited, owners);
    }

    synchronized boolean offerRepair(RepairJob job, int owners) {
        return queue.offerRepair(job, owners);
    }

    synchronized boolean cancel(long shardId) {
        return queue.cancel(shardId);
    }

    synchronized List<RepairJob> take(long nowNanos, int maxRunning) {
        return queue.take(nowNanos, maxRunning, bytesLeft);
    }

    synchronized void finished(RepairJob job, RepairQueue.Result result, long nowNanos, int owners) {
        queue.finished(job, result, nowNanos, owners);
        if (job.kind() == RepairJob.Kind.COPY && result == RepairQueue.Result.DONE) {
            missing.remove(job.shardId());
        }
    }

    /** Takes {@code bytes} from the pass's patch budget; false once it is spent (the first chunk always goes). */
    synchronized boolean tryConsume(long bytes) {
        if (bytesLeft <= 0) {
            return false;
        }
        bytesLeft -= bytes;
        return true;
    }

    synchronized int running() {
        return queue.running();
    }

    synchronized int failures(long shardId) {
        return queue.failures(shardId);
    }

    synchronized long queuedCount() {
        return queue.queued().size();
    }

    synchronized long missingCount() {
        return missing.size();
    }

    synchronized Persistent persistent() {
        return new Persistent(held, queue.repairsToPersist());
    }

    /** Restores what a previous run persisted. */
    synchronized void restore(Persistent p, Map<Long, Integer> ownerCounts) {
        held.addAll(p.held());
        p.repairs().forEach((id, path) -> queue.offerRepair(id, path, ownerCounts.getOrDefault(id, 2)));
    }

    /** This node's report: diff and missing shards known to {@code view}, and the queue. */
    synchronized EntropyReport report(ClusterView view) {
        Map<Long, String> statuses = new TreeMap<>();
        missing.keySet().forEach(id -> statuses.put(id, ShardEntropy.MISSING));
        tracker.diffShards().forEach(id -> statuses.put(id, ShardEntropy.DIFF));
        List<ShardEntropy> shards = new ArrayList<>();
        statuses.forEach((id, status) -> view.shards().shard(id).ifPresent(l -> shards.add(line(view, l, status))));
        return new EntropyReport(shards, sorted(queue.queued()), sorted(queue.processing()), List.of(), 0, List.of());
    }

    static ShardEntropy line(ClusterView view, ShardLocation l, String status) {
        Optional<RetentionPolicyInfo> rp = view.metadata().retentionPolicy(l.database(), l.retentionPolicy());
        long expires = rp.flatMap(p -> {
            var e = p.expiryTime(l.group());
            return e.isPresent() ? Optional.of(e.getAsLong()) : Optional.<Long>empty();
        }).orElse(0L);
        return new ShardEntropy(l.shardId(), l.database(), l.retentionPolicy(), l.group().startTime(),
                l.group().effectiveEnd(), expires, status);
    }

    private static List<Long> sorted(List<Long> ids) {
        return new ArrayList<>(new TreeSet<>(ids));
    }
}
