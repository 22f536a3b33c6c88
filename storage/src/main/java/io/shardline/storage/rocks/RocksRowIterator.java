package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import io.shardline.storage.CloseableIterator;
import io.shardline.storage.Row;
import io.shardline.storage.ScanRequest;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.RowAssembler;
import io.shardline.storage.internal.SeriesTombstones;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Rows of a RocksDB shard, decoded one block at a time. Confined to one thread. */
final class RocksRowIterator extends DataCursor implements CloseableIterator<Row> {

    private final ScanRequest request;
    private final int[] fieldIds;
    private final BlockReader reader = new BlockReader();
    private final BlockColumns columns = new BlockColumns();
    private final List<Row> buffer = new ArrayList<>();
    private final Column[] picked;
    private SeriesKey tombstonesOf;
    private SeriesTombstones seriesTombstones;
    private int pos;

    RocksRowIterator(ShardState state, StoreGuard guard, ScanRequest request) {
        super(state, guard, request.measurement(), request.series(), request.range().min(), request.range().max(),
                request.descending());
        this.request = request;
        this.fieldIds = new int[request.fields().size()];
        this.picked = new Column[fieldIds.length];
        for (int i = 0; i < fieldIds.length; i++) {
            FieldCatalog.FieldInfo f = catalog.get(request.measurement(), request.fields().get(i));
            fieldIds[i] = f == null ? -1 : f.id();
        }
    }

    @Override
    boolean accept(SeriesKey s) {
        for (int id : fieldIds) {
            if (id >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean block(int bucket, byte[] value) {
        if (current != tombstonesOf) {
            tombstonesOf = current;
            seriesTombstones = tombstones.forSeries(current);
        }
        reader.read(value, Buckets.start(bucket), this::wanted, columns);
        BlockReader.filter(columns, seriesTombstones, request.range().min(), request.range().max());
        for (int i = 0; i < fieldIds.length; i++) {
            picked[i] = fieldIds[i] < 0 ? null : columns.get(fieldIds[i]);
        }
        RowAssembler.assemble(current, picked, request.descending(), buffer);
        return true;
    }

    private boolean wanted(int fieldId) {
        for (int id : fieldIds) {
            if (id == fieldId) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        while (pos >= buffer.size()) {
            buffer.clear();
            pos = 0;
            if (released() || !nextBlock()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.get(pos++);
    }

    @Override
    public void close() {
        release();
        buffer.clear();
    }
}
