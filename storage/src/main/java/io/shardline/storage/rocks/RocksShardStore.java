package io.shardline.storage.rocks;

import io.shardline.common.time.Clock;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.CloseableIterator;
import io.shardline.storage.FieldBlockCursor;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.PatchResult;
import io.shardline.storage.Row;
import io.shardline.storage.ScanRequest;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStats;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.WriteResult;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.internal.ResolvedSeries;
import io.shardline.storage.internal.Utf8Order;
import io.shardline.storage.patch.Patch;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A shard stored in its own RocksDB instance (directory {@code <data dir>/<db>/<rp>/<id>}, log in the
 * same layout under the WAL directory); the on-disk format is described in {@link Keys} and
 * {@link io.shardline.storage.block.BlockCodec}. Thread-safe: mutations are serialised by one write
 * lock, reads use RocksDB snapshots without it, and close waits for running calls.
 */
public final class RocksShardStore implements ShardStore {

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final AtomicLong SNAPSHOTS = new AtomicLong();

    private final ShardState state;
    private final StoreGuard guard;
    private final RocksDigests digests;
    private final RocksWriter writer;
    private final RocksTombstones tombstones;
    private final RocksPatches patches;
    private final BlockRewriter rewriter;
    private final Object maintenance = new Object();

    private RocksShardStore(ShardState state) {
        this.state = state;
        this.guard = new StoreGuard(state.id);
        this.digests = new RocksDigests(state);
        this.writer = new RocksWriter(state, digests);
        this.tombstones = new RocksTombstones(state, digests);
        this.patches = new RocksPatches(state, writer, tombstones);
        this.rewriter = new BlockRewriter(state);
    }

    /** Opens (or creates) the shard; the caller maps failures to the shard's status. */
    static RocksShardStore open(ShardId id, Path dir, Path walDir, RocksResources res, Clock clock, boolean create) {
        ShardDb db = ShardDb.open(id, dir, walDir, res, create);
        try {
            return new RocksShardStore(new ShardState(id, db, res, clock, INSTANCES.incrementAndGet()));
        } catch (RuntimeException e) {
            db.close();
            throw StorageErrors.wrap(e, id, dir, "open");
        }
    }

    @Override
    public ShardId id() {
        return state.id;
    }

    Path dir() {
        return state.db.dir;
    }

    /** For tests in this package. */
    ShardState state() {
        return state;
    }

    /** For tests in this package. */
    RocksDigests digests() {
        return digests;
    }

    Path walDir() {
        return state.db.walDir;
    }

    @Override
    public WriteResult write(List<Point> points, long version) {
        return durable(() -> writer.write(points, version));
    }

    /**
     * The bulk path into this store, for a conversion's hidden staging store only (it skips the log;
     * see {@link RocksBulkLoad}).
     */
    RocksBulkLoad bulkLoad() {
        return bulkLoad(RocksBulkLoad.COMMIT_VALUES);
    }

    /** For tests: {@link #bulkLoad()} committing every {@code commitValues} values. */
    RocksBulkLoad bulkLoad(int commitValues) {
        return guard.call(() -> new RocksBulkLoad(state, writer, digests, commitValues));
    }

    @Override
    public void delete(Tombstone tombstone) {
        durable(() -> tombstones.add(tombstone));
    }

    /**
     * Runs a mutation under the write lock, then (lock released, so concurrent writers can queue their own
     * commits behind it) waits until the log is synced through it when every write must be durable on return.
     */
    private <T> T durable(Supplier<T> body) {
        return guard.call(() -> {
            long before;
            long after;
            T result;
            state.writeLock.lock();
            try {
                before = state.log.appended();
                result = body.get();
                after = state.log.appended();
            } finally {
                state.writeLock.unlock();
            }
            if (after != before) {
                state.awaitDurable(after);
            }
            return result;
        });
    }

    @Override
    public List<String> measurements(TagPredicate predicate) {
        return guard.call(() -> {
            List<String> out = new ArrayList<>();
            for (String m : state.index.queries.liveMeasurements()) {
                if (predicate instanceof TagPredicate.All || state.index.queries.resolve(m, predicate).length > 0) {
                    out.add(m);
                }
            }
            out.sort(Utf8Order.STRINGS);
            return out;
        });
    }

    @Override
    public List<SeriesKey> series(String measurement, TagPredicate predicate) {
        return guard.call(() -> {
            int[] ids = state.index.queries.resolve(measurement, predicate);
            SeriesKey[] keys = state.index.keys(ids);
            int[] order = state.index.keyOrder(measurement, ids);
            return order != null ? ResolvedSeries.ordered(state.index, measurement, keys, ids, order)
                    : ResolvedSeries.sorted(state.index, measurement, keys, ids);
        });
    }

    @Override
    public List<String> tagKeys(String measurement, TagPredicate predicate) {
        if (predicate instanceof TagPredicate.All) {
            return guard.call(() -> sorted(state.index.queries.tagKeys(measurement)));
        }
        TreeSet<String> keys = new TreeSet<>(Utf8Order.STRINGS);
        for (SeriesKey s : series(measurement, predicate)) {
            for (int i = 0; i < s.tagCount(); i++) {
                keys.add(s.tagKey(i));
            }
        }
        return new ArrayList<>(keys);
    }

    @Override
    public List<String> tagValues(String measurement, String tagKey, TagPredicate predicate) {
        if (predicate instanceof TagPredicate.All) {
            return guard.call(() -> sorted(state.index.queries.tagValues(measurement, tagKey)));
        }
        TreeSet<String> values = new TreeSet<>(Utf8Order.STRINGS);
        for (SeriesKey s : series(measurement, predicate)) {
            String v = s.tag(tagKey);
            if (v != null) {
                values.add(v);
            }
        }
        return new ArrayList<>(values);
    }

    private static List<String> sorted(List<String> names) {
        names.sort(Utf8Order.STRINGS);
        return names;
    }

    @Override
    public Map<String, FieldType> fieldTypes(String measurement) {
        return guard.call(() -> state.catalog.types(measurement));
    }

    @Override
    public CloseableIterator<Row> scan(ScanRequest request) {
        return guard.call(() -> new RocksRowIterator(state, guard, request));
    }

    @Override
    public FieldBlockCursor scanField(FieldScanRequest request) {
        return guard.call(() -> new RocksFieldCursor(state, guard, request));
    }

    @Override
    public Digest digest(long versionCutoff) {
        return guard.call(() -> digests.digest(versionCutoff));
    }

    @Override
    public RowDigest rowDigest(List<SeriesRange> ranges, long versionCutoff, long resolutionNanos) {
        return guard.call(() -> digests.rowDigest(ranges, versionCutoff, resolutionNanos));
    }

    @Override
    public Patch exportPatch(List<SeriesRange> ranges, boolean withTombstones) {
        return guard.call(() -> patches.export(ranges, withTombstones));
    }

    @Override
    public PatchResult applyPatch(Patch patch) {
        long minMillis = state.clock.wallMillis() - state.config.tombstoneGracePeriod().toMillis();
        return durable(() -> patches.apply(patch, minMillis));
    }

    @Override
    public ShardSnapshot snapshot() {
        return guard.call(this::checkpoint);
    }

    private ShardSnapshot checkpoint() {
        Path target = state.db.dir.getParent().resolve("." + state.id.id() + ".snapshot-" + SNAPSHOTS.incrementAndGet());
        state.db.flush();
        try (org.rocksdb.Checkpoint cp = org.rocksdb.Checkpoint.create(state.db.db)) {
            cp.createCheckpoint(target.toString());
            return RocksSnapshot.of(state.id, target);
        } catch (org.rocksdb.RocksDBException e) {
            RocksSnapshot.deleteTree(target);
            throw StorageErrors.wrap(e, state.id, state.db.dir, "snapshot");
        } catch (java.io.IOException e) {
            RocksSnapshot.deleteTree(target);
            throw StorageErrors.wrap(e, state.id, state.db.dir, "snapshot");
        }
    }

    @Override
    public long exportLineProtocol(TimeRange range, Writer out) {
        return guard.call(() -> new RocksExport(state).export(range, out));
    }

    /**
     * Forgets the digest cache so the next digest rehashes every bucket (what happens after a crash);
     * for benchmarks and operators who distrust a cache.
     */
    public void dropDigestCache() {
        guard.run(digests::invalidate);
    }

    /**
     * Bytes on disk by part: the table files of each column family ({@code meta}, {@code index},
     * {@code data}, {@code digest}), the write-ahead log, and everything else (manifest, options,
     * info logs). For {@code /debug/vars} and the storage benchmarks.
     */
    public Map<String, Long> diskUsage() {
        return guard.call(() -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            long tables = 0;
            String[] names = {"meta", "index", "data", "digest"};
            org.rocksdb.ColumnFamilyHandle[] cfs = {state.db.meta, state.db.index, state.db.data, state.db.digest};
            for (int i = 0; i < cfs.length; i++) {
                try {
                    long n = Long.parseLong(state.db.db.getProperty(cfs[i], "rocksdb.total-sst-files-size"));
                    out.put(names[i], n);
                    tables += n;
                } catch (org.rocksdb.RocksDBException | NumberFormatException e) {
                    out.put(names[i], -1L);
                }
            }
            long wal = DirectorySize.ofFiles(state.db.walDir, ".log");
            out.put("wal", wal);
            out.put("other", Math.max(0, DirectorySize.of(state.db.dir, state.db.walDir) - tables - wal));
            return out;
        });
    }

    /** RocksDB's figures of this shard for statistics (see {@link RocksFigures}); no scan. */
    Map<String, Long> figures() {
        return guard.call(() -> RocksFigures.shard(state.db, state.index.liveSeries));
    }

    @Override
    public ShardStats stats() {
        return guard.call(() -> digests.stats(DirectorySize.of(state.db.dir, state.db.walDir)));
    }

    @Override
    public long lastModified() {
        return guard.call(() -> state.lastModified);
    }

    @Override
    public long sizeBytes() {
        return guard.call(() -> DirectorySize.of(state.db.dir, state.db.walDir));
    }

    @Override
    public void compact() {
        guard.run(() -> {
            synchronized (maintenance) {
                rewriter.rewriteAll();
                tombstones.purgeExpired(rewriter);
                try {
                    state.db.db.compactRange(state.db.data);
                } catch (org.rocksdb.RocksDBException e) {
                    throw StorageErrors.wrap(e, state.id, state.db.dir, "compact");
                }
                state.db.flush();
            }
        });
    }

    /** Background work: rewrites ready buckets, purges expired tombstones. */
    void maintain(long nowNanos, boolean purge) {
        if (guard.isClosed()) {
            return;
        }
        guard.run(() -> {
            synchronized (maintenance) {
                rewriter.rewriteReady(nowNanos, state.config.blockRewriteColdDuration().toNanos(), 256);
                if (purge) {
                    tombstones.purgeExpired(rewriter);
                }
            }
        });
    }

    /** Syncs the log if something was written since the last sync (group commit for wal-fsync-delay). */
    void syncWal() {
        if (!state.walDirty || guard.isClosed()) {
            return;
        }
        guard.run(() -> {
            state.walDirty = false;
            try {
                state.db.db.flushWal(true);
            } catch (org.rocksdb.RocksDBException e) {
                state.walDirty = true;
                throw StorageErrors.wrap(e, state.id, state.db.dir, "sync log");
            }
        });
    }

    @Override
    public void close() {
        guard.close(() -> {
            try {
                digests.save();
                if (state.walDirty) {
                    state.db.db.flushWal(true);
                }
            } catch (org.rocksdb.RocksDBException e) {
                // Closing anyway: the digest cache is rebuilt at the next open.
            } finally {
                state.db.close();
                state.res.invalidate(state.instance);
            }
        });
    }
}
