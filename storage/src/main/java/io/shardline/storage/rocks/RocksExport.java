package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.SeriesKey;
import io.shardline.model.lp.LineProtocolWriter;
import io.shardline.storage.TimeRange;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.SeriesTombstones;
import io.shardline.storage.internal.TombstoneSet;
import java.io.IOException;
import java.io.Writer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * Line-protocol export of a RocksDB shard from one snapshot: live series in key order (the order of
 * the index's series-key entries), then fields in key order, then time, one line per value.
 * Streams block by block. Stateless apart from its reusable decoders.
 */
final class RocksExport {

    private final ShardState state;
    private final BlockReader reader = new BlockReader();
    private final BlockColumns columns = new BlockColumns();

    RocksExport(ShardState state) {
        this.state = state;
    }

    long export(TimeRange range, Writer out) {
        TombstoneSet ts;
        FieldCatalog catalog;
        Snapshot snap;
        state.writeLock.lock();
        try {
            ts = state.tombstones;
            catalog = state.catalog;
            // A secondary instance's view is already fixed, and its snapshots would not see the
            // writes it replayed from the log.
            snap = state.db.secondary ? null : state.db.db.getSnapshot();
        } finally {
            state.writeLock.unlock();
        }
        long lines = 0;
        byte[] prefix = {Keys.SERIES_BY_KEY};
        StringBuilder b = new StringBuilder(8192);
        try (ReadOptions ro = snap == null ? new ReadOptions() : new ReadOptions().setSnapshot(snap);
                RocksIterator index = state.db.db.newIterator(state.db.index, ro);
                RocksIterator data = state.db.db.newIterator(state.db.data, ro)) {
            for (index.seek(prefix); index.isValid() && Keys.startsWith(index.key(), prefix); index.next()) {
                byte[] v = index.value();
                if (v[4] == 0) {
                    continue;
                }
                int id = Keys.readInt(v, 0);
                SeriesKey series = state.seriesKey(id);
                SeriesTombstones st = ts.forSeries(series);
                for (FieldCatalog.FieldInfo f : catalog.fields(series.measurement())) {
                    lines += exportField(data, id, series, f, st, range, b, out);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, state.id + ": export failed: " + e.getMessage(), e);
        } finally {
            if (snap != null) {
                state.db.db.releaseSnapshot(snap);
            }
        }
        return lines;
    }

    private long exportField(RocksIterator data, int id, SeriesKey series, FieldCatalog.FieldInfo f,
            SeriesTombstones st, TimeRange range, StringBuilder b, Writer out) throws IOException {
        long lines = 0;
        int last = Buckets.index(range.max());
        for (data.seek(Keys.block(id, Buckets.index(range.min()))); data.isValid(); data.next()) {
            byte[] k = data.key();
            if (Keys.blockSeries(k) != id || Keys.blockBucket(k) > last) {
                break;
            }
            reader.read(data.value(), Buckets.start(Keys.blockBucket(k)), x -> x == f.id(), columns);
            BlockReader.filter(columns, st, range.min(), range.max());
            Column c = columns.get(f.id());
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.size; i++) {
                LineProtocolWriter.appendExportLine(b, series, f.field(), c.type, c.bits[i], c.string(i), c.ts[i]);
            }
            lines += c.size;
            out.append(b);
            b.setLength(0);
        }
        return lines;
    }
}
