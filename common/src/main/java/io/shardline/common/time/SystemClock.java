package io.shardline.common.time;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.unit.GoDurations;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link Clock} backed by the operating system, with an optional fixed wall-clock offset taken from
 * the system property {@value #OFFSET_PROPERTY} (a Go duration such as {@code +30s} or {@code -1m}).
 * The offset skews every wall-clock reading of the process — HLC versions, default point times,
 * retention, hinted-handoff ages, anti-entropy cut-offs — the way a wrong system clock would;
 * monotonic time is left alone, as a real clock step leaves {@code CLOCK_MONOTONIC} alone. Drills
 * use it to run one node with a skewed clock ({@code cluster.sh start NODE --clock-offset +30s}).
 * Immutable and thread-safe.
 */
final class SystemClock implements Clock {

    /** The system property holding the wall-clock offset. */
    static final String OFFSET_PROPERTY = "shardline.clock.offset";

    private final long offsetNanos;

    SystemClock(long offsetNanos) {
        this.offsetNanos = offsetNanos;
    }

    /** The process-wide instance, with the offset of {@value #OFFSET_PROPERTY} if set. */
    static final class Holder {
        static final SystemClock INSTANCE = new SystemClock(offsetNanos(System.getProperty(OFFSET_PROPERTY)));

        private Holder() {
        }
    }

    /**
     * The offset a property value gives: 0 for none or blank, else the Go duration.
     *
     * @throws ShardlineException {@code CONFIG_INVALID} for a value that is not a duration
     */
    static long offsetNanos(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return GoDurations.parse(value.trim()).toNanos();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID,
                    "-D" + OFFSET_PROPERTY + "=" + value + ": not a duration such as +30s or -1m", e);
        }
    }

    /** The wall-clock offset in force. */
    Duration offset() {
        return Duration.ofNanos(offsetNanos);
    }

    @Override
    public long wallMillis() {
        return System.currentTimeMillis() + offsetNanos / 1_000_000L;
    }

    @Override
    public long wallNanos() {
        Instant now = Instant.now();
        return Math.addExact(Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano()),
                offsetNanos);
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}
