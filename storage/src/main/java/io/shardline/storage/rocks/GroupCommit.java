package io.shardline.storage.rocks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for one shard's log: writers append to the log under the shard's write lock without a sync,
 * take a ticket ({@link #appended()}), release the lock and wait in {@link #awaitSynced} until a sync covers
 * their ticket. The first waiter to find no sync running becomes the leader: it notes the highest ticket
 * appended so far, syncs once outside the monitor and wakes everyone; writers that arrived meanwhile share
 * the next sync. A failed sync fails every ticket it was to cover.
 *
 * <pre>
 *   writer A: append(t1) | await(t1): leader, target=t1 ........ sync ok -> synced=t1, return
 *   writer B:   append(t2) | await(t2): t2 &gt; target, wait ...... leader, target=t3 .. sync ok -> return
 *   writer C:     append(t3) | await(t3): wait ............................. covered by B's sync -> return
 * </pre>
 *
 * Invariant: {@code synced} only grows, and only to a target read before the sync started, so every ticket
 * at or below it was in the log when that sync ran. Thread-safe.
 */
final class GroupCommit {

    /** The log sync this queue groups; throws to report that nothing it was to cover is durable. */
    @FunctionalInterface
    interface LogSync {
        void sync();
    }

    /** One sync and its outcome; the writers it covers keep a reference, so a later round cannot mask it. */
    private static final class Round {
        final long target;
        boolean done;
        RuntimeException failure;

        Round(long target) {
            this.target = target;
        }
    }

    private final LogSync log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private long appended;
    private long synced;
    private long syncs;
    private int waiting;
    private Round running;

    GroupCommit(LogSync log) {
        this.log = log;
    }

    /** Records that one more batch reached the log; returns its ticket. Called in log order. */
    long append() {
        lock.lock();
        try {
            return ++appended;
        } finally {
            lock.unlock();
        }
    }

    /** The ticket of the last batch that reached the log. */
    long appended() {
        return (long) read(() -> appended);
    }

    /**
     * Returns once a sync that started after {@code ticket} was appended has succeeded; throws that sync's
     * failure if it failed. The calling thread may run the sync itself (as leader of the current group).
     */
    void awaitSynced(long ticket) {
        lock.lock();
        try {
            while (synced < ticket) {
                Round r = running;
                if (r == null) {
                    lead();
                } else if (ticket <= r.target) {
                    awaitRound(r);
                    if (r.failure != null) {
                        throw r.failure;
                    }
                    return;
                } else {
                    awaitRound(r); // not covered: the next round takes it
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one sync for every ticket appended so far; called holding the lock, syncs without it. */
    private void lead() {
        Round r = new Round(appended);
        running = r;
        RuntimeException failure = null;
        lock.unlock();
        try {
            log.sync();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
        }
        syncs++;
        r.failure = failure;
        r.done = true;
        if (failure == null) {
            synced = Math.max(synced, r.target);
        }
        running = null;
        finished.signalAll();
        if (failure != null) {
            throw failure;
        }
    }

    private void awaitRound(Round r) {
        waiting++;
        try {
            while (!r.done) {
                finished.awaitUninterruptibly();
            }
        } finally {
            waiting--;
        }
    }

    /** Syncs run so far (for tests and statistics). */
    long syncs() {
        return (long) read(() -> syncs);
    }

    /** Writers waiting for a running sync (for tests). */
    int waiting() {
        return (int) read(() -> waiting);
    }

    /** The highest ticket known durable. */
    long synced() {
        return (long) read(() -> synced);
    }

    private long read(java.util.function.LongSupplier field) {
        lock.lock();
        try {
            return field.getAsLong();
        } finally {
            lock.unlock();
        }
    }
}
