package io.shardline.datanode.entropy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What this node remembers of its last comparison of each shard with the shard's next owner, and the
 * rules built on it. A digest is fetched only when either side's last-modified time changed since a
 * comparison that saw everything (one made at least a settle window after the last change; an
 * earlier one left recent entries out). A shard is {@code diff} only when two consecutive
 * comparisons with the same peer both differ and share a differing (series, bucket) (or both see
 * different tombstones), so a difference that replication or hinted handoff is about to close never
 * counts. An equal comparison clears everything. Pure; not thread-safe (its owner holds a lock).
 */
final class CheckTracker {

    /** The outcome of one comparison. */
    enum Outcome { EQUAL, SUSPECTED, CONFIRMED }

    private record Memory(long peer, long localModified, long peerModified, long comparedAtMillis, boolean equal,
                          Set<Long> buckets, boolean tombstones, boolean diff, long estimatedBytes) {
    }

    private final Map<Long, Memory> memory = new HashMap<>();

    /**
     * Whether the shard must be compared by digest now, given both last-modified times (wall nanos).
     */
    boolean needsDigest(long shard, long peer, long localModified, long peerModified, long nowMillis,
                        long settleMillis) {
        Memory m = memory.get(shard);
        if (m == null || m.peer != peer || !m.equal || m.localModified != localModified
                || m.peerModified != peerModified) {
            return true;
        }
        long lastChangeMillis = Math.max(localModified, peerModified) / 1_000_000L;
        return m.comparedAtMillis - settleMillis <= lastChangeMillis;
    }

    /**
     * Records a digest comparison made at {@code nowMillis}: {@code buckets} are keys of the differing
     * (series, bucket) pairs. Returns whether the shard is equal, differs for the first time, or is
     * confirmed {@code diff}.
     */
    Outcome observe(long shard, long peer, long localModified, long peerModified, long nowMillis, Set<Long> buckets,
                    boolean tombstonesDiffer, long estimatedBytes) {
        boolean equal = buckets.isEmpty() && !tombstonesDiffer;
        Memory prev = memory.get(shard);
        if (equal) {
            memory.put(shard, new Memory(peer, localModified, peerModified, nowMillis, true, Set.of(), false, false, 0));
            return Outcome.EQUAL;
        }
        boolean confirmed = prev != null && prev.peer == peer && !prev.equal
                && (intersects(prev.buckets, buckets) || (prev.tombstones && tombstonesDiffer));
        memory.put(shard, new Memory(peer, localModified, peerModified, nowMillis, false, new HashSet<>(buckets),
                tombstonesDiffer, confirmed, estimatedBytes));
        return confirmed ? Outcome.CONFIRMED : Outcome.SUSPECTED;
    }

    /** Whether the shard's status is {@code diff}. */
    boolean isDiff(long shard) {
        Memory m = memory.get(shard);
        return m != null && m.diff;
    }

    /** Shards whose status is {@code diff}. */
    Set<Long> diffShards() {
        Set<Long> out = new HashSet<>();
        memory.forEach((shard, m) -> {
            if (m.diff) {
                out.add(shard);
            }
        });
        return out;
    }

    /** Estimated patch bytes a repair would push to the peer, as of the last comparison; -1 unknown. */
    long estimatedBytes(long shard) {
        Memory m = memory.get(shard);
        return m == null ? -1 : m.estimatedBytes;
    }

    /** The peer of the last comparison, 0 if none. */
    long comparedWith(long shard) {
        Memory m = memory.get(shard);
        return m == null ? 0 : m.peer;
    }

    /** Forgets a shard (no longer local or owned). */
    void forget(long shard) {
        memory.remove(shard);
    }

    /** Forgets every shard not in {@code keep}. */
    void retain(Set<Long> keep) {
        memory.keySet().retainAll(keep);
    }

    private static boolean intersects(Set<Long> a, Set<Long> b) {
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        for (Long k : small) {
            if (large.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
