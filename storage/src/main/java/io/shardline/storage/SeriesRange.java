package io.shardline.storage;

import io.shardline.model.SeriesKey;
import java.util.Objects;

/**
 * A series and an inclusive time range in it: what a digest diff reports as different and what a
 * patch is exported for. Immutable.
 */
public record SeriesRange(SeriesKey series, long minTime, long maxTime) {

    public SeriesRange {
        Objects.requireNonNull(series, "series");
        if (minTime > maxTime) {
            throw new IllegalArgumentException("range start after end: " + minTime + " > " + maxTime);
        }
    }

    /** The time range alone. */
    public TimeRange timeRange() {
        return new TimeRange(minTime, maxTime);
    }
}
