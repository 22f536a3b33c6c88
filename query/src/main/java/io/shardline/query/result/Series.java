package io.shardline.query.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a result (1.x's {@code models.Row}): name, tags, columns, rows of values, and the chunking
 * {@code partial} flag. Empty members are left out of the JSON. Values are Double, Long, Unsigned, String,
 * Boolean, Timestamp or null. Immutable (the value rows are copied).
 */
public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values,
        boolean partial) {

    public Series {
        name = name == null ? "" : name;
        tags = sortedTags(tags);
        columns = List.copyOf(columns);
        List<List<Object>> rows = new ArrayList<>(values.size());
        for (List<Object> row : values) {
            rows.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        values = Collections.unmodifiableList(rows);
    }

    /**
     * An immutable copy of {@code tags} iterating in key order; no tree for none or one (a GROUP BY of one tag: a
     * singleton map, whose entry set is made once however often the formatters read it).
     */
    private static Map<String, String> sortedTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        if (tags.size() == 1) {
            Map.Entry<String, String> e = tags.entrySet().iterator().next();
            if (e.getKey() != null && e.getValue() != null) {
                return Collections.singletonMap(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A complete (non-partial) series. */
    public static Series of(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {
        return new Series(name, tags, columns, values, false);
    }

    /** A copy with other rows and partial flag (used when chunking). */
    public Series withValues(List<List<Object>> rows, boolean isPartial) {
        return new Series(name, tags, columns, rows, isPartial);
    }

    /** A copy whose time values print in {@code zone} ({@code tz()}: Go's {@code time.Time.In(loc)}). */
    public Series inZone(java.time.ZoneId zone) {
        List<List<Object>> rows = new java.util.ArrayList<>(values.size());
        for (List<Object> row : values) {
            List<Object> r = new java.util.ArrayList<>(row.size());
            for (Object v : row) {
                r.add(v instanceof io.shardline.query.value.Timestamp t ? t.inZone(zone) : v);
            }
            rows.add(r);
        }
        return withValues(rows, partial);
    }

    /** 1.x's {@code SameSeries}: same name and tags. */
    public boolean sameSeries(Series o) {
        return name.equals(o.name) && tags.equals(o.tags);
    }
}
