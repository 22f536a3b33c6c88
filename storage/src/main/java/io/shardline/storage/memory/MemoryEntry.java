package io.shardline.storage.memory;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.EntryOrder;
import io.shardline.storage.internal.FieldTypeCodes;

/** One stored value with its version. Immutable. */
record MemoryEntry(long version, FieldType type, long bits, String string) {

    /** Whether this value beats {@code other} for the same series, field and time. */
    boolean beats(MemoryEntry other) {
        return EntryOrder.compare(version, FieldTypeCodes.code(type), bits, string,
                other.version, FieldTypeCodes.code(other.type), other.bits, other.string) > 0;
    }
}
