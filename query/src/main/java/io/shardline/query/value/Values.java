package io.shardline.query.value;

import io.shardline.model.FieldType;

/**
 * The value representation used by the query core: {@code Double} (float), {@code Long} (integer),
 * {@link Unsigned}, {@code String}, {@code Boolean}, {@link Timestamp}, or {@code null}. Stateless helpers.
 */
public final class Values {

    private Values() {
    }

    /** The field type of a value, or null for null and timestamps. */
    public static FieldType typeOf(Object v) {
        if (v instanceof Double) {
            return FieldType.FLOAT;
        } else if (v instanceof Long) {
            return FieldType.INTEGER;
        } else if (v instanceof Unsigned) {
            return FieldType.UNSIGNED;
        } else if (v instanceof String) {
            return FieldType.STRING;
        } else if (v instanceof Boolean) {
            return FieldType.BOOLEAN;
        }
        return null;
    }

    /** Whether the value is a float, integer or unsigned. */
    public static boolean isNumeric(Object v) {
        return v instanceof Double || v instanceof Long || v instanceof Unsigned;
    }

    /** A numeric value as a double (Go's {@code float64(v)}). */
    public static double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        } else if (v instanceof Long l) {
            return l;
        } else if (v instanceof Unsigned u) {
            return u.toDouble();
        }
        throw new IllegalArgumentException("not numeric: " + v);
    }

    /**
     * Orders two values of the same type the way the 1.x reducers do (false before true); values of different
     * types are compared as doubles when both are numeric.
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        } else if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        } else if (a instanceof Unsigned x && b instanceof Unsigned y) {
            return x.compareTo(y);
        } else if (a instanceof String x && b instanceof String y) {
            return Utf8Order.compare(x, y);
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        } else if (isNumeric(a) && isNumeric(b)) {
            return Double.compare(toDouble(a), toDouble(b));
        }
        throw new IllegalArgumentException("cannot compare " + a + " and " + b);
    }
}
