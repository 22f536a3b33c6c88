package io.shardline.model;

import java.util.Optional;

/**
 * The five field value types of InfluxDB 1.x, with the names 1.x prints in error messages and
 * {@code SHOW FIELD KEYS} ({@code float}, {@code integer}, {@code unsigned}, {@code string},
 * {@code boolean}). Immutable.
 */
public enum FieldType {
    FLOAT("float"),
    INTEGER("integer"),
    UNSIGNED("unsigned"),
    STRING("string"),
    BOOLEAN("boolean");

    private static final FieldType[] VALUES = values();

    private final String influxName;

    FieldType(String influxName) {
        this.influxName = influxName;
    }

    /** The 1.x name, e.g. {@code "integer"}. */
    public String influxName() {
        return influxName;
    }

    /** The type with the given 1.x name, if any. */
    public static Optional<FieldType> fromInfluxName(String name) {
        for (FieldType t : VALUES) {
            if (t.influxName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return influxName;
    }
}
