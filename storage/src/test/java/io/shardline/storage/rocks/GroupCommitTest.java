package io.shardline.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit driven step by step: the fake log blocks each sync on a latch the test opens, records how far
 * the log was appended when each sync started, and fails on request; no timing assumptions.
 */
class GroupCommitTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        writers.shutdownNow();
        assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A log whose syncs wait for the test, remember what they covered and can fail. */
    static final class FakeLog implements GroupCommit.LogSync {
        final AtomicLong appendedAtLastSyncStart = new AtomicLong();
        final AtomicInteger started = new AtomicInteger();
        final List<CountDownLatch> release = new ArrayList<>();
        volatile RuntimeException failNext;
        GroupCommit queue;

        FakeLog(int syncs) {
            for (int i = 0; i < syncs; i++) {
                release.add(new CountDownLatch(1));
            }
        }

        @Override
        public void sync() {
            int n = started.getAndIncrement();
            appendedAtLastSyncStart.set(queue.appended());
            try {
                release.get(n).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RuntimeException f = failNext;
            failNext = null;
            if (f != null) {
                throw f;
            }
        }
    }

    private static GroupCommit queue(FakeLog log) {
        GroupCommit q = new GroupCommit(log);
        log.queue = q;
        return q;
    }

    /** Appends one batch and waits for it in a writer thread; completes with the synced mark seen on return. */
    private CompletableFuture<Long> write(GroupCommit q) {
        long ticket = q.append();
        return CompletableFuture.supplyAsync(() -> {
            q.awaitSynced(ticket);
            return q.synced();
        }, writers);
    }

    @Test
    void everyAcknowledgedBatchIsSyncedBeforeItsAckAndConcurrentBatchesShareSyncs() {
        FakeLog log = new FakeLog(2);
        GroupCommit q = queue(log);
        CompletableFuture<Long> first = write(q);
        await().atMost(DEADLINE).until(() -> log.started.get() == 1); // first writer leads sync 1, held open
        List<CompletableFuture<Long>> rest = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rest.add(write(q));
        }
        await().atMost(DEADLINE).until(() -> q.waiting() == 7); // all seven queue behind the running sync
        assertThat(first).isNotDone();
        log.release.get(0).countDown();
        assertThat(first.join()).isGreaterThanOrEqualTo(1);
        await().atMost(DEADLINE).until(() -> log.started.get() == 2); // one of the seven leads sync 2
        assertThat(log.appendedAtLastSyncStart.get()).isEqualTo(8); // ...covering all of them
        assertThat(rest).noneMatch(CompletableFuture::isDone); // none acknowledged before its sync ends
        log.release.get(1).countDown();
        for (CompletableFuture<Long> f : rest) {
            assertThat(f.join()).isEqualTo(8);
        }
        assertThat(q.syncs()).isEqualTo(2); // 8 concurrent batches, 2 syncs
        assertThat(q.synced()).isEqualTo(8);
    }

    @Test
    void aFailedSyncFailsEveryBatchThatWaitedOnItAndTheNextSyncServesLaterBatches() {
        FakeLog log = new FakeLog(3);
        GroupCommit q = queue(log);
        CompletableFuture<Long> leader = write(q);
        await().atMost(DEADLINE).until(() -> log.started.get() == 1);
        List<CompletableFuture<Long>> group = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            group.add(write(q));
        }
        await().atMost(DEADLINE).until(() -> q.waiting() == 4);
        log.release.get(0).countDown(); // sync 1 (ticket 1) succeeds
        leader.join();
        await().atMost(DEADLINE).until(() -> log.started.get() == 2); // sync 2 covers tickets 2..5
        CompletableFuture<Long> late = write(q); // ticket 6: appended after sync 2 started
        await().atMost(DEADLINE).until(() -> q.waiting() == 4); // three of the group + the late writer
        log.failNext = new IllegalStateException("disk on fire");
        log.release.get(1).countDown();
        for (CompletableFuture<Long> f : group) {
            assertThatThrownBy(f::join).hasRootCauseMessage("disk on fire");
        }
        await().atMost(DEADLINE).until(() -> log.started.get() == 3); // the late writer leads its own sync
        log.release.get(2).countDown();
        assertThat(late.join()).isEqualTo(6);
        assertThat(q.syncs()).isEqualTo(3);
    }

    @Test
    void aWriterAloneSyncsOnceAndAnAlreadySyncedTicketReturnsAtOnce() {
        FakeLog log = new FakeLog(1);
        log.release.get(0).countDown();
        GroupCommit q = queue(log);
        long t = q.append();
        q.awaitSynced(t);
        q.awaitSynced(t);
        assertThat(q.syncs()).isEqualTo(1);
        assertThat(q.synced()).isEqualTo(t);
    }
}
