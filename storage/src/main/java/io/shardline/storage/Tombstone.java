package io.shardline.storage;

import io.shardline.model.SeriesKey;
import java.util.Objects;

/**
 * A versioned delete: every value of a matching series with a timestamp in {@code [minTime,
 * maxTime]} and a version not greater than {@code version} is invisible (a delete wins a version
 * tie). {@code measurement} null means every measurement. Tombstones are replicated like writes,
 * take part in digests and patches, and are purged once older than the grace period. Immutable.
 */
public record Tombstone(String measurement, TagPredicate predicate, long minTime, long maxTime, long version) {

    public Tombstone {
        Objects.requireNonNull(predicate, "predicate");
        if (minTime > maxTime) {
            throw new IllegalArgumentException("tombstone time range start after end");
        }
        if (measurement != null && measurement.isEmpty()) {
            throw new IllegalArgumentException("measurement must be null (all) or non-empty");
        }
    }

    /** {@code DROP MEASUREMENT m}: every series of {@code measurement}, all time. */
    public static Tombstone dropMeasurement(String measurement, long version) {
        return new Tombstone(Objects.requireNonNull(measurement, "measurement"), TagPredicate.all(),
                Long.MIN_VALUE, Long.MAX_VALUE, version);
    }

    /** {@code DROP SERIES FROM m WHERE ...}: the matching series, all time. */
    public static Tombstone dropSeries(String measurement, TagPredicate predicate, long version) {
        return new Tombstone(measurement, predicate, Long.MIN_VALUE, Long.MAX_VALUE, version);
    }

    /** {@code DELETE FROM m WHERE ... AND time ...}: the matching series within {@code range}. */
    public static Tombstone delete(String measurement, TagPredicate predicate, TimeRange range, long version) {
        return new Tombstone(measurement, predicate, range.min(), range.max(), version);
    }

    /** Whether the tombstone applies to {@code series} at all (ignoring time and version). */
    public boolean appliesTo(SeriesKey series) {
        return (measurement == null || measurement.equals(series.measurement())) && predicate.matches(series);
    }

    /** Whether a value at {@code timestamp} with {@code valueVersion} of an applicable series is hidden. */
    public boolean hides(long timestamp, long valueVersion) {
        return timestamp >= minTime && timestamp <= maxTime && valueVersion <= version;
    }

    /** Whether it covers all time. */
    public boolean allTime() {
        return minTime == Long.MIN_VALUE && maxTime == Long.MAX_VALUE;
    }
}
