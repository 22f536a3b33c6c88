package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.ResolvedSeries;
import io.shardline.storage.internal.TombstoneSet;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * The base of RocksDB cursors: a snapshot with the catalog and tombstones of the same moment, and an
 * iterator over the data column family that walks the buckets of one series after another,
 * ascending or descending. Confined to one thread; its native handles are released by
 * {@link #release()}, from {@code close()} or from the store's close.
 */
abstract class DataCursor {

    final ShardState state;
    final StoreGuard guard;
    final FieldCatalog catalog;
    final TombstoneSet tombstones;
    private final Snapshot snapshot;
    private final ReadOptions ro;
    private final RocksIterator it;
    private final List<SeriesKey> series = new ArrayList<>();
    /** The ids of {@link #series} when the index resolved them for this shard; null: look each key up. */
    private final int[] ids;
    private final boolean descending;
    private final int firstBucket;
    private final int lastBucket;
    private int nextSeries;
    private int seriesId = -1;
    private boolean released;
    SeriesKey current;

    DataCursor(ShardState state, StoreGuard guard, String measurement, List<SeriesKey> wanted, long min, long max,
            boolean descending) {
        this.state = state;
        this.guard = guard;
        this.descending = descending;
        this.firstBucket = Buckets.index(min);
        this.lastBucket = Buckets.index(max);
        state.writeLock.lock();
        try {
            this.catalog = state.catalog;
            this.tombstones = state.tombstones;
            this.snapshot = state.db.db.getSnapshot();
        } finally {
            state.writeLock.unlock();
        }
        this.ro = new ReadOptions().setSnapshot(snapshot);
        this.it = state.db.db.newIterator(state.db.data, ro);
        this.ids = ResolvedSeries.idsOf(wanted, state.index, measurement);
        if (ids != null) {
            series.addAll(wanted); // sorted already, each with its id: no lookup per series
        } else {
            for (SeriesKey s : wanted) {
                if (s.measurement().equals(measurement)) {
                    series.add(s);
                }
            }
            series.sort(Utf8Order.SERIES);
        }
        guard.register(this);
    }

    /**
     * Moves to the next block (of this series, else of the next live series) and hands it to
     * {@link #block}; false at the end. Holds the store guard.
     */
    final boolean nextBlock() {
        guard.enter();
        try {
            while (!released) {
                if (seriesId >= 0 && it.isValid()) {
                    byte[] k = it.key();
                    int bucket = Keys.blockBucket(k);
                    if (Keys.blockSeries(k) == seriesId && bucket >= firstBucket && bucket <= lastBucket) {
                        byte[] value = it.value();
                        if (!block(bucket, value)) {
                            seriesId = -1; // this series is done: the next call seeks to the next one
                        } else if (descending) {
                            it.prev();
                        } else {
                            it.next();
                        }
                        return true;
                    }
                }
                if (!nextSeries()) {
                    return false;
                }
            }
            return false;
        } finally {
            guard.exit();
        }
    }

    private boolean nextSeries() {
        while (nextSeries < series.size()) {
            int i = nextSeries++;
            SeriesKey s = series.get(i);
            int id;
            if (ids != null) {
                // resolved from the live postings; one deleted since is hidden by the snapshot's tombstones
                id = ids[i];
            } else {
                RocksResources.SeriesRef ref = state.index.ref(s);
                if (ref == null || !ref.live()) {
                    continue;
                }
                id = ref.id();
            }
            if (!accept(s)) {
                continue;
            }
            seriesId = id;
            current = s;
            if (descending) {
                it.seekForPrev(Keys.block(seriesId, lastBucket));
            } else {
                it.seek(Keys.block(seriesId, firstBucket));
            }
            return true;
        }
        seriesId = -1;
        return false;
    }

    /** Whether to read series {@code s} at all (e.g. it has a requested field). */
    abstract boolean accept(SeriesKey s);

    /**
     * Handles one block of {@link #current}; returns whether to read further blocks of that series
     * (false: move on to the next series without stepping the iterator).
     */
    abstract boolean block(int bucket, byte[] value);

    /** Releases the native handles; idempotent. */
    final synchronized void release() {
        if (!released) {
            released = true;
            it.close();
            ro.close();
            state.db.db.releaseSnapshot(snapshot);
            guard.unregister(this);
        }
    }

    final boolean released() {
        return released;
    }
}
