package io.shardline.query.exec;

import io.shardline.query.function.Accumulator;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The cells of one output series by bucket start, as two parallel arrays kept sorted by bucket in
 * {@code [start, end)} with room on both sides: buckets arrive mostly in order (ascending, or descending with
 * ORDER BY time DESC; one shard's partials, then the next shard's), so adding is an append or a prepend in
 * amortised constant time, else a binary search, and no bucket is boxed. Without GROUP BY time a series has one
 * cell. Not thread-safe.
 */
final class BucketCells {

    private long[] buckets = new long[2];
    private Accumulator[][] cells = new Accumulator[2][];
    private int start = 1;
    private int end = 1;

    /** The cell of {@code bucket}, made by {@code create} when absent. */
    Accumulator[] computeIfAbsent(long bucket, Supplier<Accumulator[]> create) {
        int at;
        if (end > start && buckets[end - 1] == bucket) { // the cell added to last: a run continued in the next block
            return cells[end - 1];
        }
        if (end == start || buckets[end - 1] < bucket) {
            at = end;
        } else if (bucket < buckets[start]) {
            at = start;
        } else {
            int i = Arrays.binarySearch(buckets, start, end, bucket);
            if (i >= 0) {
                return cells[i];
            }
            at = -i - 1;
        }
        Accumulator[] made = create.get();
        if (at == start && end > start) { // before every cell: into the room before them
            if (start == 0) {
                grow(true);
            }
            start--;
            buckets[start] = bucket;
            cells[start] = made;
            return made;
        }
        if (end == buckets.length) { // after or between cells: the later ones move one to the right
            int offset = at - start;
            grow(false);
            at = start + offset;
        }
        System.arraycopy(buckets, at, buckets, at + 1, end - at);
        System.arraycopy(cells, at, cells, at + 1, end - at);
        buckets[at] = bucket;
        cells[at] = made;
        end++;
        return made;
    }

    /** Doubles the arrays, leaving the new room before the cells ({@code front}) or after them. */
    private void grow(boolean front) {
        int size = end - start;
        int capacity = Math.max(4, buckets.length * 2);
        int newStart = front ? capacity - size - (buckets.length - end) : start;
        long[] b = new long[capacity];
        Accumulator[][] c = new Accumulator[capacity][];
        System.arraycopy(buckets, start, b, newStart, size);
        System.arraycopy(cells, start, c, newStart, size);
        buckets = b;
        cells = c;
        start = newStart;
        end = newStart + size;
    }

    /** The cell of {@code bucket} or null. */
    Accumulator[] get(long bucket) {
        int i = Arrays.binarySearch(buckets, start, end, bucket);
        return i >= 0 ? cells[i] : null;
    }

    /** The buckets holding a cell, ascending. */
    long[] buckets() {
        return Arrays.copyOfRange(buckets, start, end);
    }

    /** The buckets holding a cell, ascending or descending. */
    long[] buckets(boolean ascending) {
        if (ascending) {
            return buckets();
        }
        long[] out = new long[end - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = buckets[end - 1 - i];
        }
        return out;
    }

    long firstBucket() {
        return buckets[start];
    }

    int size() {
        return end - start;
    }

    /** The bucket of the {@code i}-th cell in bucket order. */
    long bucket(int i) {
        return buckets[start + i];
    }

    /** The {@code i}-th cell in bucket order. */
    Accumulator[] cell(int i) {
        return cells[start + i];
    }
}
