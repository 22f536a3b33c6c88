package io.shardline.storage;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.ResolvedSeries;
import java.util.List;
import java.util.Objects;

/**
 * The aggregate-friendly read: one field of some series of one measurement in an inclusive time
 * range, delivered as blocks of primitive arrays in ascending time. With {@link Pick#FIRST} or
 * {@link Pick#LAST} only the oldest or newest visible value of each series in the range is
 * delivered (one one-value block per series), which a store reads from the series' first or last
 * blocks alone. Immutable.
 */
public record FieldScanRequest(String measurement, List<SeriesKey> series, String field, TimeRange range,
                               Pick pick) {

    /** Which values of each series a scan delivers. */
    public enum Pick {
        /** Every visible value in the range. */
        ALL,
        /** The oldest visible value in the range. */
        FIRST,
        /** The newest visible value in the range. */
        LAST
    }

    public FieldScanRequest {
        Objects.requireNonNull(measurement, "measurement");
        // a store's resolved answer is immutable and carries the series' ids to the cursor: kept as it is
        series = series instanceof ResolvedSeries ? series : List.copyOf(series);
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(pick, "pick");
    }

    /** Every visible value in the range. */
    public FieldScanRequest(String measurement, List<SeriesKey> series, String field, TimeRange range) {
        this(measurement, series, field, range, Pick.ALL);
    }
}
