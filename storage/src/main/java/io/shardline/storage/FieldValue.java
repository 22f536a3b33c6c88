package io.shardline.storage;

import io.shardline.model.FieldType;
import java.util.Objects;

/**
 * One typed field value: {@code bits} holds a float's raw bits, an integer, an unsigned value's bits
 * or 0/1 for a boolean (as {@link io.shardline.model.Point#rawBits(int)}); {@code string} is
 * non-null exactly for strings. Immutable; equality is by value (floats by bit pattern).
 */
public record FieldValue(FieldType type, long bits, String string) {

    public FieldValue {
        Objects.requireNonNull(type, "type");
        if ((type == FieldType.STRING) != (string != null)) {
            throw new IllegalArgumentException("string is required exactly for string values");
        }
        if (type == FieldType.STRING) {
            bits = 0;
        }
    }

    public static FieldValue ofFloat(double v) {
        return new FieldValue(FieldType.FLOAT, Double.doubleToRawLongBits(v), null);
    }

    public static FieldValue ofInteger(long v) {
        return new FieldValue(FieldType.INTEGER, v, null);
    }

    public static FieldValue ofUnsigned(long bitsOfUint64) {
        return new FieldValue(FieldType.UNSIGNED, bitsOfUint64, null);
    }

    public static FieldValue ofBoolean(boolean v) {
        return new FieldValue(FieldType.BOOLEAN, v ? 1 : 0, null);
    }

    public static FieldValue ofString(String v) {
        return new FieldValue(FieldType.STRING, 0, Objects.requireNonNull(v, "v"));
    }

    /** The float value; fails for other types. */
    public double floatValue() {
        check(FieldType.FLOAT);
        return Double.longBitsToDouble(bits);
    }

    /** The integer value; fails for other types. */
    public long integerValue() {
        check(FieldType.INTEGER);
        return bits;
    }

    /** The boolean value; fails for other types. */
    public boolean booleanValue() {
        check(FieldType.BOOLEAN);
        return bits != 0;
    }

    /**
     * The value as a plain Java object: {@code Double}, {@code Long} (integers and the bits of
     * unsigned values), {@code Boolean} or {@code String}.
     */
    public Object asObject() {
        return switch (type) {
            case FLOAT -> Double.longBitsToDouble(bits);
            case INTEGER, UNSIGNED -> bits;
            case BOOLEAN -> bits != 0;
            case STRING -> string;
        };
    }

    private void check(FieldType expected) {
        if (type != expected) {
            throw new IllegalStateException("value is " + type + ", not " + expected);
        }
    }

    @Override
    public String toString() {
        return type + ":" + asObject();
    }
}
