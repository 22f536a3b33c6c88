package io.shardline.query.value;

/** 1.x's time sentinels ({@code influxql.MinTime}/{@code MaxTime}): the representable query time range. */
public final class TimeBounds {

    /** 1677-09-21T00:12:43.145224194Z; the two smallest int64 values are reserved as sentinels. */
    public static final long MIN_TIME = Long.MIN_VALUE + 2;
    /** 2262-04-11T23:47:16.854775806Z. */
    public static final long MAX_TIME = Long.MAX_VALUE - 1;

    private TimeBounds() {
    }
}
