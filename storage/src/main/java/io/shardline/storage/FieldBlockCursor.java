package io.shardline.storage;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;

/**
 * Streams one field as blocks of visible, deduplicated values in ascending time, series by series,
 * so that an aggregate runs over primitive arrays. The arrays belong to the cursor and are
 * overwritten by {@link #next()}: read {@code [0, size())} before advancing. Confined to one thread;
 * close it (try-with-resources).
 */
public interface FieldBlockCursor extends AutoCloseable {

    /** Moves to the next non-empty block; false at the end. */
    boolean next();

    /** The series of the current block. */
    SeriesKey series();

    /** The field's type. */
    FieldType type();

    /** Number of values in the current block. */
    int size();

    /** Timestamps of the current block. */
    long[] timestamps();

    /** Values of a FLOAT block. */
    double[] floats();

    /** Values of an INTEGER block, bits of an UNSIGNED block, 0/1 of a BOOLEAN block. */
    long[] longs();

    /** Values of a STRING block. */
    String[] strings();

    /** Releases the read view; idempotent. */
    @Override
    void close();
}
