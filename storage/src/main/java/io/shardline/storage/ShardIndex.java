package io.shardline.storage;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import java.util.List;
import java.util.Map;

/**
 * The shard's index, answered without reading data: what {@code SHOW MEASUREMENTS / SERIES / TAG
 * KEYS / TAG VALUES / FIELD KEYS} need and what a query needs to pick series. Only series with a
 * visible value count. Names are sorted by their UTF-8 bytes, series by their key. Thread-safe.
 */
public interface ShardIndex {

    /** Measurements with at least one series matching {@code predicate}. */
    List<String> measurements(TagPredicate predicate);

    /** Series of {@code measurement} matching {@code predicate}. */
    List<SeriesKey> series(String measurement, TagPredicate predicate);

    /** Tag keys of the series of {@code measurement} that match {@code predicate}. */
    List<String> tagKeys(String measurement, TagPredicate predicate);

    /** Distinct values of {@code tagKey} among the series of {@code measurement} matching {@code predicate}. */
    List<String> tagValues(String measurement, String tagKey, TagPredicate predicate);

    /** Field keys and their types for {@code measurement}, in key order (empty if unknown). */
    Map<String, FieldType> fieldTypes(String measurement);
}
