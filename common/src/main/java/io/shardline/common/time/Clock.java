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

    /**
     * The process-wide system clock. Its wall time is shifted by the system property
     * {@code shardline.clock.offset} when set (drills skew a node's clock with it).
     *
     * @throws io.shardline.common.error.ShardlineException if that property is not a duration
     */
    static Clock system() {
        return SystemClock.Holder.INSTANCE;
    }

    /** The wall-clock offset of {@link #system()} (zero unless {@code shardline.clock.offset} is set). */
    static java.time.Duration systemOffset() {
        return SystemClock.Holder.INSTANCE.offset();
    }
}
