package io.shardline.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One point: a series (measurement and sorted tags), typed fields sorted by key, and a timestamp
 * in nanoseconds. Field values live in parallel primitive arrays (float bits, integers, unsigned
 * bits and booleans in a {@code long[]}, strings apart) so a parsed point costs a few small
 * allocations. Immutable and thread-safe; equality is by value (floats by bit pattern).
 */
public final class Point {

    private final SeriesKey series;
    private final FieldLayout layout;
    private final FieldType[] types;
    private final long[] bits;
    private final String[] strings;
    private final long timestamp;

    private Point(SeriesKey series, FieldLayout layout, FieldType[] types, long[] bits, String[] strings,
            long timestamp) {
        this.series = series;
        this.layout = layout;
        this.types = types;
        this.bits = bits;
        this.strings = strings;
        this.timestamp = timestamp;
    }

    /** A builder for a point of {@code measurement}. */
    public static PointBuilder builder(String measurement) {
        return new PointBuilder(measurement);
    }

    /**
     * A point over arrays the caller hands over and never touches again (no copies are made; the
     * parser uses this, and may share {@code types} between points). {@code bits[i]} holds the
     * float's raw bits, the integer, the unsigned value's bits or 0/1 for booleans;
     * {@code strings[i]} is non-null exactly for string fields ({@code strings} may be null when
     * there are none). Inconsistent arguments give {@link IllegalArgumentException}.
     */
    public static Point ofOwnedArrays(SeriesKey series, FieldLayout layout, FieldType[] types, long[] bits,
            String[] strings, long timestamp) {
        int n = layout.size();
        if (types.length != n || bits.length != n || (strings != null && strings.length != n)) {
            throw new IllegalArgumentException("field arrays differ in length from the layout");
        }
        for (int i = 0; i < n; i++) {
            FieldType t = Objects.requireNonNull(types[i], "field type");
            boolean isString = strings != null && strings[i] != null;
            if ((t == FieldType.STRING) != isString) {
                throw new IllegalArgumentException("string value mismatch for field " + layout.key(i));
            }
            if (t == FieldType.FLOAT && !Double.isFinite(Double.longBitsToDouble(bits[i]))) {
                throw new IllegalArgumentException("NaN and ±Inf are unsupported values for field " + layout.key(i));
            }
        }
        return new Point(Objects.requireNonNull(series), layout, types, bits, withoutEmpty(strings), timestamp);
    }

    private static String[] withoutEmpty(String[] strings) {
        if (strings != null) {
            for (String s : strings) {
                if (s != null) {
                    return strings;
                }
            }
        }
        return null;
    }

    /** The series of this point. */
    public SeriesKey series() {
        return series;
    }

    /** The measurement, unescaped. */
    public String measurement() {
        return series.measurement();
    }

    /** The field keys. */
    public FieldLayout layout() {
        return layout;
    }

    /** Timestamp in nanoseconds since the epoch. */
    public long timestamp() {
        return timestamp;
    }

    /** This point at another time. */
    public Point withTimestamp(long nanos) {
        return new Point(series, layout, types, bits, strings, nanos);
    }

    /** Number of fields. */
    public int fieldCount() {
        return types.length;
    }

    /** Key of field {@code i} (sorted order). */
    public String fieldKey(int i) {
        return layout.key(i);
    }

    /** Index of field {@code key}, or -1. */
    public int fieldIndex(String key) {
        return layout.indexOf(key);
    }

    /** Type of field {@code i}. */
    public FieldType fieldType(int i) {
        return types[i];
    }

    /** The raw 64 bits of field {@code i}: float bits, integer, unsigned bits, 0/1; 0 for strings. */
    public long rawBits(int i) {
        return bits[i];
    }

    /** Value of float field {@code i}. */
    public double floatValue(int i) {
        return Double.longBitsToDouble(bitsOf(i, FieldType.FLOAT));
    }

    /** Value of integer field {@code i}. */
    public long integerValue(int i) {
        return bitsOf(i, FieldType.INTEGER);
    }

    /** Value of unsigned field {@code i} as the bits of a uint64 (use {@link Long#toUnsignedString}). */
    public long unsignedValue(int i) {
        return bitsOf(i, FieldType.UNSIGNED);
    }

    /** Value of boolean field {@code i}. */
    public boolean booleanValue(int i) {
        return bitsOf(i, FieldType.BOOLEAN) != 0;
    }

    /** Value of string field {@code i}. */
    public String stringValue(int i) {
        bitsOf(i, FieldType.STRING);
        return strings[i];
    }

    /** This point without field {@code i}, or null when it is the only field. */
    Point withoutField(int i) {
        int n = types.length;
        if (n == 1) {
            return null;
        }
        String[] keys = new String[n - 1];
        FieldType[] t = new FieldType[n - 1];
        long[] b = new long[n - 1];
        String[] s = strings == null ? null : new String[n - 1];
        for (int j = 0, k = 0; j < n; j++) {
            if (j != i) {
                keys[k] = layout.key(j);
                t[k] = types[j];
                b[k] = bits[j];
                if (s != null) {
                    s[k] = strings[j];
                }
                k++;
            }
        }
        return new Point(series, FieldLayout.ofSorted(keys), t, b, withoutEmpty(s), timestamp);
    }

    private long bitsOf(int i, FieldType expected) {
        if (types[i] != expected) {
            throw new IllegalStateException("field " + layout.key(i) + " is " + types[i] + ", not " + expected);
        }
        return bits[i];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Point p && timestamp == p.timestamp && series.equals(p.series)
                && layout.equals(p.layout) && Arrays.equals(types, p.types) && Arrays.equals(bits, p.bits)
                && Arrays.equals(strings, p.strings);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * series.hashCode() + layout.hashCode()) + Long.hashCode(timestamp)
                + Arrays.hashCode(bits);
    }

    /** A debugging form: series key, fields in declaration-free {@code key:type=value} form, time. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Point[").append(series).append(' ');
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(layout.key(i)).append(':').append(types[i]).append('=');
            switch (types[i]) {
                case FLOAT -> b.append(GoFloat.formatF(floatValue(i)));
                case INTEGER -> b.append(bits[i]);
                case UNSIGNED -> b.append(Long.toUnsignedString(bits[i]));
                case BOOLEAN -> b.append(bits[i] != 0);
                case STRING -> b.append('"').append(strings[i]).append('"');
                default -> throw new AssertionError(types[i]);
            }
        }
        return b.append(' ').append(timestamp).append(']').toString();
    }
}
