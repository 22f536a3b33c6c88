package io.shardline.storage.patch;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.Tombstone;

/**
 * Receives the content of a {@link Patch}: first its tombstones, then its values series by series
 * in ascending time. Implemented by the stores when applying a patch.
 */
public interface PatchVisitor {

    void tombstone(Tombstone tombstone);

    /** One value; {@code string} is non-null exactly for strings. */
    void entry(SeriesKey series, String field, FieldType type, long timestamp, long version, long bits,
            String string);
}
