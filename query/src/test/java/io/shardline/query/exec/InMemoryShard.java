package io.shardline.query.exec;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.spi.RowConsumer;
import io.shardline.query.spi.SchemaReader;
import io.shardline.query.spi.ShardReader;
import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A test shard: points in memory, implementing both seams. */
final class InMemoryShard implements ShardReader, SchemaReader {

    private final Map<SeriesKey, TreeMap<Long, Map<String, Object>>> data = new LinkedHashMap<>();
    private final Map<String, Map<String, FieldType>> types = new HashMap<>();

    /** Adds a point; tags as alternating key, value. */
    InMemoryShard add(String measurement, long time, Map<String, Object> fields, String... tags) {
        Map<String, String> t = new HashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            t.put(tags[i], tags[i + 1]);
        }
        SeriesKey key = SeriesKey.of(measurement, t);
        data.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(time, x -> new HashMap<>()).putAll(fields);
        fields.forEach((k, v) -> types.computeIfAbsent(measurement, m -> new HashMap<>())
                .putIfAbsent(k, Values.typeOf(v)));
        return this;
    }

    @Override
    public List<SeriesKey> series(String measurement, Expr tagPredicate) {
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey k : data.keySet()) {
            if (k.measurement().equals(measurement) && TagPredicates.matches(tagPredicate, k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public Map<String, FieldType> fieldTypes(String measurement) {
        return types.getOrDefault(measurement, Map.of());
    }

    @Override
    public void scan(SeriesKey series, List<String> fields, long minTime, long maxTime, RowConsumer consumer) {
        TreeMap<Long, Map<String, Object>> points = data.get(series);
        if (points == null) {
            return;
        }
        Object[] row = new Object[fields.size()];
        for (Map.Entry<Long, Map<String, Object>> e : points.subMap(minTime, true, maxTime, true).entrySet()) {
            for (int i = 0; i < row.length; i++) {
                row[i] = e.getValue().get(fields.get(i));
            }
            consumer.accept(e.getKey(), row);
        }
    }

    @Override
    public Set<String> measurements() {
        Set<String> out = new java.util.TreeSet<>();
        data.keySet().forEach(k -> out.add(k.measurement()));
        return out;
    }

    @Override
    public List<SeriesKey> series(String measurement) {
        return series(measurement, null);
    }
}
