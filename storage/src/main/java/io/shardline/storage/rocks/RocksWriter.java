package io.shardline.storage.rocks;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.WriteResult;
import io.shardline.storage.block.BlockBatch;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.SeriesAdmission;
import io.shardline.storage.internal.TombstoneSet;
import io.shardline.storage.internal.WriteValidator;
import io.shardline.storage.rocks.FieldCatalog.FieldInfo;
import io.shardline.storage.rocks.RocksResources.SeriesRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The write path of a RocksDB shard: validation (the functional core), series and field creation,
 * grouping values by (series, bucket) and appending one segment per group with a merge, all in one
 * atomic write batch that reaches the log before the call returns. Values a tombstone hides are not
 * stored. Called under the store's write lock.
 */
final class RocksWriter {

    private final ShardState state;
    private final RocksDigests digests;

    RocksWriter(ShardState state, RocksDigests digests) {
        this.state = state;
        this.digests = digests;
    }

    WriteResult write(List<Point> points, long version) {
        TombstoneSet tombstones = state.tombstones;
        try (SeriesLookup lookup = new SeriesLookup(state.index)) {
            lookup.prefetch(points);
            SeriesAdmission gate = new SeriesAdmission(lookup, tombstones, version,
                    state.config.maxSeriesPerDatabase(), state.config.maxValuesPerTag());
            WriteValidator.Outcome o = WriteValidator.validate(points, state.catalog::type, gate);
            if (o.accepted().isEmpty()) {
                return new WriteResult(0, o.dropped(), o.firstReason());
            }
            return store(o, version, tombstones, lookup);
        }
    }

    private WriteResult store(WriteValidator.Outcome o, long version, TombstoneSet tombstones, SeriesLookup lookup) {
        try (WriteBatch b = new WriteBatch()) {
            FieldCatalog catalog = addFields(state.catalog, o.newFields(), b);
            BlockBatch values = state.batch;
            values.clear();
            Batch batch = new Batch(b, lookup);
            for (Point p : o.accepted()) {
                if (!tombstones.isEmpty() && tombstones.hides(p.series(), p.timestamp(), version)) {
                    continue;
                }
                int id = batch.liveSeries(p.series());
                int bucket = Buckets.index(p.timestamp());
                for (int i = 0; i < p.fieldCount(); i++) {
                    FieldInfo f = catalog.get(p.measurement(), p.fieldKey(i));
                    FieldType t = p.fieldType(i);
                    values.add(id, bucket, f.id(), t, p.timestamp(), version, t == FieldType.STRING ? 0 : p.rawBits(i),
                            t == FieldType.STRING ? p.stringValue(i) : null);
                }
            }
            batch.addIndexEntries();
            long bytes = b.getDataSize();
            finish(b, values, batch.changedIndex, "write", batch.firstNewId);
            state.catalog = catalog;
            return new WriteResult(o.accepted().size(), o.dropped(), o.firstReason(), batch.seriesCreated,
                    o.fieldsCreated(), bytes);
        } catch (RocksDBException e) {
            state.index.forgetCached();
            throw StorageErrors.wrap(e, state.id, state.db.dir, "write");
        }
    }

    /** Appends the groups, counters and last-modified, commits and marks the buckets dirty. */
    void finish(WriteBatch b, BlockBatch values, boolean countersChanged, String operation) throws RocksDBException {
        finish(b, values, countersChanged, operation, Integer.MAX_VALUE);
    }

    /**
     * As {@link #finish(WriteBatch, BlockBatch, boolean, String)}; a bucket of a series created by this
     * batch (id at or above {@code firstNewSeriesId}) holding one row is not marked for a background
     * rewrite: its block is this one segment, which a rewrite would not make smaller, so a load of
     * series written once no longer schedules one rewrite per series.
     */
    void finish(WriteBatch b, BlockBatch values, boolean countersChanged, String operation, int firstNewSeriesId)
            throws RocksDBException {
        for (BlockBatch.Group g : values.groups()) {
            b.merge(state.db.data, Keys.block(g.seriesId, g.bucket), values.encode(g, Buckets.start(g.bucket)));
        }
        if (countersChanged) {
            state.putCounters(b);
        }
        state.touch(b);
        state.commit(b, operation);
        long now = state.clock.monotonicNanos();
        for (BlockBatch.Group g : values.groups()) {
            if (g.seriesId < firstNewSeriesId || !g.oneRow()) {
                state.rewriteDirty.mark(g.seriesId, g.bucket, now);
            }
            digests.markDirty(g.seriesId, g.bucket);
        }
        values.clear();
    }

    /** Gives new fields ids, adds them to {@code b}, returns the catalog to publish after commit. */
    FieldCatalog addFields(FieldCatalog catalog, Map<WriteValidator.MeasurementField, FieldType> added, WriteBatch b)
            throws RocksDBException {
        if (added.isEmpty()) {
            return catalog;
        }
        List<FieldInfo> infos = new ArrayList<>(added.size());
        for (Map.Entry<WriteValidator.MeasurementField, FieldType> e : added.entrySet()) {
            FieldInfo f = new FieldInfo(state.nextFieldId++, e.getKey().measurement(), e.getKey().field(), e.getValue());
            b.put(state.db.meta, Keys.field(f.id()), FieldCatalog.encode(f));
            infos.add(f);
        }
        state.putCounters(b);
        return catalog.with(infos);
    }

    /**
     * Resolves series to ids within one batch, creating and reviving them as needed; the index entries
     * that adds reach the write batch in key order at {@link #addIndexEntries} (see {@link IndexPuts}).
     */
    final class Batch {
        private final WriteBatch b;
        private final SeriesLookup lookup;
        private final IndexPuts indexPuts = new IndexPuts();
        private final Set<String> newTagValues = new HashSet<>();
        /** Ids from here on are of series this batch created. */
        final int firstNewId = state.index.nextSeriesId;
        boolean changedIndex;
        /** Series this batch created or revived. */
        int seriesCreated;

        Batch(WriteBatch b, SeriesLookup lookup) {
            this.b = b;
            this.lookup = lookup;
        }

        /** The id of {@code s}, made live (the caller stores a visible value). */
        int liveSeries(SeriesKey s) throws RocksDBException {
            SeriesRef ref = lookup.ref(s);
            if (ref != null && ref.live()) {
                return ref.id();
            }
            changedIndex = true;
            seriesCreated++;
            ref = ref == null ? state.index.createLive(s, indexPuts, lookup, newTagValues)
                    : state.index.makeLive(ref.id(), s, indexPuts, lookup, newTagValues);
            return ref.id();
        }

        /** Adds the index entries of the series made live so far to the write batch; before it commits. */
        void addIndexEntries() throws RocksDBException {
            indexPuts.addTo(b, state.db.index);
        }
    }
}
