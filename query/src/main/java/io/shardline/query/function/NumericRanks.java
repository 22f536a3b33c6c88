package io.shardline.query.function;

import io.shardline.model.FieldType;
import java.util.Arrays;

/**
 * Order statistics of {@link SampleColumns} without sorting objects: values map to {@code long} keys whose
 * signed order is {@link io.shardline.query.value.Values#compare}'s order for the type (a float's is
 * {@link Double#compare}'s), a quickselect finds the key at a rank in linear time, and the point at a rank of
 * the order (value, time, arrival) — the order a stable sort by value then time leaves — is found from it.
 * Stateless.
 */
final class NumericRanks {

    /** Below this many keys a range is sorted instead of partitioned. */
    private static final int SMALL = 32;

    private NumericRanks() {
    }

    /** The key of {@code bits} (see {@link SampleColumns#values}) of {@code type}; an involution for floats. */
    static long key(FieldType type, long bits) {
        return switch (type) {
            case FLOAT -> bits ^ ((bits >> 63) & Long.MAX_VALUE);
            case INTEGER -> bits;
            default -> bits ^ Long.MIN_VALUE;
        };
    }

    /** The inverse of {@link #key}. */
    static long bits(FieldType type, long key) {
        return type == FieldType.UNSIGNED ? key ^ Long.MIN_VALUE : key(type, key);
    }

    /** The keys of the points' values, in arrival order. */
    static long[] keys(SampleColumns c) {
        long[] keys = new long[c.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(c.type(), c.values()[i]);
        }
        return keys;
    }

    /**
     * The index (arrival position) of the point at {@code rank} (0-based) when the points are ordered by value,
     * then time, then arrival.
     */
    static int indexAt(SampleColumns c, int rank) {
        long[] keys = keys(c);
        long k = select(keys.clone(), 0, keys.length, rank); // a copy: the counting below needs arrival order
        int less = 0;
        int equal = 0;
        for (long x : keys) {
            if (x < k) {
                less++;
            } else if (x == k) {
                equal++;
            }
        }
        long[] times = new long[equal];
        for (int i = 0, e = 0; i < keys.length; i++) {
            if (keys[i] == k) {
                times[e++] = c.times()[i];
            }
        }
        int byTime = rank - less;
        long t = select(times, 0, times.length, byTime);
        int earlier = 0;
        for (long x : times) {
            if (x < t) {
                earlier++;
            }
        }
        int nth = byTime - earlier; // among the points of value k and time t, the nth to arrive
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == k && c.times()[i] == t && nth-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("rank " + rank + " not found");
    }

    /**
     * Rearranges {@code a[from, to)} so that {@code a[rank]} holds the key of that rank, nothing smaller after it
     * and nothing larger before it, and returns it. Median-of-three pivots; a range that does not shrink fast
     * enough is sorted, so the worst case is {@code n log n}.
     */
    static long select(long[] a, int from, int to, int rank) {
        int lo = from;
        int hi = to - 1;
        int budget = 2 * (64 - Long.numberOfLeadingZeros(Math.max(1, to - from)));
        while (hi - lo >= SMALL) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[rank];
            }
            int mid = (lo + hi) >>> 1;
            long pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) { // Hoare partition around the pivot value
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return a[rank]; // between the two halves: equal to the pivot
            }
        }
        Arrays.sort(a, lo, hi + 1);
        return a[rank];
    }

    private static long median(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
