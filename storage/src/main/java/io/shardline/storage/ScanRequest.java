package io.shardline.storage;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.ResolvedSeries;
import java.util.List;
import java.util.Objects;

/**
 * What to read: some series of one measurement (usually resolved through
 * {@link ShardIndex#series}), the fields wanted (in output order), an inclusive time range and the
 * time order. Rows come series by series (series in key order), each series' rows in time order.
 * Immutable.
 */
public record ScanRequest(String measurement, List<SeriesKey> series, List<String> fields, TimeRange range,
                          boolean descending) {

    public ScanRequest {
        Objects.requireNonNull(measurement, "measurement");
        // a store's resolved answer is immutable and carries the series' ids to the cursor: kept as it is
        series = series instanceof ResolvedSeries ? series : List.copyOf(series);
        fields = List.copyOf(fields);
        Objects.requireNonNull(range, "range");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one field");
        }
    }

    /** An ascending scan. */
    public static ScanRequest ascending(String measurement, List<SeriesKey> series, List<String> fields,
            TimeRange range) {
        return new ScanRequest(measurement, series, fields, range, false);
    }

    /** A descending scan. */
    public static ScanRequest descending(String measurement, List<SeriesKey> series, List<String> fields,
            TimeRange range) {
        return new ScanRequest(measurement, series, fields, range, true);
    }
}
