package io.shardline.datanode.query;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.spi.FieldBlocks;
import io.shardline.storage.FieldBlockCursor;

/**
 * The query engine's {@link FieldBlocks} over the store's {@link FieldBlockCursor}; stops when the query is
 * stopped ({@link QueryInterrupts}) and counts the values it reads ({@link ScannedPoints}). Confined to one thread.
 */
final class StoreFieldBlocks implements FieldBlocks {

    private final ScannedPoints counted;
    private final FieldBlockCursor cursor;

    /** @param counted where the values read are counted ({@code max-select-point}); null: nowhere */
    StoreFieldBlocks(ScannedPoints counted, FieldBlockCursor cursor) {
        this.counted = counted;
        this.cursor = cursor;
    }

    @Override
    public boolean next() {
        QueryInterrupts.check(); // one look per block: a stopped query reads no further
        if (!cursor.next()) {
            return false;
        }
        if (counted != null) {
            counted.add(cursor.size());
        }
        return true;
    }

    @Override
    public SeriesKey series() {
        return cursor.series();
    }

    @Override
    public FieldType type() {
        return cursor.type();
    }

    @Override
    public int size() {
        return cursor.size();
    }

    @Override
    public long[] timestamps() {
        return cursor.timestamps();
    }

    @Override
    public double[] floats() {
        return cursor.floats();
    }

    @Override
    public long[] longs() {
        return cursor.longs();
    }

    @Override
    public String[] strings() {
        return cursor.strings();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
