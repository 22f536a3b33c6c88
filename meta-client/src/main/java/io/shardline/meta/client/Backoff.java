package io.shardline.meta.client;

import java.time.Duration;

/** Exponential back-off: {@code min * 2^attempt}, capped at {@code max}. Pure and immutable. */
public record Backoff(Duration min, Duration max) {

    public Duration delay(int attempt) {
        long nanos = min.toNanos();
        for (int i = 0; i < attempt && nanos < max.toNanos(); i++) {
            nanos *= 2;
        }
        return Duration.ofNanos(Math.min(nanos, max.toNanos()));
    }
}
