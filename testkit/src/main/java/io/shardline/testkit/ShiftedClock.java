package io.shardline.testkit;

import io.shardline.common.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock with a wall-time offset a test moves forward, for a whole in-JVM cluster: time flows as
 * usual (Raft, leases and timers keep working) and {@link #shift} jumps every node's wall clock at once, e.g.
 * past a retention policy's duration. Monotonic time is the system's, untouched. Thread-safe.
 */
public final class ShiftedClock implements Clock {

    private final Clock system = Clock.system();
    private final AtomicLong offsetNanos = new AtomicLong();

    /** Moves wall time forward by {@code by}. */
    public void shift(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a shifted clock only moves forward: " + by);
        }
        offsetNanos.addAndGet(by.toNanos());
    }

    @Override
    public long wallMillis() {
        return Math.floorDiv(wallNanos(), 1_000_000L);
    }

    @Override
    public long wallNanos() {
        return system.wallNanos() + offsetNanos.get();
    }

    @Override
    public long monotonicNanos() {
        return system.monotonicNanos();
    }
}
