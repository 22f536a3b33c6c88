package io.shardline.storage.rocks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which buckets of which series changed, as one bucket range per series (writes usually touch the
 * newest bucket only), with the monotonic time of the last change and the number of changes.
 * Marking costs no allocation: the ranges live in parallel arrays of an open-addressing table keyed
 * by series id (linear probing, backward-shift removal), so a write creating thousands of series adds
 * no object per series; {@link Range} objects are made only for what is taken. Thread-safe
 * (synchronized).
 */
final class DirtyBuckets {

    /** The dirty range of one series. */
    static final class Range {
        int min;
        int max;
        long lastChangeNanos;
        int changes;

        Range(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    private static final int EMPTY = -1;
    private static final int INITIAL = 16;

    private int[] ids;
    private int[] mins;
    private int[] maxs;
    private long[] lastChanges;
    private int[] changes;
    private int size;

    DirtyBuckets() {
        allocate(INITIAL);
    }

    synchronized void mark(int seriesId, int bucket, long nowNanos) {
        if (seriesId < 0) {
            throw new IllegalArgumentException("series id " + seriesId);
        }
        int i = slot(seriesId);
        if (ids[i] == EMPTY) {
            if (2 * (size + 1) > ids.length) {
                resize(ids.length * 2);
                i = slot(seriesId);
            }
            ids[i] = seriesId;
            mins[i] = bucket;
            maxs[i] = bucket;
            changes[i] = 0;
            size++;
        } else {
            mins[i] = Math.min(mins[i], bucket);
            maxs[i] = Math.max(maxs[i], bucket);
        }
        lastChanges[i] = nowNanos;
        changes[i]++;
    }

    /** The number of series with a dirty range. */
    synchronized int size() {
        return size;
    }

    /** Marks every bucket of the series. */
    synchronized void markAll(int seriesId, long nowNanos) {
        mark(seriesId, Integer.MIN_VALUE, nowNanos);
        mark(seriesId, Integer.MAX_VALUE, nowNanos);
    }

    /** Takes (and forgets) everything. */
    synchronized Map<Integer, Range> takeAll() {
        Map<Integer, Range> out = new HashMap<>(Math.max(16, size * 2));
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != EMPTY) {
                out.put(ids[i], range(i));
            }
        }
        clear();
        return out;
    }

    /** Forgets everything. */
    synchronized void clear() {
        allocate(INITIAL);
    }

    /** Takes the series not changed for {@code coldNanos} or changed at least {@code busyChanges} times. */
    synchronized Map<Integer, Range> takeReady(long nowNanos, long coldNanos, int busyChanges, int max) {
        Map<Integer, Range> out = new HashMap<>();
        // A removal shifts later entries of the probe run back into the slot, so the slot is looked at
        // again; entries only ever move into the hole, never past the scan position unseen.
        for (int i = 0; i < ids.length && out.size() < max; ) {
            if (ids[i] != EMPTY && (nowNanos - lastChanges[i] >= coldNanos || changes[i] >= busyChanges)) {
                out.put(ids[i], range(i));
                removeAt(i);
            } else {
                i++;
            }
        }
        return out;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /** Puts back ranges taken but not processed. */
    synchronized void restore(Map<Integer, Range> taken) {
        taken.forEach((id, r) -> {
            mark(id, r.min, r.lastChangeNanos);
            mark(id, r.max, r.lastChangeNanos);
        });
    }

    private Range range(int i) {
        Range r = new Range(mins[i], maxs[i]);
        r.lastChangeNanos = lastChanges[i];
        r.changes = changes[i];
        return r;
    }

    private int slot(int seriesId) {
        int mask = ids.length - 1;
        int i = home(seriesId, mask);
        while (ids[i] != EMPTY && ids[i] != seriesId) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int home(int seriesId, int mask) {
        int h = seriesId * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** Removes slot {@code i}, moving later entries of its probe run back so lookups still find them. */
    private void removeAt(int i) {
        int mask = ids.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; ids[j] != EMPTY; j = (j + 1) & mask) {
            int home = home(ids[j], mask);
            boolean staysReachable = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!staysReachable) {
                move(j, hole);
                hole = j;
            }
        }
        ids[hole] = EMPTY;
        size--;
    }

    private void move(int from, int to) {
        ids[to] = ids[from];
        mins[to] = mins[from];
        maxs[to] = maxs[from];
        lastChanges[to] = lastChanges[from];
        changes[to] = changes[from];
    }

    private void allocate(int capacity) {
        ids = new int[capacity];
        Arrays.fill(ids, EMPTY);
        mins = new int[capacity];
        maxs = new int[capacity];
        lastChanges = new long[capacity];
        changes = new int[capacity];
        size = 0;
    }

    private void resize(int capacity) {
        int[] oldIds = ids;
        int[] oldMins = mins;
        int[] oldMaxs = maxs;
        long[] oldLast = lastChanges;
        int[] oldChanges = changes;
        allocate(capacity);
        for (int k = 0; k < oldIds.length; k++) {
            if (oldIds[k] != EMPTY) {
                int i = slot(oldIds[k]);
                ids[i] = oldIds[k];
                mins[i] = oldMins[k];
                maxs[i] = oldMaxs[k];
                lastChanges[i] = oldLast[k];
                changes[i] = oldChanges[k];
                size++;
            }
        }
    }
}
