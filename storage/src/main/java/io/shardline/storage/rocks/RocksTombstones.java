package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import io.shardline.storage.Tombstone;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Hashing;
import io.shardline.storage.internal.SeriesTombstones;
import io.shardline.storage.internal.TombstoneCodec;
import io.shardline.storage.internal.TombstoneSet;
import io.shardline.storage.rocks.RocksResources.SeriesRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Deletes of a RocksDB shard. Adding a tombstone is cheap for data (values stay until their block
 * is rewritten, invisible meanwhile) but updates the index: a series left without a visible value
 * leaves the live index, and a measurement left without live series forgets its field types.
 * Purging first rewrites the blocks a tombstone covers, then forgets it. Called under the write lock
 * (except {@link #purgeExpired}, which takes it per step).
 */
final class RocksTombstones {

    private final ShardState state;
    private final RocksDigests digests;
    private final BlockReader reader = new BlockReader();
    private final BlockColumns columns = new BlockColumns();

    RocksTombstones(ShardState state, RocksDigests digests) {
        this.state = state;
        this.digests = digests;
    }

    /** Records {@code t}; false if it was known. */
    boolean add(Tombstone t) {
        TombstoneSet next = state.tombstones.with(t);
        if (next == state.tombstones) {
            return false;
        }
        FieldCatalog catalog = state.catalog;
        List<Integer> affected = new ArrayList<>();
        try (WriteBatch b = new WriteBatch()) {
            byte[] encoded = TombstoneCodec.encode(t);
            b.put(state.db.meta, Keys.tombstone(t.version(), Hashing.fnv64a(encoded)), encoded);
            boolean changed = false;
            for (String m : measurements(t)) {
                int[] dead = killHidden(m, t, next, b, affected);
                changed |= dead.length > 0;
                if (IdSets.minus(state.index.queries.liveIds(m), dead).length == 0) {
                    for (FieldCatalog.FieldInfo f : catalog.fields(m)) {
                        b.delete(state.db.meta, Keys.field(f.id()));
                    }
                    catalog = catalog.withoutMeasurement(m);
                }
            }
            if (changed) {
                state.putCounters(b);
            }
            state.touch(b);
            state.commit(b, "delete");
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "delete");
        }
        state.tombstones = next;
        state.catalog = catalog;
        affected.forEach(digests::markSeries);
        return true;
    }

    /** Removes from the live index the series of {@code m} that {@code t} leaves without a visible value. */
    private int[] killHidden(String m, Tombstone t, TombstoneSet next, WriteBatch b, List<Integer> affected)
            throws RocksDBException {
        List<Integer> killed = new ArrayList<>();
        for (int id : state.index.queries.allIds(m)) {
            SeriesKey key = state.seriesKey(id);
            if (!t.appliesTo(key)) {
                continue;
            }
            affected.add(id);
            SeriesRef ref = state.index.ref(key);
            if (ref != null && ref.live() && !anyVisible(id, key, next)) {
                state.index.makeDead(id, key, b);
                killed.add(id);
            }
        }
        return killed.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private Set<String> measurements(Tombstone t) {
        if (t.measurement() != null) {
            return Set.of(t.measurement());
        }
        Set<String> all = new LinkedHashSet<>(state.index.queries.allMeasurements());
        all.addAll(state.catalog.measurements());
        return all;
    }

    /** Whether series {@code id} still has a value no tombstone of {@code tombstones} hides. */
    boolean anyVisible(int id, SeriesKey key, TombstoneSet tombstones) {
        SeriesTombstones st = tombstones.forSeries(key);
        FieldCatalog catalog = state.catalog;
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = state.db.db.newIterator(state.db.data, ro)) {
            for (it.seek(Keys.block(id, Integer.MIN_VALUE)); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (Keys.blockSeries(k) != id) {
                    return false;
                }
                reader.read(it.value(), Buckets.start(Keys.blockBucket(k)), catalog::contains, columns);
                BlockReader.filter(columns, st, Long.MIN_VALUE, Long.MAX_VALUE);
                if (columns.count() > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Purges tombstones older than the grace period, after rewriting the blocks they cover. */
    void purgeExpired(BlockRewriter rewriter) {
        long cutoff = state.clock.wallMillis() - state.config.tombstoneGracePeriod().toMillis();
        Set<Tombstone> expired = state.tombstones.olderThan(cutoff);
        if (expired.isEmpty()) {
            return;
        }
        for (Tombstone t : expired) {
            for (String m : measurements(t)) {
                for (int id : state.index.queries.allIds(m)) {
                    if (t.appliesTo(state.seriesKey(id))) {
                        rewriter.rewriteSeries(id, Buckets.index(t.minTime()), Buckets.index(t.maxTime()));
                    }
                }
            }
        }
        state.writeLock.lock();
        try (WriteBatch b = new WriteBatch()) {
            for (Tombstone t : expired) {
                byte[] encoded = TombstoneCodec.encode(t);
                b.delete(state.db.meta, Keys.tombstone(t.version(), Hashing.fnv64a(encoded)));
            }
            state.commit(b, "purge tombstones");
            state.tombstones = state.tombstones.without(expired);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "purge tombstones");
        } finally {
            state.writeLock.unlock();
        }
    }
}
