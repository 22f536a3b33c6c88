package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.datanode.handoff.HandoffSchedule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Queued once, bounded by max-fetch and the pass's bytes, retried with back-off, cancellable while
 * queued; a repair cancelled while it runs goes on but is not retried.
 */
class RepairQueueTest {

    private static final long SEC = 1_000_000_000L;

    private final RepairQueue q = new RepairQueue(new HandoffSchedule(Duration.ofSeconds(1), Duration.ofSeconds(8)));

    @Test
    void aShardIsQueuedOnce() {
        assertThat(q.offerRepair(7, List.of(), 2)).isTrue();
        assertThat(q.offerRepair(7, List.of(), 2)).isFalse();
        assertThat(q.queued()).containsExactly(7L);
        assertThat(q.take(0, 10, 100)).hasSize(1);
        assertThat(q.take(0, 10, 100)).as("not twice at once").isEmpty();
    }

    @Test
    void aFreshRequestReplacesAHopThatHadLessToDo() {
        q.offerRepair(7, List.of(4L, 5L), 2);
        assertThat(q.offerRepair(7, List.of(), 2)).isTrue();
        assertThat(q.take(0, 10, 100).get(0).visited()).isEmpty();
        assertThat(q.offerRepair(8, List.of(), 2)).isTrue();
        assertThat(q.offerRepair(8, List.of(4L, 5L), 2)).as("a hop never shortens a fresh request").isFalse();
    }

    @Test
    void aHintOutlivesNeitherAPauseNorAFailure() {
        RepairHint hint = new RepairHint(List.of(new io.shardline.storage.SeriesRange(
                io.shardline.model.SeriesKey.of("cpu", java.util.Map.of()), 1, 2)), true);
        for (RepairQueue.Result end : List.of(RepairQueue.Result.PAUSED, RepairQueue.Result.FAILED)) {
            q.offerRepair(RepairJob.repair(7, List.of(4L, 5L), hint, 4), 2);
            RepairJob running = q.take(0, 10, 100).get(0);
            assertThat(running.hint()).isEqualTo(hint);
            q.finished(running, end, 0, 2);
            RepairJob again = q.take(Long.MAX_VALUE / 2, 10, 100).get(0);
            assertThat(again.hint().isEmpty()).as("after %s the step compares afresh", end).isTrue();
            assertThat(again.visited()).containsExactly(4L, 5L);
            q.finished(again, RepairQueue.Result.DONE, 0, 2);
        }
    }

    @Test
    void aRequestWhileRunningFollowsIt() {
        q.offerRepair(7, List.of(), 2);
        RepairJob running = q.take(0, 10, 100).get(0);
        assertThat(q.processing()).containsExactly(7L);
        assertThat(q.offerRepair(7, List.of(), 2)).isTrue();
        assertThat(q.offerRepair(7, List.of(), 2)).as("one follow-up").isFalse();
        q.finished(running, RepairQueue.Result.DONE, 0, 2);
        assertThat(q.queued()).as("the follow-up runs next").containsExactly(7L);
        assertThat(q.processing()).isEmpty();
    }

    @Test
    void aCancelledRunningRepairGoesOnButIsNeitherFollowedNorRetried() {
        for (RepairQueue.Result end : RepairQueue.Result.values()) {
            q.offerRepair(7, List.of(), 2);
            RepairJob running = q.take(0, 10, 100).get(0);
            q.offerRepair(7, List.of(), 2);
            assertThat(q.cancel(7)).isTrue();
            assertThat(q.cancel(7)).as("cancelled already").isFalse();
            assertThat(q.processing()).as("the running repair goes on").containsExactly(7L);
            assertThat(q.repairsToPersist()).as("a restart does not bring it back").isEmpty();
            q.finished(running, end, 0, 2);
            assertThat(q.queued()).as("%s: gone, no retry and no follow-up", end).isEmpty();
            assertThat(q.take(100 * SEC, 10, 100)).isEmpty();
        }
    }

    @Test
    void aRequestAfterTheCancelOfARunningRepairStands() {
        q.offerRepair(7, List.of(), 2);
        RepairJob running = q.take(0, 10, 100).get(0);
        q.cancel(7);
        assertThat(q.offerRepair(7, List.of(), 2)).isTrue();
        q.finished(running, RepairQueue.Result.FAILED, 0, 2);
        assertThat(q.queued()).containsExactly(7L);
        assertThat(q.take(100 * SEC, 10, 100)).extracting(RepairJob::shardId).containsExactly(7L);
    }

    @Test
    void cancelRemovesAQueuedRepair() {
        q.offerRepair(7, List.of(), 2);
        assertThat(q.cancel(7)).isTrue();
        assertThat(q.queued()).isEmpty();
        assertThat(q.cancel(7)).isFalse();
    }

    @Test
    void atMostMaxFetchJobsRunAndCopiesGoFirst() {
        for (long s = 1; s <= 5; s++) {
            q.offerRepair(s, List.of(), 2);
        }
        q.offerCopy(9, List.of(5L));
        List<RepairJob> jobs = q.take(0, 3, 100);
        assertThat(jobs).extracting(RepairJob::shardId).containsExactly(9L, 1L, 2L);
        assertThat(q.take(0, 3, 100)).isEmpty();
        q.finished(jobs.get(1), RepairQueue.Result.DONE, 0, 2);
        assertThat(q.take(0, 3, 100)).extracting(RepairJob::shardId).containsExactly(3L);
    }

    @Test
    void repairsWaitForTheNextPassWhenItsBytesAreSpentButCopiesDoNot() {
        q.offerRepair(1, List.of(), 2);
        q.offerCopy(2, List.of(5L));
        assertThat(q.take(0, 10, 0)).extracting(RepairJob::shardId).containsExactly(2L);
        assertThat(q.take(0, 10, 1)).extracting(RepairJob::shardId).containsExactly(1L);
    }

    @Test
    void aPausedRepairStaysQueuedWithoutBackOff() {
        q.offerRepair(1, List.of(), 2);
        RepairJob j = q.take(0, 10, 100).get(0);
        q.finished(j, RepairQueue.Result.PAUSED, 5 * SEC, 2);
        assertThat(q.failures(1)).isZero();
        assertThat(q.take(5 * SEC, 10, 100)).hasSize(1);
    }

    @Test
    void failuresBackOffExponentiallyUpToTheMax() {
        q.offerRepair(1, List.of(), 2);
        long now = 0;
        long[] waits = {1, 2, 4, 8, 8};
        for (long wait : waits) {
            RepairJob j = q.take(now, 10, 100).get(0);
            q.finished(j, RepairQueue.Result.FAILED, now, 2);
            assertThat(q.take(now + wait * SEC - 1, 10, 100)).isEmpty();
            now += wait * SEC;
        }
        assertThat(q.failures(1)).isEqualTo(5);
        RepairJob j = q.take(now, 10, 100).get(0);
        q.finished(j, RepairQueue.Result.DONE, now, 2);
        assertThat(q.queued()).isEmpty();
    }

    @Test
    void aShardBeingCopiedIsNotRepairedMeanwhile() {
        q.offerCopy(1, List.of(5L));
        q.offerRepair(1, List.of(), 2);
        assertThat(q.take(0, 10, 100)).extracting(RepairJob::kind).containsExactly(RepairJob.Kind.COPY);
        assertThat(q.take(0, 10, 100)).isEmpty();
    }

    @Test
    void persistedRepairsIncludeRunningOnes() {
        q.offerRepair(1, List.of(4L, 5L), 2);
        q.offerRepair(2, List.of(), 2);
        q.take(0, 1, 100);
        assertThat(q.repairsToPersist()).containsEntry(1L, List.of(4L, 5L)).containsEntry(2L, List.of());
    }
}
