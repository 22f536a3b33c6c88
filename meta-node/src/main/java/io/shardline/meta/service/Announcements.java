package io.shardline.meta.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leader's memory of node announcements: for each node id the version and addresses it last
 * announced and when (monotonic nanos). Never logged through Raft; a new leader starts empty and
 * nodes re-announce within their gossip frequency. Thread-safe.
 */
public final class Announcements {

    /** One announcement as received. */
    public record Entry(long nodeId, String version, String tcpAddress, String httpAddress, boolean https,
                        long receivedAtNanos) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    public void record(Entry entry) {
        entries.put(entry.nodeId(), entry);
    }

    /** The node's last announcement if it came within {@code expiration} before {@code nowNanos}, else null. */
    public Entry live(long nodeId, long nowNanos, Duration expiration) {
        Entry e = entries.get(nodeId);
        return e == null || nowNanos - e.receivedAtNanos() > expiration.toNanos() ? null : e;
    }

    /** Forgets everything (this node stopped being the leader). */
    public void clear() {
        entries.clear();
    }
}
