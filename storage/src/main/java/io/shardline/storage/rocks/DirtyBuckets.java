package io.shardline.storage.rocks;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Which buckets of which series changed, as one bucket range per series (writes usually touch the
 * newest bucket only), with the monotonic time of the last change and the number of changes.
 * Thread-safe (synchronized).
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

    private Map<Integer, Range> ranges = new HashMap<>();

    synchronized void mark(int seriesId, int bucket, long nowNanos) {
        Range r = ranges.get(seriesId);
        if (r == null) {
            r = new Range(bucket, bucket);
            ranges.put(seriesId, r);
        } else {
            r.min = Math.min(r.min, bucket);
            r.max = Math.max(r.max, bucket);
        }
        r.lastChangeNanos = nowNanos;
        r.changes++;
    }

    /** The number of series with a dirty range. */
    synchronized int size() {
        return ranges.size();
    }

    /** Marks every bucket of the series. */
    synchronized void markAll(int seriesId, long nowNanos) {
        mark(seriesId, Integer.MIN_VALUE, nowNanos);
        mark(seriesId, Integer.MAX_VALUE, nowNanos);
    }

    /** Takes (and forgets) everything. */
    synchronized Map<Integer, Range> takeAll() {
        Map<Integer, Range> out = ranges;
        ranges = new HashMap<>();
        return out;
    }

    /** Takes the series not changed for {@code coldNanos} or changed at least {@code busyChanges} times. */
    synchronized Map<Integer, Range> takeReady(long nowNanos, long coldNanos, int busyChanges, int max) {
        Map<Integer, Range> out = new HashMap<>();
        Iterator<Map.Entry<Integer, Range>> it = ranges.entrySet().iterator();
        while (it.hasNext() && out.size() < max) {
            Map.Entry<Integer, Range> e = it.next();
            Range r = e.getValue();
            if (nowNanos - r.lastChangeNanos >= coldNanos || r.changes >= busyChanges) {
                out.put(e.getKey(), r);
                it.remove();
            }
        }
        return out;
    }

    synchronized boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Puts back ranges taken but not processed. */
    synchronized void restore(Map<Integer, Range> taken) {
        taken.forEach((id, r) -> {
            mark(id, r.min, r.lastChangeNanos);
            mark(id, r.max, r.lastChangeNanos);
        });
    }
}
