package io.shardline.datanode.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.common.time.ManualClock;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.datanode.write.ShardTransport;
import io.shardline.datanode.write.ShardWriteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintedHandoffTest {

    @TempDir
    Path dir;

    private HintedHandoffConfig config(Duration retry, Duration maxRetry, long maxSize) {
        return new HintedHandoffConfig(true, dir, maxSize, Duration.ofHours(1), 4, 0, retry, maxRetry,
                Duration.ofHours(1), 64 * 1024, 16);
    }

    @Test
    void aDestinationSeenAliveIsReplayedWithoutWaitingOutTheBackoff() {
        AtomicBoolean up = new AtomicBoolean(false);
        AtomicInteger delivered = new AtomicInteger();
        ShardTransport transport = (node, batches, timeout) -> up.get()
                ? CompletableFuture.completedFuture(new ShardWriteResult(delivered.addAndGet(batches.size()), 0, null))
                : CompletableFuture.failedFuture(new ShardlineException(ErrorCode.UNAVAILABLE, "down"));
        try (HintedHandoff hh = new HintedHandoff(config(Duration.ofMinutes(5), Duration.ofMinutes(10), 1 << 20),
                Clock.system(), transport, (n, s) -> true, new StatsRegistry(), 1_000)) {
            hh.start();
            hh.enqueue(5, 1, new byte[] {1, 2, 3}, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> hh.queuedBytes(5) > 0 && delivered.get() == 0);
            up.set(true);
            hh.nodeAlive(5);
            await().atMost(Duration.ofSeconds(5)).until(() -> hh.queuedBytes(5) == 0);
            assertThat(delivered.get()).isEqualTo(1);
        }
    }

    /**
     * Entries queued for an owner that is down, for a shard whose group then expires (retention marks
     * it deleted): once the owner is back the queue drains by dropping them, counted in
     * {@code writeDropped}; nothing is sent, so the owner never recreates the shard, and nothing is
     * retried. Entries of another, live shard are still delivered.
     */
    @Test
    void entriesForAnExpiredShardAreDroppedWithACountWhenTheOwnerIsBack() {
        ManualClock clock = new ManualClock();
        AtomicBoolean up = new AtomicBoolean(false);
        AtomicBoolean expired = new AtomicBoolean(false);
        Map<Long, AtomicInteger> delivered = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        ShardTransport transport = (node, batches, timeout) -> {
            attempts.incrementAndGet();
            if (!up.get()) {
                return CompletableFuture.failedFuture(new ShardlineException(ErrorCode.UNAVAILABLE, "down"));
            }
            long shard = batches.get(0)[0];
            delivered.computeIfAbsent(shard, s -> new AtomicInteger()).addAndGet(batches.size());
            return CompletableFuture.completedFuture(new ShardWriteResult(batches.size(), 0, null));
        };
        ShardOwnership ownership = (node, shard) -> !(shard == 1 && expired.get());
        StatsRegistry stats = new StatsRegistry();
        try (HintedHandoff hh = new HintedHandoff(config(Duration.ofMinutes(5), Duration.ofMinutes(10), 1 << 20),
                clock, transport, ownership, stats, 1_000)) {
            hh.start();
            for (int i = 0; i < 3; i++) {
                hh.enqueue(5, 1, new byte[] {1, (byte) i}, 1);
            }
            hh.enqueue(5, 2, new byte[] {2, 0}, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() > 0 && hh.queuedBytes(5) > 0);
            expired.set(true);
            up.set(true);
            hh.nodeAlive(5);
            await().atMost(Duration.ofSeconds(5)).until(() -> hh.queuedBytes(5) == 0);
            assertThat(delivered.keySet()).as("nothing sent for the expired shard").containsExactly(2L);
            assertThat(delivered.get(2L)).hasValue(1);
            assertThat(processorCounter(stats, 1, "writeDropped")).isEqualTo(3);
            assertThat(processorCounter(stats, 2, "writeDropped")).isZero();
            int after = attempts.get();
            hh.nodeAlive(5);
            assertThat(hh.hasPending(5, 1)).isFalse();
            assertThat(attempts).as("nothing left to retry").hasValue(after);
        }
    }

    /**
     * This node's view has not seen the deletion yet, the owner's has: the owner refuses the shard
     * for good ({@code NOT_FOUND}) and the entries are dropped with a count after one attempt.
     */
    @Test
    void entriesTheOwnerRefusesAsDeletedAreDroppedAfterOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        ShardTransport transport = (node, batches, timeout) -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new ShardlineException(ErrorCode.NOT_FOUND,
                    "shard 7 belongs to deleted shard group 3"));
        };
        StatsRegistry stats = new StatsRegistry();
        try (HintedHandoff hh = new HintedHandoff(config(Duration.ofMinutes(5), Duration.ofMinutes(10), 1 << 20),
                new ManualClock(), transport, (n, s) -> true, stats, 1_000)) {
            hh.start();
            hh.enqueue(5, 7, new byte[] {7}, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> hh.queuedBytes(5) == 0);
            assertThat(attempts).hasValue(1);
            assertThat(processorCounter(stats, 7, "writeDropped")).isEqualTo(1);
            assertThat(processorCounter(stats, 7, "writeNodeReqFail")).isZero();
        }
    }

    private static long processorCounter(StatsRegistry stats, long shard, String counter) {
        return stats.all().stream().filter(s -> s.name().equals("hh_processor")
                        && s.tags().get("shard").equals(Long.toString(shard)))
                .mapToLong(s -> s.values().getOrDefault(counter, 0L)).sum();
    }

    @Test
    void disabledHandoffAndFullQueuesRefuseClearly() {
        ShardTransport never = (node, batches, timeout) -> new CompletableFuture<>();
        try (HintedHandoff hh = new HintedHandoff(config(Duration.ofMinutes(5), Duration.ofMinutes(10), 100),
                Clock.system(), never, (n, s) -> true, new StatsRegistry(), 1_000)) {
            hh.start();
            hh.enqueue(5, 1, new byte[50], 1);
            assertThatThrownBy(() -> hh.enqueue(5, 1, new byte[50], 1)).hasMessage("queue is full");
            assertThat(hh.queuedBytes(5)).isEqualTo(66);
        }
        HintedHandoffConfig off = new HintedHandoffConfig(false, dir.resolve("off"), 100, Duration.ofHours(1), 4, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1), 1024, 16);
        try (HintedHandoff hh = new HintedHandoff(off, Clock.system(), never, (n, s) -> true, new StatsRegistry(), 1_000)) {
            hh.start();
            assertThatThrownBy(() -> hh.enqueue(5, 1, new byte[1], 1)).hasMessage("hinted handoff disabled");
        }
    }
}
