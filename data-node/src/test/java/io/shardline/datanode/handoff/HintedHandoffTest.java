package io.shardline.datanode.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.datanode.write.ShardTransport;
import io.shardline.datanode.write.ShardWriteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
