package io.shardline.storage.rocks;

import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardStats;
import io.shardline.storage.Tombstone;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestBuilder;
import io.shardline.storage.digest.EntryHash;
import io.shardline.storage.digest.LeafSummary;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.digest.SeriesRows;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.TombstoneCodec;
import io.shardline.storage.internal.TombstoneSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The digest cache of a RocksDB shard: one leaf per (series, bucket) kept in the {@code digest}
 * column family and recomputed only for buckets changed since the last build. The set of changed
 * buckets lives in memory and is saved by a clean close; after a crash the whole cache is rebuilt
 * once. Builds are serialised; each works on one RocksDB snapshot, so a digest is consistent.
 */
final class RocksDigests {

    private record View(Snapshot snapshot, FieldCatalog catalog, TombstoneSet tombstones) {
    }

    private static final byte[] FIRST = new byte[8];
    private static final byte[] LAST = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF};

    private final ShardState state;
    private final DirtyBuckets dirty = new DirtyBuckets();
    private final Object buildLock = new Object();
    private boolean valid;
    /** The dirty set was dropped: the next build is a full one. Set under the write lock. */
    private volatile boolean overflowed;
    private int maxDirtySeries = 1 << 18;

    RocksDigests(ShardState state) {
        this.state = state;
        try {
            byte[] saved = state.db.db.get(state.db.meta, Keys.DIGEST_STATE);
            if (saved != null) {
                ByteSource in = new ByteSource(saved);
                for (int n = in.getVarInt(); n > 0; n--) {
                    int id = in.getIntBE();
                    dirty.mark(id, in.getIntBE(), 0);
                    dirty.mark(id, in.getIntBE(), 0);
                }
                state.db.db.delete(state.db.meta, Keys.DIGEST_STATE);
                valid = true;
            }
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "load digest state");
        }
    }

    /** For tests: a smaller bound of the dirty set. */
    void maxDirtySeries(int max) {
        maxDirtySeries = max;
    }

    /** Marks a changed bucket; called under the write lock. */
    void markDirty(int seriesId, int bucket) {
        if (!overflowed) {
            dirty.mark(seriesId, bucket, 0);
            checkOverflow();
        }
    }

    /** Marks every bucket of a series; called under the write lock. */
    void markSeries(int seriesId) {
        if (!overflowed) {
            dirty.markAll(seriesId, 0);
            checkOverflow();
        }
    }

    /**
     * Bounds the dirty set: past {@code maxDirtySeries} (262,144) series (a shard receiving new series
     * without digests being built, e.g. anti-entropy off) it is dropped and the next build
     * recomputes every leaf, so memory does not grow with the number of series.
     */
    private void checkOverflow() {
        if (dirty.size() > maxDirtySeries) {
            overflowed = true;
            dirty.clear();
        }
    }

    /** Forgets every cached leaf; the next build recomputes all of them. */
    void invalidate() {
        synchronized (buildLock) {
            valid = false;
        }
    }

    /** Saves the changed-bucket set so the next open trusts the cache (clean close only). */
    void save() throws RocksDBException {
        synchronized (buildLock) {
            if (!valid || overflowed) {
                return;
            }
            Map<Integer, DirtyBuckets.Range> d = dirty.takeAll();
            ByteSink out = new ByteSink(16 + d.size() * 12).putVarInt(d.size());
            d.forEach((id, r) -> out.putIntBE(id).putIntBE(r.min).putIntBE(r.max));
            state.db.db.put(state.db.meta, Keys.DIGEST_STATE, out.toByteArray());
        }
    }

    Digest digest(long cutoff) {
        synchronized (buildLock) {
            View view = refresh();
            try (ReadOptions ro = new ReadOptions().setSnapshot(view.snapshot())) {
                return build(ro, view, cutoff);
            } finally {
                state.db.db.releaseSnapshot(view.snapshot());
            }
        }
    }

    private Digest build(ReadOptions ro, View view, long cutoff) {
        DigestBuilder b = new DigestBuilder(Buckets.NANOS, cutoff);
        TombstoneSet tombstones = view.tombstones();
        FieldCatalog catalog = view.catalog();
        BlockLeaves leaves = new BlockLeaves();
        // The leaves were just written after the snapshot; only builds (serialised) write them.
        try (ReadOptions latest = new ReadOptions(); RocksIterator it = state.db.db.newIterator(state.db.digest, latest)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                int id = Keys.blockSeries(k);
                int bucket = Keys.blockBucket(k);
                LeafSummary leaf = decodeLeaf(it.value());
                if (leaf.maxVersion() >= cutoff) {
                    byte[] block = get(ro, k);
                    leaf = block == null ? LeafSummary.EMPTY
                            : leaves.leaf(state, catalog, tombstones, id, bucket, block, cutoff);
                }
                b.add(state.seriesKey(id), Buckets.start(bucket), leaf);
            }
        }
        for (Tombstone t : tombstones.all()) {
            if (t.version() < cutoff) {
                b.addTombstone(EntryHash.tombstone(TombstoneCodec.encode(t)));
            }
        }
        return b.build();
    }

    /** Visible point and value counts, from the leaves. */
    ShardStats stats(long sizeBytes) {
        synchronized (buildLock) {
            Snapshot snap = refresh().snapshot();
            long points = 0;
            long values = 0;
            try (ReadOptions latest = new ReadOptions();
                    RocksIterator it = state.db.db.newIterator(state.db.digest, latest)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    LeafSummary leaf = decodeLeaf(it.value());
                    points += leaf.rows();
                    values += leaf.values();
                }
            } finally {
                state.db.db.releaseSnapshot(snap);
            }
            return new ShardStats(state.index.liveSeries, points, values, sizeBytes, state.lastModified);
        }
    }

    RowDigest rowDigest(List<SeriesRange> ranges, long cutoff, long resolution) {
        List<SeriesRows> out = new ArrayList<>(ranges.size());
        BlockLeaves leaves = new BlockLeaves();
        FieldCatalog catalog = state.catalog;
        TombstoneSet tombstones = state.tombstones;
        Snapshot snap = state.db.db.getSnapshot();
        try (ReadOptions ro = new ReadOptions().setSnapshot(snap);
                RocksIterator it = state.db.db.newIterator(state.db.data, ro)) {
            for (SeriesRange r : ranges) {
                RocksResources.SeriesRef ref = state.index.ref(r.series());
                if (ref == null) {
                    out.add(new SeriesRows(r, new long[0], new long[0]));
                    continue;
                }
                leaves.begin(state, tombstones, ref.id(), cutoff);
                int last = Buckets.index(r.maxTime());
                for (it.seek(Keys.block(ref.id(), Buckets.index(r.minTime()))); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (Keys.blockSeries(k) != ref.id() || Keys.blockBucket(k) > last) {
                        break;
                    }
                    leaves.add(catalog, it.value(), Keys.blockBucket(k), r.minTime(), r.maxTime());
                }
                long[][] slots = RowDigest.coarsen(leaves.hasher.rowTimestamps(), leaves.hasher.rowHashes(),
                        leaves.hasher.rowCount(), resolution);
                out.add(new SeriesRows(r, slots[0], slots[1]));
            }
        } finally {
            state.db.db.releaseSnapshot(snap);
        }
        return new RowDigest(cutoff, resolution, out);
    }

    /** Recomputes changed leaves (all of them the first time); returns the view used. */
    private View refresh() {
        Map<Integer, DirtyBuckets.Range> work;
        boolean full;
        View view;
        state.writeLock.lock();
        try {
            work = dirty.takeAll();
            full = !valid || overflowed;
            overflowed = false;
            view = new View(state.db.db.getSnapshot(), state.catalog, state.tombstones);
        } finally {
            state.writeLock.unlock();
        }
        try (ReadOptions ro = new ReadOptions().setSnapshot(view.snapshot()); WriteBatch b = new WriteBatch();
                WriteOptions wo = new WriteOptions()) {
            LeafWriter w = new LeafWriter(state, ro, b, view.catalog(), view.tombstones());
            if (full) {
                w.rewrite(FIRST, LAST);
            } else {
                for (Map.Entry<Integer, DirtyBuckets.Range> e : work.entrySet()) {
                    w.rewrite(Keys.block(e.getKey(), e.getValue().min), Keys.block(e.getKey(), e.getValue().max));
                }
            }
            state.db.db.write(wo, b);
            valid = true;
            return view;
        } catch (RocksDBException | RuntimeException e) {
            dirty.restore(work);
            overflowed |= full;
            state.db.db.releaseSnapshot(view.snapshot());
            if (e instanceof RocksDBException re) {
                throw StorageErrors.wrap(re, state.id, state.db.dir, "digest build");
            }
            throw (RuntimeException) e;
        }
    }

    private byte[] get(ReadOptions ro, byte[] key) {
        try {
            return state.db.db.get(state.db.data, ro, key);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "digest read");
        }
    }

    static byte[] encodeLeaf(LeafSummary l) {
        return new ByteSink(32).putLongBE(l.hash()).putVarLong(l.values()).putVarLong(l.rows())
                .putLongBE(l.maxVersion()).toByteArray();
    }

    static LeafSummary decodeLeaf(byte[] v) {
        ByteSource in = new ByteSource(v);
        return new LeafSummary(in.getLongBE(), in.getVarLong(), in.getVarLong(), in.getLongBE());
    }

    /** Scans data keys in a range and writes their leaves into a batch. */
    private static final class LeafWriter {
        private final ShardState state;
        private final ReadOptions ro;
        private final WriteBatch batch;
        private final BlockLeaves leaves = new BlockLeaves();
        private final FieldCatalog catalog;
        private final TombstoneSet tombstones;

        LeafWriter(ShardState state, ReadOptions ro, WriteBatch batch, FieldCatalog catalog,
                TombstoneSet tombstones) {
            this.state = state;
            this.ro = ro;
            this.batch = batch;
            this.catalog = catalog;
            this.tombstones = tombstones;
        }

        /** Replaces the leaves of the block keys {@code from .. to}, inclusive. */
        void rewrite(byte[] from, byte[] to) throws RocksDBException {
            byte[] toExclusive = Arrays.copyOf(to, 9);
            batch.deleteRange(state.db.digest, from, toExclusive);
            try (RocksIterator it = state.db.db.newIterator(state.db.data, ro)) {
                for (it.seek(from); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (Arrays.compareUnsigned(k, to) > 0) {
                        break;
                    }
                    LeafSummary leaf = leaves.leaf(state, catalog, tombstones, Keys.blockSeries(k),
                            Keys.blockBucket(k), it.value(), Long.MAX_VALUE);
                    if (!leaf.isEmpty()) {
                        batch.put(state.db.digest, k, encodeLeaf(leaf));
                    }
                }
            }
        }
    }
}
