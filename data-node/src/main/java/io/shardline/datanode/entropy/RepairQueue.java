package io.shardline.datanode.entropy;

import io.shardline.datanode.handoff.HandoffSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repair queue of one node: at most one entry per shard, copies of missing shards first, then
 * diff repairs in arrival order. Queuing is idempotent: a request for a queued shard keeps one entry
 * (the one with more pushes still to do, so a fresh request is never shortened by a chain hop that
 * was already on its way); a request for a shard being processed is kept as its follow-up. An entry
 * is taken when fewer than {@code max-fetch} jobs run, its back-off has passed and, for repairs, the
 * pass still has patch bytes left. A failure is retried after {@link HandoffSchedule}'s back-off.
 * Cancelling removes queued repairs; a running one is never stopped, but it is not retried either:
 * if it fails or pauses it leaves the queue (unless a new request came after the cancel). Pure; not
 * thread-safe (its owner holds a lock).
 */
final class RepairQueue {

    /** The outcome of a job, which decides what happens to its entry. */
    enum Result {
        /** Finished: the entry goes (or becomes its follow-up). */
        DONE,
        /** Stopped early because the pass ran out of patch bytes: stays queued for the next pass. */
        PAUSED,
        /** Failed: stays queued and is retried after back-off. */
        FAILED
    }

    private static final class Entry {
        RepairJob job;
        int failures;
        long notBeforeNanos;
        boolean processing;
        /** Cancelled while running: leaves the queue when the run ends, whatever its outcome. */
        boolean cancelled;
        RepairJob followUp;

        Entry(RepairJob job) {
            this.job = job;
        }
    }

    private final Map<Long, Entry> copies = new LinkedHashMap<>();
    private final Map<Long, Entry> repairs = new LinkedHashMap<>();
    private final HandoffSchedule backoff;

    RepairQueue(HandoffSchedule backoff) {
        this.backoff = backoff;
    }

    /** Queues a copy of a missing shard; false if one is queued or running already. */
    boolean offerCopy(long shardId, List<Long> sources) {
        if (copies.containsKey(shardId)) {
            return false;
        }
        copies.put(shardId, new Entry(RepairJob.copy(shardId, sources)));
        return true;
    }

    /**
     * Queues a repair with the path {@code visited}; {@code owners} counts the shard's owners. Returns
     * whether the queue changed.
     */
    boolean offerRepair(long shardId, List<Long> visited, int owners) {
        return offerRepair(RepairJob.repair(shardId, visited), owners);
    }

    /** Queues a repair job (a hop that may carry a hint); returns whether the queue changed. */
    boolean offerRepair(RepairJob job, int owners) {
        long shardId = job.shardId();
        Entry e = repairs.get(shardId);
        if (e == null) {
            repairs.put(shardId, new Entry(job));
            return true;
        }
        if (e.processing) {
            if (e.cancelled || e.followUp == null || bigger(job, e.followUp, owners)) {
                e.cancelled = false;
                e.followUp = job;
                return true;
            }
            return false;
        }
        if (bigger(job, e.job, owners)) {
            e.job = job;
            return true;
        }
        return false;
    }

    private static boolean bigger(RepairJob a, RepairJob b, int owners) {
        return RepairChain.remaining(a.visited(), owners) > RepairChain.remaining(b.visited(), owners);
    }

    /**
     * Removes a queued repair; a running one goes on but leaves the queue when it ends (no retry, no
     * follow-up). False if there was nothing to remove.
     */
    boolean cancel(long shardId) {
        Entry e = repairs.get(shardId);
        if (e == null) {
            return false;
        }
        if (e.processing) {
            boolean had = !e.cancelled;
            e.cancelled = true;
            e.followUp = null;
            return had;
        }
        repairs.remove(shardId);
        return true;
    }

    /** Drops queued entries of shards this node no longer owns. */
    void retain(java.util.Set<Long> owned) {
        copies.entrySet().removeIf(e -> !e.getValue().processing && !owned.contains(e.getKey()));
        repairs.entrySet().removeIf(e -> !e.getValue().processing && !owned.contains(e.getKey()));
    }

    /**
     * Takes the jobs that may start at {@code nowNanos}: at most {@code maxRunning} jobs running in
     * all, repairs only while {@code repairBytesLeft > 0}, never a shard whose other kind of job runs.
     */
    List<RepairJob> take(long nowNanos, int maxRunning, long repairBytesLeft) {
        int running = running();
        List<RepairJob> out = new ArrayList<>();
        for (Entry e : copies.values()) {
            if (running >= maxRunning) {
                return out;
            }
            if (!e.processing && e.notBeforeNanos <= nowNanos && !isProcessing(repairs, e.job.shardId())) {
                e.processing = true;
                out.add(e.job);
                running++;
            }
        }
        if (repairBytesLeft <= 0) {
            return out;
        }
        for (Entry e : repairs.values()) {
            if (running >= maxRunning) {
                return out;
            }
            long shard = e.job.shardId();
            if (!e.processing && e.notBeforeNanos <= nowNanos && !copies.containsKey(shard)) {
                e.processing = true;
                out.add(e.job);
                running++;
            }
        }
        return out;
    }

    /** Records how a job taken with {@link #take} ended. */
    void finished(RepairJob job, Result result, long nowNanos, int owners) {
        Map<Long, Entry> map = job.kind() == RepairJob.Kind.COPY ? copies : repairs;
        Entry e = map.get(job.shardId());
        if (e == null) {
            return;
        }
        e.processing = false;
        if (e.cancelled) {
            map.remove(job.shardId());
            return;
        }
        switch (result) {
            case DONE -> {
                if (e.followUp != null) {
                    e.job = e.followUp;
                    e.followUp = null;
                    e.failures = 0;
                    e.notBeforeNanos = nowNanos;
                } else {
                    map.remove(job.shardId());
                }
            }
            case PAUSED -> {
                // A hint describes a whole step: the part already pushed is found equal by a fresh comparison.
                e.job = e.job.withoutHint();
                mergeFollowUp(e, owners);
                e.notBeforeNanos = nowNanos;
            }
            case FAILED -> {
                e.job = e.job.withoutHint(); // by the retry the hint may be stale: compare afresh
                mergeFollowUp(e, owners);
                e.failures++;
                e.notBeforeNanos = backoff.nextAttemptAt(nowNanos, e.failures);
            }
        }
    }

    private static void mergeFollowUp(Entry e, int owners) {
        if (e.followUp != null && bigger(e.followUp, e.job, owners)) {
            e.job = e.followUp;
        }
        e.followUp = null;
    }

    /** Consecutive failures of the shard's queued job (0 if none). */
    int failures(long shardId) {
        Entry e = repairs.containsKey(shardId) ? repairs.get(shardId) : copies.get(shardId);
        return e == null ? 0 : e.failures;
    }

    /** Every queued shard, running ones included: copies first, then repairs, in queue order. */
    List<Long> queued() {
        List<Long> out = new ArrayList<>(copies.keySet());
        for (Long id : repairs.keySet()) {
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Shards with a job running. */
    List<Long> processing() {
        List<Long> out = new ArrayList<>();
        copies.forEach((id, e) -> {
            if (e.processing) {
                out.add(id);
            }
        });
        repairs.forEach((id, e) -> {
            if (e.processing && !out.contains(id)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Whether a job of the shard is running. */
    boolean isProcessing(long shardId) {
        return isProcessing(copies, shardId) || isProcessing(repairs, shardId);
    }

    /** Whether a copy of the shard is queued or running. */
    boolean copying(long shardId) {
        return copies.containsKey(shardId);
    }

    /** The queued repairs with their paths (running ones and follow-ups included), for persistence. */
    Map<Long, List<Long>> repairsToPersist() {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        repairs.forEach((id, e) -> {
            if (!e.cancelled) {
                out.put(id, e.followUp != null && done(e.followUp) < done(e.job)
                        ? e.followUp.visited() : e.job.visited());
            }
        });
        return out;
    }

    /** Jobs running now. */
    int running() {
        int n = 0;
        for (Entry e : copies.values()) {
            n += e.processing ? 1 : 0;
        }
        for (Entry e : repairs.values()) {
            n += e.processing ? 1 : 0;
        }
        return n;
    }

    private static int done(RepairJob job) {
        return Math.max(0, job.visited().size() - 1);
    }

    private static boolean isProcessing(Map<Long, Entry> map, long shardId) {
        Entry e = map.get(shardId);
        return e != null && e.processing;
    }
}
