package io.shardline.storage.internal;

/**
 * The time buckets that group a series' values into blocks and digest leaves: one hour, aligned to
 * the epoch. Part of the on-disk and digest formats. Stateless.
 */
public final class Buckets {

    /** Bucket width: one hour in nanoseconds. */
    public static final long NANOS = 3_600_000_000_000L;

    private Buckets() {
    }

    /** The bucket number of {@code ts} (floor division, so negative times work). */
    public static int index(long ts) {
        return (int) Math.floorDiv(ts, NANOS);
    }

    /** The start of bucket {@code index}. */
    public static long start(int index) {
        return index * NANOS;
    }

    /** The last nanosecond of bucket {@code index}. */
    public static long end(int index) {
        long s = start(index);
        return s > Long.MAX_VALUE - NANOS + 1 ? Long.MAX_VALUE : s + NANOS - 1;
    }
}
