package io.shardline.storage.internal;

import io.shardline.model.FieldType;

/**
 * The one-byte codes of field types in every storage format (blocks, digests, patches, snapshots).
 * Fixed forever: never reuse or renumber. Stateless.
 */
public final class FieldTypeCodes {

    private static final FieldType[] BY_CODE = {null, FieldType.FLOAT, FieldType.INTEGER, FieldType.UNSIGNED,
            FieldType.STRING, FieldType.BOOLEAN};

    private FieldTypeCodes() {
    }

    /** 1 float, 2 integer, 3 unsigned, 4 string, 5 boolean. */
    public static int code(FieldType t) {
        return switch (t) {
            case FLOAT -> 1;
            case INTEGER -> 2;
            case UNSIGNED -> 3;
            case STRING -> 4;
            case BOOLEAN -> 5;
        };
    }

    /** The type of {@code code}; {@link io.shardline.common.error.ErrorCode#CORRUPTED} if unknown. */
    public static FieldType type(int code) {
        if (code <= 0 || code >= BY_CODE.length) {
            throw ByteSource.corrupted("unknown field type code " + code);
        }
        return BY_CODE[code];
    }
}
