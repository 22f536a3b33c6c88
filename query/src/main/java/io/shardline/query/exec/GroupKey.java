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
 * Ordered like 1.x orders series: by name, then by tag values in key order. Immutable.
 */
public record GroupKey(String measurement, Map<String, String> tags) implements Comparable<GroupKey> {

    public GroupKey {
        TreeMap<String, String> sorted = new TreeMap<>(Utf8Order.COMPARATOR);
        sorted.putAll(tags);
        tags = Collections.unmodifiableMap(sorted);
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
