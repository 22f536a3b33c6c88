package io.shardline.datanode.write;

import java.util.TreeMap;

/**
 * The writes and deletes this node coordinates that some owner has not answered yet, counted by the
 * version of the cluster view their owners were taken from. A copy onto a new owner waits until no
 * coordinator has one left from a view older than the one that made it an owner: from then on every
 * change of the shard reaches it too, and whatever reached only the old owners is on the source when
 * the copy catches up. An owner counts as answered when its result is recorded: acked, failed, or
 * queued in hinted handoff. Thread-safe.
 */
public final class WritesInFlight {

    /** {@link #oldestViewVersion} when nothing is in flight. */
    public static final long NONE = Long.MAX_VALUE;
    /**
     * The version a request counts under from before it reads the view until each of its changes counts
     * under the version it was routed by: older than any, so a copy never misses a request that read
     * an old view just before the copy looked.
     */
    public static final long ROUTING = Long.MIN_VALUE;

    private final TreeMap<Long, Integer> byView = new TreeMap<>();

    /** A change routed by view {@code viewVersion} starts; every start is followed by one {@link #end}. */
    public void start(long viewVersion) {
        synchronized (byView) {
            byView.merge(viewVersion, 1, Integer::sum);
        }
    }

    /** Every owner of a change started with {@code viewVersion} answered. */
    public void end(long viewVersion) {
        synchronized (byView) {
            byView.computeIfPresent(viewVersion, (v, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The oldest view version of a change still in flight, {@link #NONE} if there is none. */
    public long oldestViewVersion() {
        synchronized (byView) {
            return byView.isEmpty() ? NONE : byView.firstKey();
        }
    }
}
