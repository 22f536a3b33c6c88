package io.shardline.query.spi;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.exec.TagPredicates;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Schema questions about one database, answered across all its shards (the data node merges the answers of
 * the owners it asks). Used to resolve regex sources, expand wildcards, split conditions into tag and field
 * parts, and answer the SHOW statements (see {@link io.shardline.query.exec.ShowExecutor}). The conditions of the
 * default methods refer to tags only (a missing tag reads as the empty string); a distributed implementation
 * overrides them to ask the owners for just the answer. Implementations are called from one query thread at a
 * time.
 */
public interface SchemaReader {

    /** The measurement names of the database. */
    Set<String> measurements();

    /** All series keys of {@code measurement} (tag keys and values are derived from them). */
    List<SeriesKey> series(String measurement);

    /**
     * The field keys of {@code measurement} with their types; when shards disagree on a field's type, the
     * implementation reports one (1.x prefers float, then integer, unsigned, string, boolean).
     */
    Map<String, FieldType> fieldTypes(String measurement);

    /** The measurements with a series whose tags satisfy {@code condition} (null = every measurement). */
    default Set<String> measurements(Expr condition) {
        Set<String> out = new TreeSet<>(Utf8Order.COMPARATOR);
        for (String m : measurements()) {
            if (condition == null || !series(m, condition).isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The series keys of {@code measurement} whose tags satisfy {@code condition} (null = all). */
    default List<SeriesKey> series(String measurement, Expr condition) {
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey k : series(measurement)) {
            if (TagPredicates.matches(condition, k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The series keys of {@code measurement} satisfying {@code condition}, one list per shard: a series stored
     * in k shards appears k times, which is what 1.x counts in {@code SHOW SERIES EXACT CARDINALITY}. The
     * default treats the database as one shard.
     */
    default List<List<SeriesKey>> seriesPerShard(String measurement, Expr condition) {
        return List.of(series(measurement, condition));
    }

    /** The tag keys of the series of {@code measurement} satisfying {@code condition}, sorted. */
    default Set<String> tagKeys(String measurement, Expr condition) {
        Set<String> out = new TreeSet<>(Utf8Order.COMPARATOR);
        for (SeriesKey k : series(measurement, condition)) {
            out.addAll(k.tags().keySet());
        }
        return out;
    }

    /**
     * For each of {@code keys} that some series of {@code measurement} satisfying {@code condition} has, the
     * values it takes, sorted by key and value.
     */
    default Map<String, Set<String>> tagValues(String measurement, Collection<String> keys, Expr condition) {
        Map<String, Set<String>> out = new TreeMap<>(Utf8Order.COMPARATOR);
        for (SeriesKey k : series(measurement, condition)) {
            for (String key : keys) {
                String v = k.tag(key);
                if (v != null) {
                    out.computeIfAbsent(key, x -> new TreeSet<>(Utf8Order.COMPARATOR)).add(v);
                }
            }
        }
        return out;
    }
}
