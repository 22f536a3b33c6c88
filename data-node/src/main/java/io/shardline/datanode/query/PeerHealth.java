package io.shardline.datanode.query;

import io.shardline.common.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which peers recently failed to answer a query (unreachable or timed out), so the coordinator asks
 * replicas that answer first and such a peer last, until {@code suspectFor} has passed or it answers again.
 * Thread-safe.
 */
public final class PeerHealth {

    private final Clock clock;
    private final long suspectNanos;
    private final Map<Long, Long> failedAt = new ConcurrentHashMap<>();

    public PeerHealth(Clock clock, Duration suspectFor) {
        this.clock = clock;
        this.suspectNanos = suspectFor.toNanos();
    }

    public void failed(long node) {
        failedAt.put(node, clock.monotonicNanos());
    }

    public void answered(long node) {
        failedAt.remove(node);
    }

    /** Whether {@code node} failed within the last {@code suspectFor}. */
    public boolean suspect(long node) {
        Long at = failedAt.get(node);
        return at != null && clock.monotonicNanos() - at < suspectNanos;
    }
}
