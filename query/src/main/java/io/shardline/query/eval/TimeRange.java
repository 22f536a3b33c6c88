package io.shardline.query.eval;

import io.shardline.query.value.TimeBounds;

/**
 * An inclusive time range {@code [min, max]} in nanoseconds; either end may be unset (1.x's zero time), in
 * which case {@link #minTime()}/{@link #maxTime()} give 1.x's MinTime/MaxTime. Immutable.
 */
public record TimeRange(long min, long max) {

    /** Sentinel for an unset lower bound. */
    public static final long UNSET_MIN = Long.MIN_VALUE;
    /** Sentinel for an unset upper bound. */
    public static final long UNSET_MAX = Long.MAX_VALUE;
    /** No bounds at all. */
    public static final TimeRange UNBOUNDED = new TimeRange(UNSET_MIN, UNSET_MAX);

    /** Whether a lower bound was given. */
    public boolean hasMin() {
        return min != UNSET_MIN;
    }

    /** Whether an upper bound was given. */
    public boolean hasMax() {
        return max != UNSET_MAX;
    }

    /** The lower bound, MinTime when unset. */
    public long minTime() {
        return hasMin() ? min : TimeBounds.MIN_TIME;
    }

    /** The upper bound (inclusive), MaxTime when unset. */
    public long maxTime() {
        return hasMax() ? max : TimeBounds.MAX_TIME;
    }

    /** 1.x's {@code Intersect}: the later lower bound and the earlier upper bound of those given. */
    public TimeRange intersect(TimeRange o) {
        long lo = min;
        long hi = max;
        if (o.hasMin() && (!hasMin() || o.min > lo)) {
            lo = o.min;
        }
        if (o.hasMax() && (!hasMax() || o.max < hi)) {
            hi = o.max;
        }
        return new TimeRange(lo, hi);
    }

    /** A copy with the upper bound set when none was given (GROUP BY time queries use {@code now}). */
    public TimeRange withDefaultMax(long defaultMax) {
        return hasMax() ? this : new TimeRange(min, defaultMax);
    }

    /** Whether {@code t} lies in the range (unset ends are open). */
    public boolean contains(long t) {
        return t >= minTime() && t <= maxTime();
    }
}
