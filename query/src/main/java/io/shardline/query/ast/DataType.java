package io.shardline.query.ast;

import io.shardline.model.FieldType;

/** The {@code ::type} cast of a variable reference, with 1.x's names. */
public enum DataType {
    UNKNOWN("unknown"), FLOAT("float"), INTEGER("integer"), STRING("string"), BOOLEAN("boolean"),
    TIME("time"), DURATION("duration"), TAG("tag"), FIELD("field"), UNSIGNED("unsigned");

    private final String text;

    DataType(String text) {
        this.text = text;
    }

    /** The 1.x name, e.g. {@code field}. */
    public String text() {
        return text;
    }

    /** The data type of a stored field type. */
    public static DataType of(FieldType type) {
        return switch (type) {
            case FLOAT -> FLOAT;
            case INTEGER -> INTEGER;
            case UNSIGNED -> UNSIGNED;
            case STRING -> STRING;
            case BOOLEAN -> BOOLEAN;
        };
    }

    /** Whether this is one of the five field value types. */
    public boolean isFieldValueType() {
        return this == FLOAT || this == INTEGER || this == STRING || this == BOOLEAN || this == UNSIGNED;
    }

    @Override
    public String toString() {
        return text;
    }
}
