package io.shardline.query.exec;

import io.shardline.model.SeriesKey;
import io.shardline.query.value.Utf8Order;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An output series: the measurement and the values of the GROUP BY tags (a missing tag is the empty string).
 * Ordered like 1.x orders series: by name, then by tag values in key order. Immutable; the hash is computed
 * once, since aggregation looks groups up in hash maps once per cell.
 */
public final class GroupKey implements Comparable<GroupKey> {

    private final String measurement;
    private final Map<String, String> tags;
    private final int hash;

    public GroupKey(String measurement, Map<String, String> tags) {
        this(measurement, sorted(tags));
    }

    private GroupKey(String measurement, TreeMap<String, String> sortedTags) {
        this.measurement = measurement;
        this.tags = Collections.unmodifiableMap(sortedTags);
        this.hash = 31 * measurement.hashCode() + sortedTags.hashCode();
    }

    private static TreeMap<String, String> sorted(Map<String, String> tags) {
        TreeMap<String, String> sorted = new TreeMap<>(Utf8Order.COMPARATOR);
        sorted.putAll(tags);
        return sorted;
    }

    /** The group of {@code series} for the given GROUP BY tag keys. */
    public static GroupKey of(SeriesKey series, List<String> groupByTags) {
        TreeMap<String, String> tags = new TreeMap<>(Utf8Order.COMPARATOR);
        for (String k : groupByTags) {
            String v = series.tag(k);
            tags.put(k, v == null ? "" : v);
        }
        return new GroupKey(series.measurement(), tags);
    }

    /** The measurement (the output series' name). */
    public String measurement() {
        return measurement;
    }

    /** The GROUP BY tags and their values, sorted by key (UTF-8 order). */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof GroupKey g && g.hash == hash && g.measurement.equals(measurement)
                && g.tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "GroupKey[measurement=" + measurement + ", tags=" + tags + "]";
    }

    @Override
    public int compareTo(GroupKey o) {
        int c = Utf8Order.compare(measurement, o.measurement);
        if (c != 0) {
            return c;
        }
        Iterator<Map.Entry<String, String>> a = tags.entrySet().iterator();
        Iterator<Map.Entry<String, String>> b = o.tags.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            Map.Entry<String, String> x = a.next();
            Map.Entry<String, String> y = b.next();
            c = Utf8Order.compare(x.getKey(), y.getKey());
            if (c == 0) {
                c = Utf8Order.compare(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }
}
