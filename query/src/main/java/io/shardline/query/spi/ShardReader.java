package io.shardline.query.spi;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the query engine needs from one shard replica; the data node implements it over its storage (locally on
 * the owner that runs {@link io.shardline.query.exec.ShardSelectExecutor}). Calls come from one query thread
 * at a time per instance; implementations must give a consistent view for the duration of a query.
 */
public interface ShardReader {

    /**
     * The series of {@code measurement} in this shard whose tags satisfy {@code tagPredicate} (null means all),
     * in any order. The predicate refers to tags only; {@link io.shardline.query.exec.TagPredicates#matches}
     * evaluates it on a series key when the index cannot.
     */
    List<SeriesKey> series(String measurement, Expr tagPredicate);

    /** The field keys of {@code measurement} in this shard and their types (empty when it has none). */
    Map<String, FieldType> fieldTypes(String measurement);

    /**
     * Visits the points of one series with {@code minTime <= time <= maxTime} in ascending time order, one call
     * per timestamp with the values of {@code fields} in that order (null where a field has no value at that
     * time; values are Double, Long, {@link io.shardline.query.value.Unsigned}, String or Boolean). Points where
     * none of the fields has a value may be skipped.
     */
    void scan(SeriesKey series, List<String> fields, long minTime, long maxTime, RowConsumer consumer);

    /**
     * Like {@link #scan}, in descending time order when {@code descending}, stopping as soon as {@code visitor}
     * returns false (raw queries with LIMIT read only what they return). The default reads ascending and buffers
     * the rows of a descending scan.
     */
    default void scan(SeriesKey series, List<String> fields, long minTime, long maxTime, boolean descending,
            RowVisitor visitor) {
        if (!descending) {
            boolean[] stopped = {false};
            scan(series, fields, minTime, maxTime, (time, values) -> {
                if (!stopped[0]) {
                    stopped[0] = !visitor.visit(time, values);
                }
            });
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        scan(series, fields, minTime, maxTime, (time, values) -> {
            times.add(time);
            rows.add(values.clone());
        });
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!visitor.visit(times.get(i), rows.get(i))) {
                return;
            }
        }
    }

    /**
     * The values of one field of {@code series} with {@code minTime <= time <= maxTime} as primitive blocks, for
     * aggregates. The default builds one block per series from {@link #scan}; stores override it with their
     * columnar reads.
     */
    default FieldBlocks fieldBlocks(List<SeriesKey> series, String field, long minTime, long maxTime) {
        return new RowFieldBlocks(this, series, field, minTime, maxTime);
    }

    /**
     * The oldest ({@code newest} false) or newest value of {@code field} of each series with {@code minTime <= time
     * <= maxTime}, as {@link #fieldBlocks} delivers them: what {@code first()} and {@code last()} without GROUP BY
     * time select from, since no other value of a series can win against its own first or last one. Stores
     * override it to read only the series' first or last blocks; the default delivers every value, from which
     * those selectors pick the same point.
     */
    default FieldBlocks endBlocks(List<SeriesKey> series, String field, long minTime, long maxTime, boolean newest) {
        return fieldBlocks(series, field, minTime, maxTime);
    }
}
