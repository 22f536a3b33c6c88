package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.value.TimeBounds;

/**
 * A GROUP BY time interval: buckets of {@code duration} aligned to the Unix epoch plus {@code offset}
 * ({@code 0 <= offset < duration}), so {@code time(1w)} buckets start on Thursdays. Immutable.
 */
public record Interval(long duration, long offset) {

    public Interval {
        if (duration <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        offset = Math.floorMod(offset, duration);
    }

    /** The start of the bucket containing {@code t}: {@code t - floorMod(t - offset, duration)}. */
    public long bucketStart(long t) {
        long start = t - Math.floorMod(t - offset, duration);
        return start > t ? TimeBounds.MIN_TIME : start;
    }

    /** The number of buckets from the one containing {@code min} to the one containing {@code max}. */
    public long bucketCount(long min, long max) {
        if (max < min) {
            return 0;
        }
        long first = bucketStart(min);
        long last = bucketStart(max);
        // last - first fits in an unsigned long even when it overflows a signed one.
        return Long.divideUnsigned(last - first, duration) + 1;
    }

    /** The bucket count of a time range, with unset bounds taken as MinTime/MaxTime (as 1.x does). */
    public long bucketCount(TimeRange range) {
        return bucketCount(range.minTime(), range.maxTime());
    }

    /**
     * The {@code max-select-buckets} check: {@code max-select-buckets limit exceeded: (<n>/<max>)} when the range
     * has more than {@code max} buckets; {@code max <= 0} disables it.
     */
    public void checkMaxSelectBuckets(TimeRange range, long max) {
        if (max <= 0) {
            return;
        }
        long n = bucketCount(range);
        if (n > max) {
            throw new QueryException("max-select-buckets limit exceeded: (" + n + "/" + max + ")");
        }
    }
}
