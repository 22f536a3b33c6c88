package io.shardline.storage;

import io.shardline.model.SeriesKey;
import java.util.List;
import java.util.Objects;

/**
 * The aggregate-friendly read: one field of some series of one measurement in an inclusive time
 * range, delivered as blocks of primitive arrays in ascending time. Immutable.
 */
public record FieldScanRequest(String measurement, List<SeriesKey> series, String field, TimeRange range) {

    public FieldScanRequest {
        Objects.requireNonNull(measurement, "measurement");
        series = List.copyOf(series);
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(range, "range");
    }
}
