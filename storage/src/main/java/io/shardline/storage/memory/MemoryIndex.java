package io.shardline.storage.memory;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.internal.SeriesAdmission;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory shard's index: live series (those holding a value), distinct tag values per
 * measurement and tag key, and field types. Answers by walking the live series. Guarded by the
 * owning store's lock.
 */
final class MemoryIndex implements SeriesAdmission.LiveIndex {

    private final NavigableMap<SeriesKey, MemorySeries> data;
    private final Map<String, Map<String, Map<String, Integer>>> tagValues = new HashMap<>();
    final Map<String, TreeMap<String, FieldType>> types = new HashMap<>();

    MemoryIndex(NavigableMap<SeriesKey, MemorySeries> data) {
        this.data = data;
    }

    void seriesAdded(SeriesKey s) {
        for (int i = 0; i < s.tagCount(); i++) {
            tagValues.computeIfAbsent(s.measurement(), m -> new HashMap<>())
                    .computeIfAbsent(s.tagKey(i), k -> new HashMap<>()).merge(s.tagValue(i), 1, Integer::sum);
        }
    }

    void seriesRemoved(SeriesKey s) {
        for (int i = 0; i < s.tagCount(); i++) {
            Map<String, Integer> values = tagValues.get(s.measurement()).get(s.tagKey(i));
            values.computeIfPresent(s.tagValue(i), (v, n) -> n == 1 ? null : n - 1);
        }
    }

    FieldType type(String measurement, String field) {
        TreeMap<String, FieldType> m = types.get(measurement);
        return m == null ? null : m.get(field);
    }

    void fixType(String measurement, String field, FieldType type) {
        types.computeIfAbsent(measurement, m -> new TreeMap<>(Utf8Order.STRINGS)).putIfAbsent(field, type);
    }

    /** Forgets the field types of measurements without live series. */
    void dropTypesOfEmptyMeasurements() {
        types.keySet().removeIf(m -> series(m, TagPredicate.all()).isEmpty());
    }

    @Override
    public boolean isLive(SeriesKey series) {
        return data.containsKey(series);
    }

    @Override
    public long liveSeries() {
        return data.size();
    }

    @Override
    public long tagValueCount(String measurement, String tagKey) {
        Map<String, Integer> v = tagValues.getOrDefault(measurement, Map.of()).get(tagKey);
        return v == null ? 0 : v.size();
    }

    @Override
    public boolean hasTagValue(String measurement, String tagKey, String tagValue) {
        Map<String, Integer> v = tagValues.getOrDefault(measurement, Map.of()).get(tagKey);
        return v != null && v.containsKey(tagValue);
    }

    List<String> measurements(TagPredicate predicate) {
        TreeSet<String> out = new TreeSet<>(Utf8Order.STRINGS);
        for (SeriesKey s : data.keySet()) {
            if (!out.contains(s.measurement()) && predicate.matches(s)) {
                out.add(s.measurement());
            }
        }
        return new ArrayList<>(out);
    }

    List<SeriesKey> series(String measurement, TagPredicate predicate) {
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey s : data.keySet()) {
            if (s.measurement().equals(measurement) && predicate.matches(s)) {
                out.add(s);
            }
        }
        return out;
    }

    List<String> tagKeys(String measurement, TagPredicate predicate) {
        TreeSet<String> out = new TreeSet<>(Utf8Order.STRINGS);
        for (SeriesKey s : series(measurement, predicate)) {
            for (int i = 0; i < s.tagCount(); i++) {
                out.add(s.tagKey(i));
            }
        }
        return new ArrayList<>(out);
    }

    List<String> tagValues(String measurement, String key, TagPredicate predicate) {
        TreeSet<String> out = new TreeSet<>(Utf8Order.STRINGS);
        for (SeriesKey s : series(measurement, predicate)) {
            String v = s.tag(key);
            if (v != null) {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    Map<String, FieldType> fieldTypes(String measurement) {
        TreeMap<String, FieldType> m = types.get(measurement);
        return m == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
