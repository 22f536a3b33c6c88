package io.shardline.query.function;

import io.shardline.model.FieldType;
import io.shardline.query.value.Unsigned;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code median/percentile/stddev} when every value has one numeric type and no point carries aux values: the
 * points as primitive columns, in arrival order. {@code values} holds a float's {@link Double#doubleToLongBits},
 * an integer, or an unsigned's bits. Only {@code [0, size)} is meaningful; nobody writes the arrays after the
 * state is made, so it may share them with the accumulator it came from (which copies before its next append).
 */
public record SampleColumns(FieldType type, long[] times, long[] values, int size) implements PartialState {

    public SampleColumns {
        if (type != FieldType.FLOAT && type != FieldType.INTEGER && type != FieldType.UNSIGNED) {
            throw new IllegalArgumentException("not a numeric type: " + type);
        }
        if (size < 0 || size > times.length || size > values.length) {
            throw new IllegalArgumentException("size " + size + " outside the columns");
        }
    }

    /** The value of point {@code i} as the query engine's object (Double, Long or Unsigned). */
    public Object value(int i) {
        return box(type, values[i]);
    }

    static Object box(FieldType type, long bits) {
        return switch (type) {
            case FLOAT -> Double.longBitsToDouble(bits);
            case INTEGER -> bits;
            default -> new Unsigned(bits);
        };
    }

    /** The points as objects, in arrival order. */
    public List<AggregatePoint> points() {
        List<AggregatePoint> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new AggregatePoint(times[i], value(i), null));
        }
        return out;
    }
}
