package io.shardline.common.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that only moves when told to. Wall and monotonic time advance together.
 * Thread-safe: tests may advance it from one thread while components read it from others.
 */
public final class ManualClock implements Clock {

    private final AtomicLong wallNanos;
    private final AtomicLong monotonicNanos = new AtomicLong();

    /** A clock whose wall time starts at {@code startWallMillis}. */
    public ManualClock(long startWallMillis) {
        this.wallNanos = new AtomicLong(Math.multiplyExact(startWallMillis, 1_000_000L));
    }

    /** A clock starting at 2020-01-01T00:00:00Z, a date far from any edge case. */
    public ManualClock() {
        this(1_577_836_800_000L);
    }

    @Override
    public long wallMillis() {
        return Math.floorDiv(wallNanos.get(), 1_000_000L);
    }

    @Override
    public long wallNanos() {
        return wallNanos.get();
    }

    @Override
    public long monotonicNanos() {
        return monotonicNanos.get();
    }

    /** Moves both wall and monotonic time forward; negative durations are refused. */
    public void advance(Duration by) {
        long nanos = by.toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("a clock cannot go backwards: " + by);
        }
        wallNanos.addAndGet(nanos);
        monotonicNanos.addAndGet(nanos);
    }

    /** Shorthand for {@code advance(Duration.ofMillis(millis))}. */
    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /**
     * Sets the wall clock, for example to model a clock step on one node. Monotonic time is not
     * affected, exactly as on a real machine.
     */
    public void setWallMillis(long epochMillis) {
        wallNanos.set(Math.multiplyExact(epochMillis, 1_000_000L));
    }
}
