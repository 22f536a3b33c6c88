package io.shardline.query.function;

/**
 * One output of an aggregate: the value (null for a nil result such as the stddev of one point), the time of
 * the selected point for selectors or {@link #NO_TIME}, and the selected point's auxiliary values (or null).
 */
public record AggregatePoint(long time, Object value, Object[] aux) {

    /** 1.x's {@code ZeroTime}: "no own time; report the bucket start". */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** A point without own time or aux values. */
    public static AggregatePoint of(Object value) {
        return new AggregatePoint(NO_TIME, value, null);
    }
}
