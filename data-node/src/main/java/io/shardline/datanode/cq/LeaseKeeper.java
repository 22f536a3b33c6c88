package io.shardline.datanode.cq;

import io.shardline.meta.model.LeaseInfo;

/**
 * This node's view of the {@code continuous_querier} lease: whether it holds it, when to renew (once half of the
 * granted time has passed) and when a node that does not hold it should ask (only when the cluster view shows the
 * lease free, expired or its own, so the steady state costs one Raft write per half lease). Times are wall-clock
 * Unix nanoseconds; the meta node stamps the expiry with its own clock, so clocks are assumed to agree to well
 * within a lease. Confined to the continuous-query thread; pure.
 */
final class LeaseKeeper {

    private final long nodeId;
    private boolean held;
    private long expiresAt;
    private long renewAt;

    LeaseKeeper(long nodeId) {
        this.nodeId = nodeId;
    }

    /** Whether to call the meta nodes now; {@code inView} is the lease as the cluster view knows it (or null). */
    boolean shouldAcquire(LeaseInfo inView, long now) {
        if (held && now < expiresAt) {
            return now >= renewAt;
        }
        return inView == null || inView.nodeId() == nodeId || now >= inView.expiresAt();
    }

    /** The meta nodes granted (or renewed) the lease; {@code askedAt} is when the request was sent. */
    void granted(LeaseInfo lease, long askedAt) {
        held = lease.nodeId() == nodeId;
        expiresAt = lease.expiresAt();
        renewAt = askedAt + Math.max(0, (lease.expiresAt() - askedAt) / 2);
    }

    /** The meta nodes refused: another node holds it. */
    void refused() {
        held = false;
    }

    /** Whether this node may run continuous queries at {@code now}. */
    boolean holds(long now) {
        return held && now < expiresAt;
    }
}
