package io.shardline.common.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One module of {@code SHOW DIAGNOSTICS}: column names and rows, like 1.x's
 * {@code diagnostics.Diagnostics}. Values are {@code String}, {@code Long}, {@code Double} or
 * {@code Boolean}. Immutable.
 */
public record Diagnostic(List<String> columns, List<List<Object>> rows) {

    public Diagnostic {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        rows.forEach(r -> copy.add(Collections.unmodifiableList(new ArrayList<>(r))));
        rows = Collections.unmodifiableList(copy);
    }

    /** One row whose columns are the map's keys in sorted order (1.x's {@code RowFromMap}). */
    public static Diagnostic ofMap(Map<String, ?> values) {
        Map<String, Object> sorted = new TreeMap<>(values);
        return new Diagnostic(new ArrayList<>(sorted.keySet()), List.of(new ArrayList<>(sorted.values())));
    }

    /** One row with columns in the given order. */
    public static Diagnostic ofRow(List<String> columns, List<Object> row) {
        return new Diagnostic(columns, List.of(row));
    }
}
