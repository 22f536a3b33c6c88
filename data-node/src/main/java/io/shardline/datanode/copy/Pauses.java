package io.shardline.datanode.copy;

import io.shardline.common.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one place copy and shard-removal threads wait: for a condition with a deadline (polling), or
 * for a rate limiter's delay. Both give up early when the thread is interrupted. Stateless.
 */
final class Pauses {

    static final Duration POLL = Duration.ofMillis(50);

    private Pauses() {
    }

    /** Parks the calling thread for {@code nanos}, less if interrupted. */
    static void park(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
            left = deadline - System.nanoTime();
        }
    }

    /** Polls {@code done} until it holds or {@code timeout} passed; returns whether it held. */
    static boolean until(BooleanSupplier done, Duration timeout, Clock clock) {
        long deadline = clock.monotonicNanos() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (clock.monotonicNanos() >= deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            park(POLL.toNanos());
        }
        return true;
    }
}
