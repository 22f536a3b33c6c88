package io.shardline.datanode.query;

/**
 * The {@code [cluster]} limits a SELECT must obey, 0 meaning none: {@code max-select-series} (series of one
 * measurement matching the statement's tag condition, across the database) and {@code max-select-buckets}
 * (GROUP BY time buckets of an aggregate with a lower time bound). Immutable.
 */
public record SelectLimits(long maxSeries, long maxBuckets) {

    /** No limits. */
    public static final SelectLimits NONE = new SelectLimits(0, 0);
}
