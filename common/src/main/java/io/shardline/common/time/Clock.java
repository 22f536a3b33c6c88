package io.shardline.common.time;

/**
 * The one source of time for Shardline. Wall time stamps data (points, versions, log lines);
 * monotonic time measures timeouts and intervals. Production code uses {@link #system()}; tests
 * use {@link ManualClock}. Implementations are safe for use from any thread.
 */
public interface Clock {

    /** Wall-clock time in milliseconds since the Unix epoch. */
    long wallMillis();

    /** Wall-clock time in nanoseconds since the Unix epoch (the unit of point timestamps). */
    long wallNanos();

    /** Monotonic time in nanoseconds from an arbitrary origin; only differences are meaningful. */
    long monotonicNanos();

    /** The process-wide system clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
