package io.shardline.query.exec;

import io.shardline.query.function.Accumulator;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The cells of one output series by bucket start, as two parallel arrays kept sorted by bucket: buckets
 * arrive mostly in order (one shard's partials, then the next shard's), so adding is an append or a binary
 * search, and no bucket is boxed. Without GROUP BY time a series has one cell. Not thread-safe.
 */
final class BucketCells {

    private long[] buckets = new long[1];
    private Accumulator[][] cells = new Accumulator[1][];
    private int size;

    /** The cell of {@code bucket}, made by {@code create} when absent. */
    Accumulator[] computeIfAbsent(long bucket, Supplier<Accumulator[]> create) {
        int i = size > 0 && buckets[size - 1] < bucket ? -size - 1 : Arrays.binarySearch(buckets, 0, size, bucket);
        if (i >= 0) {
            return cells[i];
        }
        int at = -i - 1;
        if (size == buckets.length) {
            buckets = Arrays.copyOf(buckets, size * 2);
            cells = Arrays.copyOf(cells, size * 2);
        }
        System.arraycopy(buckets, at, buckets, at + 1, size - at);
        System.arraycopy(cells, at, cells, at + 1, size - at);
        Accumulator[] made = create.get();
        buckets[at] = bucket;
        cells[at] = made;
        size++;
        return made;
    }

    /** The cell of {@code bucket} or null. */
    Accumulator[] get(long bucket) {
        int i = Arrays.binarySearch(buckets, 0, size, bucket);
        return i >= 0 ? cells[i] : null;
    }

    /** The buckets holding a cell, ascending. */
    long[] buckets() {
        return Arrays.copyOf(buckets, size);
    }

    long firstBucket() {
        return buckets[0];
    }

    int size() {
        return size;
    }

    /** The {@code i}-th cell in bucket order. */
    Accumulator[] cell(int i) {
        return cells[i];
    }
}
