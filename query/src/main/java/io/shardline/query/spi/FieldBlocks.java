package io.shardline.query.spi;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;

/**
 * One field of some series as blocks of primitive arrays, series after series, each block in ascending time
 * with at most one value per timestamp: the fast path aggregates read. The arrays belong to the cursor and are
 * overwritten by {@link #next()}: read {@code [0, size())} before advancing. Confined to one thread; close it.
 */
public interface FieldBlocks extends AutoCloseable {

    /** Moves to the next non-empty block; false at the end. */
    boolean next();

    /** The series of the current block. */
    SeriesKey series();

    /** The type of the current block's values. */
    FieldType type();

    /** Number of values in the current block. */
    int size();

    /** Timestamps of the current block. */
    long[] timestamps();

    /** Values of a FLOAT block. */
    double[] floats();

    /** Values of an INTEGER block, the bits of an UNSIGNED block, 0/1 of a BOOLEAN block. */
    long[] longs();

    /** Values of a STRING block. */
    String[] strings();

    @Override
    void close();
}
