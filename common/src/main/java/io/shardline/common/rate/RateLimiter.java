package io.shardline.common.rate;

/**
 * A token bucket in bytes per second for hinted-handoff replay ({@code retry-rate-limit}) and shard
 * transfers ({@code -rate-limit}); 0 means unlimited. Pure: callers pass monotonic time and wait
 * themselves. Not thread-safe (one thread owns it).
 */
public final class RateLimiter {

    private final long bytesPerSecond;
    private double available;
    private long lastNanos;
    private boolean started;

    public RateLimiter(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /**
     * Takes {@code bytes} from the bucket and returns how many nanoseconds the caller must wait
     * before sending them (0 when within the rate). The bucket holds at most one second of tokens.
     */
    public long acquire(long bytes, long nowNanos) {
        if (bytesPerSecond == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            lastNanos = nowNanos;
            available = bytesPerSecond;
        }
        available = Math.min(bytesPerSecond, available + (nowNanos - lastNanos) * (double) bytesPerSecond / 1e9);
        lastNanos = nowNanos;
        available -= bytes;
        if (available >= 0) {
            return 0;
        }
        return (long) Math.ceil(-available * 1e9 / bytesPerSecond);
    }
}
