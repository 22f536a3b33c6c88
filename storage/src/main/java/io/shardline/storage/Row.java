package io.shardline.storage;

import io.shardline.model.SeriesKey;
import java.util.List;

/**
 * One scanned row: a series, a timestamp and the values of the requested fields in request order,
 * with {@code null} where the field has no value at that time. Immutable.
 */
public record Row(SeriesKey series, long timestamp, List<FieldValue> values) {

    /** The value of the {@code i}-th requested field, or null. */
    public FieldValue value(int i) {
        return values.get(i);
    }
}
