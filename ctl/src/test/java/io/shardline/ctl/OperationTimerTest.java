package io.shardline.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class OperationTimerTest {

    @Test
    void returnsTheResultAndPassesFailuresThrough() {
        try (OperationTimer timer = new OperationTimer("show", Duration.ofSeconds(5))) {
            assertThat(timer.run(() -> 42)).isEqualTo(42);
            assertThatThrownBy(() -> timer.run(() -> {
                throw ShardlineException.notFound("node not found: x:1");
            })).isInstanceOfSatisfying(ShardlineException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.getMessage()).isEqualTo("node not found: x:1");
            });
        }
    }

    @Test
    void givesUpAtTheTimeoutAndInterruptsTheOperation() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (OperationTimer timer = new OperationTimer("add-meta", Duration.ofMillis(100))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> timer.run(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            })).isInstanceOfSatisfying(ShardlineException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                assertThat(e.getMessage()).isEqualTo("add-meta: operation timed out after 100ms");
            });
            assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(2).toNanos());
            assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTimeoutNamesWhereTheOperationWaited() {
        try (OperationTimer timer = new OperationTimer("show", Duration.ofMillis(50))) {
            assertThatThrownBy(() -> timer.run(() -> {
                new CountDownLatch(1).await();
                return null;
            }, "meta node 127.0.0.1:8091")).isInstanceOfSatisfying(ShardlineException.class, e ->
                    assertThat(e.getMessage()).isEqualTo("show: operation timed out after 50ms (meta node 127.0.0.1:8091)"));
        }
    }
}
