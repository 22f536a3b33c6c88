package io.shardline.query.exec;

import io.shardline.model.SeriesKey;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.Valuer;
import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves references against one stored row, fields first (with 1.x's numeric casts) then the series' tags; a
 * missing tag is the empty string in conditions (as the 1.x index sees it) and null in projections.
 * Reusable across the rows of one scan; not thread-safe.
 */
public final class RowValuer implements Valuer {

    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final boolean conditionMode;
    private SeriesKey series;
    private Object[] values;

    /** A valuer for rows holding {@code fields} in that order. */
    public RowValuer(List<String> fields, boolean conditionMode) {
        for (int i = 0; i < fields.size(); i++) {
            fieldIndex.put(fields.get(i), i);
        }
        this.conditionMode = conditionMode;
    }

    /** Points the valuer at the next row. */
    public RowValuer reset(SeriesKey seriesKey, Object[] rowValues) {
        this.series = seriesKey;
        this.values = rowValues;
        return this;
    }

    @Override
    public Object value(VarRef ref) {
        Integer i = fieldIndex.get(ref.name());
        switch (ref.type()) {
            case TAG:
                return tag(ref.name());
            case UNKNOWN:
                return i != null ? values[i] : tag(ref.name());
            default:
                return i == null ? null : cast(values[i], ref);
        }
    }

    private Object tag(String key) {
        String v = series.tag(key);
        return v == null && conditionMode ? "" : v;
    }

    /** {@code v} as the cast of {@code ref} reads it (1.x's numeric casts), null when it cannot take that type. */
    static Object cast(Object v, VarRef ref) {
        if (v == null) {
            return null;
        }
        return switch (ref.type()) {
            case FLOAT -> Values.isNumeric(v) ? (Object) Values.toDouble(v) : null;
            case INTEGER -> v instanceof Long ? v : v instanceof Double d ? (Object) d.longValue()
                    : v instanceof Unsigned u ? (Object) u.bits() : null;
            case UNSIGNED -> v instanceof Unsigned ? v : null;
            case STRING -> v instanceof String ? v : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            default -> v;
        };
    }
}
