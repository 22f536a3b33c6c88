package io.shardline.model;

import io.shardline.model.internal.Utf8;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Point} from code and tests. A repeated tag or field key replaces the earlier
 * value (last wins, like duplicate field keys in line protocol). Not thread-safe; one builder, one
 * point.
 */
public final class PointBuilder {

    private record Value(FieldType type, long bits, String string) {
    }

    private final String measurement;
    private final Map<String, String> tags = new HashMap<>();
    private final Map<String, Value> fields = new HashMap<>();
    private Long timestamp;

    PointBuilder(String measurement) {
        this.measurement = measurement;
    }

    /** Sets tag {@code key}; an empty value means "no such tag", as in 1.x. */
    public PointBuilder tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /** Sets all of {@code tags}. */
    public PointBuilder tags(Map<String, String> more) {
        tags.putAll(more);
        return this;
    }

    /** A float field; NaN and infinities are refused at {@link #build()}. */
    public PointBuilder floatField(String key, double value) {
        return field(key, new Value(FieldType.FLOAT, Double.doubleToRawLongBits(value), null));
    }

    /** An integer field. */
    public PointBuilder integerField(String key, long value) {
        return field(key, new Value(FieldType.INTEGER, value, null));
    }

    /** An unsigned field given as the bits of a uint64. */
    public PointBuilder unsignedField(String key, long value) {
        return field(key, new Value(FieldType.UNSIGNED, value, null));
    }

    /** A string field. */
    public PointBuilder stringField(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("string value must not be null");
        }
        return field(key, new Value(FieldType.STRING, 0L, value));
    }

    /** A boolean field. */
    public PointBuilder booleanField(String key, boolean value) {
        return field(key, new Value(FieldType.BOOLEAN, value ? 1L : 0L, null));
    }

    /** The timestamp in nanoseconds (required). */
    public PointBuilder timestamp(long nanos) {
        this.timestamp = nanos;
        return this;
    }

    private PointBuilder field(String key, Value v) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("field key must not be empty");
        }
        fields.put(key, v);
        return this;
    }

    /** The point; {@link IllegalArgumentException} when something required is missing or invalid. */
    public Point build() {
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is required");
        }
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.sort(Utf8.ORDER);
        int n = keys.size();
        FieldType[] types = new FieldType[n];
        long[] bits = new long[n];
        String[] strings = new String[n];
        for (int i = 0; i < n; i++) {
            Value v = fields.get(keys.get(i));
            types[i] = v.type();
            bits[i] = v.bits();
            strings[i] = v.string();
        }
        SeriesKey series = SeriesKey.of(measurement, tags);
        return Point.ofOwnedArrays(series, FieldLayout.ofSorted(keys.toArray(String[]::new)), types, bits, strings,
                timestamp);
    }
}
