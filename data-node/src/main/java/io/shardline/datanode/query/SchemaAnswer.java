package io.shardline.datanode.query;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.value.Utf8Order;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answer to a {@link SchemaQuestion}, mergeable across shards and owners: names (measurements or tag keys),
 * measurement descriptions, series keys, or tag values per key. Built by one thread, then immutable by
 * convention (the merge methods create new instances).
 */
public record SchemaAnswer(Set<String> names, Map<String, Description> descriptions, Set<SeriesKey> series,
        Map<String, Set<String>> tagValues) {

    /** The field keys with their types and the tag keys of one measurement. */
    public record Description(Map<String, FieldType> fields, Set<String> tagKeys) {
    }

    /** An empty answer to add to. */
    public static SchemaAnswer empty() {
        return new SchemaAnswer(new TreeSet<>(Utf8Order.COMPARATOR), new TreeMap<>(Utf8Order.COMPARATOR),
                new LinkedHashSet<>(), new TreeMap<>(Utf8Order.COMPARATOR));
    }

    /** Merges {@code answers} (e.g. one per owner) into one. */
    public static SchemaAnswer merge(Collection<SchemaAnswer> answers) {
        SchemaAnswer out = empty();
        for (SchemaAnswer a : answers) {
            out.addAll(a);
        }
        return out;
    }

    /** Adds everything of {@code other} to this (mutable) answer. */
    public void addAll(SchemaAnswer other) {
        names.addAll(other.names);
        other.descriptions.forEach((m, d) -> describe(m, d.fields(), d.tagKeys()));
        series.addAll(other.series);
        other.tagValues.forEach(this::addTagValues);
    }

    /**
     * Adds a measurement's fields and tag keys. When shards disagree on a field's type, 1.x's preference wins:
     * float, then integer, unsigned, string, boolean.
     */
    public void describe(String measurement, Map<String, FieldType> fields, Collection<String> tagKeys) {
        Description d = descriptions.computeIfAbsent(measurement, m -> new Description(
                new TreeMap<>(Utf8Order.COMPARATOR), new TreeSet<>(Utf8Order.COMPARATOR)));
        fields.forEach((k, t) -> d.fields().merge(k, t, (a, b) -> a.ordinal() <= b.ordinal() ? a : b));
        d.tagKeys().addAll(tagKeys);
    }

    /** Adds values of one tag key. */
    public void addTagValues(String key, Collection<String> values) {
        tagValues.computeIfAbsent(key, k -> new TreeSet<>(Utf8Order.COMPARATOR)).addAll(values);
    }
}
