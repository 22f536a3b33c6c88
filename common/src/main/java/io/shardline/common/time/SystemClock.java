package io.shardline.common.time;

import java.time.Instant;

/** {@link Clock} backed by the operating system. Stateless and thread-safe. */
final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long wallNanos() {
        Instant now = Instant.now();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}
