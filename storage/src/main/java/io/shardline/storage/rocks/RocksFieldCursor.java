package io.shardline.storage.rocks;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldBlockCursor;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.SeriesTombstones;

/**
 * One field of a RocksDB shard as blocks of primitive arrays: only that field's column of each block
 * is decoded (the others are skipped by length). A first/last-only request reads each series from
 * its oldest/newest bucket in the range and stops at the first block with a visible value: one
 * seek per series. Confined to one thread.
 */
final class RocksFieldCursor extends DataCursor implements FieldBlockCursor {

    private final FieldScanRequest request;
    private final int fieldId;
    private final BlockReader reader = new BlockReader();
    private final BlockColumns columns = new BlockColumns();
    private SeriesKey tombstonesOf;
    private SeriesTombstones seriesTombstones;
    private Column column;
    private SeriesKey blockSeries;
    private double[] floats = new double[0];

    RocksFieldCursor(ShardState state, StoreGuard guard, FieldScanRequest request) {
        super(state, guard, request.measurement(), request.series(), request.range().min(), request.range().max(),
                request.pick() == FieldScanRequest.Pick.LAST);
        this.request = request;
        FieldCatalog.FieldInfo f = catalog.get(request.measurement(), request.field());
        this.fieldId = f == null ? -1 : f.id();
    }

    @Override
    boolean accept(SeriesKey s) {
        return fieldId >= 0;
    }

    @Override
    boolean block(int bucket, byte[] value) {
        if (current != tombstonesOf) {
            tombstonesOf = current;
            seriesTombstones = tombstones.forSeries(current);
        }
        reader.read(value, Buckets.start(bucket), id -> id == fieldId, columns);
        BlockReader.filter(columns, seriesTombstones, request.range().min(), request.range().max());
        column = columns.get(fieldId);
        blockSeries = current;
        if (request.pick() == FieldScanRequest.Pick.ALL || column == null || column.size == 0) {
            return true;
        }
        // FIRST reads the series' blocks ascending, LAST descending: the first block with a visible
        // value in the range holds the wanted one, and no later block can beat it
        column.keepEnd(request.pick() == FieldScanRequest.Pick.LAST);
        return false;
    }

    @Override
    public boolean next() {
        while (!released() && nextBlock()) {
            if (column != null && column.size > 0) {
                if (column.type == FieldType.FLOAT) {
                    if (floats.length < column.size) {
                        floats = new double[Math.max(column.size, floats.length * 2)];
                    }
                    long[] b = column.bits;
                    for (int i = 0; i < column.size; i++) {
                        floats[i] = Double.longBitsToDouble(b[i]);
                    }
                }
                return true;
            }
        }
        column = null;
        return false;
    }

    @Override
    public SeriesKey series() {
        return blockSeries;
    }

    @Override
    public FieldType type() {
        return column == null ? null : column.type;
    }

    @Override
    public int size() {
        return column == null ? 0 : column.size;
    }

    @Override
    public long[] timestamps() {
        return column.ts;
    }

    @Override
    public double[] floats() {
        return floats;
    }

    @Override
    public long[] longs() {
        return column.bits;
    }

    @Override
    public String[] strings() {
        return column.strings == null ? new String[0] : column.strings;
    }

    @Override
    public void close() {
        release();
    }
}
