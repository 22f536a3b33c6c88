package io.shardline.tsm;

import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldLayout;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.tsm.block.BlockValues;
import java.util.List;

/**
 * Converts between TSM values and Shardline points, exactly: a TSM key is one field of one series,
 * so each value becomes a point with that single field, and a point's field becomes one value of
 * the key {@code (point.series(), field)}. Values keep their raw 64 bits (float bit patterns,
 * two's-complement integers, uint64 bits, 0/1) and strings as they are. Stateless.
 */
public final class TsmPoints {

    private TsmPoints() {
    }

    /**
     * Appends one single-field point per value of {@code values} to {@code out}. A float Shardline
     * cannot hold (±Inf; NaN cannot be in TSM) is an {@code INVALID_ARGUMENT} error naming the
     * key and time.
     */
    public static void toPoints(TsmKey key, BlockValues values, List<Point> out) {
        FieldLayout layout = FieldLayout.ofSorted(key.field());
        FieldType[] types = {values.type()};
        boolean string = values.type() == FieldType.STRING;
        checkFinite(key, values);
        for (int i = 0; i < values.size(); i++) {
            long t = values.time(i);
            long[] bits = {values.bits(i)};
            String[] strings = string ? new String[] {values.string(i)} : null;
            out.add(Point.ofOwnedArrays(key.series(), layout, types, bits, strings, t));
        }
    }

    /**
     * Fails with {@code INVALID_ARGUMENT} naming the key and time if {@code values} holds a float
     * Shardline cannot hold (±Inf; NaN cannot be in TSM).
     */
    public static void checkFinite(TsmKey key, BlockValues values) {
        if (values.type() != FieldType.FLOAT) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.floatValue(i))) {
                throw ShardlineException.invalid("key " + key + " at time " + values.time(i) + ": float value "
                        + values.floatValue(i) + " is not supported");
            }
        }
    }

    /** The TSM key of field {@code field} of {@code point}. */
    public static TsmKey keyOf(Point point, int field) {
        return new TsmKey(point.series(), point.fieldKey(field));
    }

    /**
     * Appends field {@code field} of {@code point} to {@code into}, which must hold values of that
     * field's type (see {@link BlockValues#reset}).
     */
    public static void append(Point point, int field, BlockValues into) {
        FieldType t = point.fieldType(field);
        if (t != into.type()) {
            throw new IllegalArgumentException("field " + point.fieldKey(field) + " is " + t + ", not " + into.type());
        }
        if (t == FieldType.STRING) {
            into.addString(point.timestamp(), point.stringValue(field));
        } else {
            into.add(point.timestamp(), point.rawBits(field));
        }
    }
}
