package io.shardline.storage.rocks;

import io.shardline.model.FieldType;
import io.shardline.model.Hlc;
import io.shardline.model.SeriesKey;
import io.shardline.storage.PatchResult;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.Ranges;
import io.shardline.storage.internal.SeriesTombstones;
import io.shardline.storage.internal.TombstoneSet;
import io.shardline.storage.internal.WriteValidator;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.patch.PatchVisitor;
import io.shardline.storage.patch.PatchWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;

/**
 * Patch export (visible values of some ranges, read from one snapshot, plus every tombstone) and
 * patch merge (tombstones first, then values through the normal write machinery with their own
 * versions; series limits do not apply to repairs). Apply runs under the write lock.
 */
final class RocksPatches {

    private final ShardState state;
    private final RocksWriter writer;
    private final RocksTombstones tombstones;

    RocksPatches(ShardState state, RocksWriter writer, RocksTombstones tombstones) {
        this.state = state;
        this.writer = writer;
        this.tombstones = tombstones;
    }

    Patch export(List<SeriesRange> ranges, boolean withTombstones) {
        PatchWriter w = new PatchWriter();
        TombstoneSet ts;
        FieldCatalog catalog;
        Snapshot snap;
        state.writeLock.lock();
        try {
            ts = state.tombstones;
            catalog = state.catalog;
            snap = state.db.db.getSnapshot();
        } finally {
            state.writeLock.unlock();
        }
        if (withTombstones) {
            ts.all().forEach(w::tombstone);
        }
        try (ReadOptions ro = new ReadOptions().setSnapshot(snap);
                RocksIterator it = state.db.db.newIterator(state.db.data, ro)) {
            SeriesExport export = new SeriesExport(it, catalog);
            for (Map.Entry<SeriesKey, List<long[]>> e : Ranges.bySeries(ranges).entrySet()) {
                RocksResources.SeriesRef ref = state.index.ref(e.getKey());
                if (ref != null && ref.live()) {
                    w.series(e.getKey(), export.columns(ref.id(), ts.forSeries(e.getKey()), e.getValue()));
                }
            }
        } finally {
            state.db.db.releaseSnapshot(snap);
        }
        return w.finish();
    }

    /** Reads one series' visible values in some intervals into one column per field. */
    private static final class SeriesExport {
        private final RocksIterator it;
        private final FieldCatalog catalog;
        private final BlockReader reader = new BlockReader();
        private final BlockColumns cols = new BlockColumns();

        SeriesExport(RocksIterator it, FieldCatalog catalog) {
            this.it = it;
            this.catalog = catalog;
        }

        List<Column> columns(int id, SeriesTombstones st, List<long[]> intervals) {
            Map<Integer, Column> acc = new TreeMap<>();
            for (long[] iv : intervals) {
                int last = Buckets.index(iv[1]);
                for (it.seek(Keys.block(id, Buckets.index(iv[0]))); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (Keys.blockSeries(k) != id || Keys.blockBucket(k) > last) {
                        break;
                    }
                    reader.read(it.value(), Buckets.start(Keys.blockBucket(k)), catalog::contains, cols);
                    BlockReader.filter(cols, st, iv[0], iv[1]);
                    append(cols, acc, catalog);
                }
            }
            List<Column> list = new ArrayList<>(acc.values());
            list.sort(Comparator.comparing(c -> c.field));
            return list;
        }
    }

    private static void append(BlockColumns cols, Map<Integer, Column> acc, FieldCatalog catalog) {
        for (int i = 0; i < cols.count(); i++) {
            Column c = cols.at(i);
            Column a = acc.computeIfAbsent(c.fieldId,
                    id -> new Column(c.size).reset(id, catalog.byId(id).field(), c.type));
            for (int j = 0; j < c.size; j++) {
                a.addFrom(c, j);
            }
        }
    }

    /** Merges {@code patch}; tombstones older than {@code tombstoneMinMillis} are skipped. */
    PatchResult apply(Patch patch, long tombstoneMinMillis) {
        Applier a = new Applier(tombstoneMinMillis);
        try (WriteBatch b = new WriteBatch(); SeriesLookup lookup = new SeriesLookup(state.index)) {
            a.batch = b;
            a.series = writer.new Batch(b, lookup);
            state.batch.clear();
            patch.accept(a);
            a.series.addIndexEntries();
            if (!state.batch.isEmpty() || a.catalog != state.catalog) {
                writer.finish(b, state.batch, true, "apply patch");
                state.catalog = a.catalog;
            }
        } catch (RocksDBException e) {
            state.index.forgetCached();
            throw StorageErrors.wrap(e, state.id, state.db.dir, "apply patch");
        } finally {
            state.batch.clear();
        }
        return new PatchResult(a.merged, a.dropped, a.added, a.reason);
    }

    /** Visits a patch, staging its values in the shared block batch. */
    private final class Applier implements PatchVisitor {
        private final long tombstoneMinMillis;
        WriteBatch batch;
        RocksWriter.Batch series;
        FieldCatalog catalog = state.catalog;
        long merged;
        long dropped;
        int added;
        String reason;

        Applier(long tombstoneMinMillis) {
            this.tombstoneMinMillis = tombstoneMinMillis;
        }

        @Override
        public void tombstone(Tombstone t) {
            if (Hlc.physicalMillis(t.version()) >= tombstoneMinMillis && tombstones.add(t)) {
                added++;
                catalog = state.catalog;
            }
        }

        @Override
        public void entry(SeriesKey s, String field, FieldType type, long ts, long version, long bits, String string) {
            FieldCatalog.FieldInfo f = catalog.get(s.measurement(), field);
            try {
                if (f == null) {
                    catalog = writer.addFields(catalog, Map.of(new WriteValidator.MeasurementField(s.measurement(),
                            field), type), batch);
                    f = catalog.get(s.measurement(), field);
                } else if (f.type() != type) {
                    dropped++;
                    reason = reason != null ? reason
                            : WriteValidator.conflictMessage(field, s.measurement(), type, f.type());
                    return;
                }
                merged++;
                if (state.tombstones.hides(s, ts, version)) {
                    return;
                }
                int id = series.liveSeries(s);
                state.batch.add(id, Buckets.index(ts), f.id(), type, ts, version, bits, string);
            } catch (RocksDBException e) {
                throw StorageErrors.wrap(e, state.id, state.db.dir, "apply patch");
            }
        }
    }
}
