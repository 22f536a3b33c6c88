package io.shardline.storage;

/**
 * An inclusive range of timestamps in nanoseconds, {@code min <= t <= max}. Immutable.
 */
public record TimeRange(long min, long max) {

    /** Every representable timestamp. */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public TimeRange {
        if (min > max) {
            throw new IllegalArgumentException("time range start " + min + " is after its end " + max);
        }
    }

    /** The range {@code [min, max]}. */
    public static TimeRange of(long min, long max) {
        return new TimeRange(min, max);
    }

    /** Whether {@code t} lies in the range. */
    public boolean contains(long t) {
        return t >= min && t <= max;
    }

    /** Whether the two ranges share a timestamp. */
    public boolean overlaps(long otherMin, long otherMax) {
        return otherMin <= max && otherMax >= min;
    }

    /** Whether this is {@link #ALL}. */
    public boolean isAll() {
        return min == Long.MIN_VALUE && max == Long.MAX_VALUE;
    }
}
