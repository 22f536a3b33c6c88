package io.shardline.datanode.handoff;

import java.time.Duration;

/**
 * When a hinted-handoff processor tries again: {@code retry-interval} after the first failure,
 * doubling with each further failure up to {@code retry-max-interval}; immediately after a
 * success. Pure and immutable.
 */
public record HandoffSchedule(Duration retryInterval, Duration retryMaxInterval) {

    public HandoffSchedule {
        if (retryInterval.isNegative() || retryInterval.isZero() || retryMaxInterval.compareTo(retryInterval) < 0) {
            throw new IllegalArgumentException("need 0 < retry-interval <= retry-max-interval");
        }
    }

    /**
     * The wait before the next attempt after {@code consecutiveFailures} failures in a row (0 after
     * a success or at start).
     */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        long nanos = retryInterval.toNanos();
        long max = retryMaxInterval.toNanos();
        for (int i = 1; i < consecutiveFailures && nanos < max; i++) {
            nanos = nanos > max / 2 ? max : nanos * 2;
        }
        return Duration.ofNanos(Math.min(nanos, max));
    }

    /** Monotonic nanos of the next attempt after {@code consecutiveFailures} failures, counted from {@code now}. */
    public long nextAttemptAt(long nowNanos, int consecutiveFailures) {
        return nowNanos + delayAfter(consecutiveFailures).toNanos();
    }
}
