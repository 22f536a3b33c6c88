package io.shardline.storage.rocks;

import io.shardline.common.time.Clock;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.SeriesKey;
import io.shardline.storage.ShardId;
import io.shardline.storage.Tombstone;
import io.shardline.storage.block.BlockBatch;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.TombstoneCodec;
import io.shardline.storage.internal.TombstoneSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The in-memory state of one open RocksDB shard shared by its parts (writer, tombstones, rewriter,
 * digests, cursors): handles, the field catalog and tombstone set (immutable, swapped on change),
 * counters and the write lock that serialises every mutation. Loaded from the metadata column
 * family at open. Fields marked volatile are read without the lock.
 */
final class ShardState {

    /**
     * 2: a new series writes no 'a' index entry (it is written when the series dies). A format-1 shard is
     * valid format-2 data (its 'a' entries cover every series, a superset), so it is marked 2 when opened
     * for writing; a binary that only reads format 1 then refuses it instead of missing series.
     */
    static final int FORMAT_VERSION = 2;
    private static final int FORMAT_ALL_SERIES_INDEXED = 1;

    final ShardId id;
    final ShardDb db;
    final RocksResources res;
    final Clock clock;
    final StorageConfig config;
    final long instance;
    final SeriesIndex index;
    final ReentrantLock writeLock = new ReentrantLock();
    final DirtyBuckets rewriteDirty = new DirtyBuckets();
    final BlockBatch batch = new BlockBatch();
    /** Syncs the log for writers that must be durable when acknowledged (wal-fsync-delay = 0). */
    final GroupCommit log;
    final boolean syncEachWrite;
    volatile FieldCatalog catalog;
    volatile TombstoneSet tombstones;
    volatile long lastModified;
    volatile boolean walDirty;
    int nextFieldId;

    ShardState(ShardId id, ShardDb db, RocksResources res, Clock clock, long instance) {
        this.id = id;
        this.db = db;
        this.res = res;
        this.clock = clock;
        this.config = res.config;
        this.instance = instance;
        this.syncEachWrite = config.walFsyncDelay().isZero();
        this.log = new GroupCommit(this::syncLog);
        try {
            checkFormat();
            byte[] counters = db.db.get(db.meta, Keys.COUNTERS);
            ByteSource c = counters == null ? null : new ByteSource(counters);
            int nextSeries = c == null ? 0 : c.getIntBE();
            nextFieldId = c == null ? 0 : c.getIntBE();
            long live = c == null ? 0 : c.getLongBE();
            this.index = new SeriesIndex(db, res, instance, nextSeries, live);
            byte[] lm = db.db.get(db.meta, Keys.LAST_MODIFIED);
            lastModified = lm == null ? 0 : new ByteSource(lm).getLongBE();
            catalog = loadCatalog();
            tombstones = loadTombstones();
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, id, db.dir, "load shard metadata");
        }
    }

    private void checkFormat() throws RocksDBException {
        byte[] f = db.db.get(db.meta, Keys.FORMAT);
        int version = f == null ? FORMAT_VERSION : new ByteSource(f).getIntBE();
        if (version != FORMAT_VERSION && version != FORMAT_ALL_SERIES_INDEXED) {
            throw new RocksDBException("unsupported shard format " + version);
        }
        if ((f == null || version != FORMAT_VERSION) && !db.secondary) {
            db.db.put(db.meta, Keys.FORMAT, new ByteSink(4).putIntBE(FORMAT_VERSION).toByteArray());
        }
    }

    private FieldCatalog loadCatalog() {
        List<FieldCatalog.FieldInfo> fields = new ArrayList<>();
        forEachMeta(new byte[] {Keys.FIELD}, (k, v) -> fields.add(FieldCatalog.decode(Keys.readInt(k, 1), v)));
        return FieldCatalog.EMPTY.with(fields);
    }

    private TombstoneSet loadTombstones() {
        List<Tombstone> list = new ArrayList<>();
        forEachMeta(new byte[] {Keys.TOMBSTONE}, (k, v) -> list.add(TombstoneCodec.decode(v)));
        return TombstoneSet.of(list);
    }

    void forEachMeta(byte[] prefix, java.util.function.BiConsumer<byte[], byte[]> sink) {
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.meta, ro)) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                sink.accept(it.key(), it.value());
            }
        }
    }

    /** Adds the counters to {@code b}. */
    void putCounters(WriteBatch b) throws RocksDBException {
        b.put(db.meta, Keys.COUNTERS, new ByteSink(16).putIntBE(index.nextSeriesId).putIntBE(nextFieldId)
                .putLongBE(index.liveSeries).toByteArray());
    }

    /** Records a logical change in {@code b}: last-modified moves to now (strictly increasing). */
    void touch(WriteBatch b) throws RocksDBException {
        lastModified = Math.max(lastModified + 1, clock.wallNanos());
        b.put(db.meta, Keys.LAST_MODIFIED, new ByteSink(8).putLongBE(lastModified).toByteArray());
    }

    /**
     * Writes {@code b} to the log (in the file, not yet synced: process-crash safe) and the memtables; on
     * failure forgets cached state. Called under the write lock; see {@link #awaitDurable}.
     */
    void commit(WriteBatch b, String operation) {
        try {
            db.db.write(res.writeOptions, b);
            log.append();
            walDirty = true;
        } catch (RocksDBException e) {
            index.forgetCached();
            reloadCounters();
            throw StorageErrors.wrap(e, id, db.dir, operation);
        }
    }

    private void reloadCounters() {
        try {
            byte[] counters = db.db.get(db.meta, Keys.COUNTERS);
            if (counters != null) {
                ByteSource c = new ByteSource(counters);
                index.nextSeriesId = Math.max(index.nextSeriesId, c.getIntBE());
                nextFieldId = Math.max(nextFieldId, c.getIntBE());
                index.liveSeries = c.getLongBE();
            }
        } catch (RocksDBException e) {
            // The original failure is reported; the counters are reloaded at the next open.
        }
    }

    /**
     * Returns once every commit up to {@code ticket} is synced to disk when this shard syncs each write
     * (wal-fsync-delay = 0), sharing the sync with concurrent writers; at once otherwise. Called without the
     * write lock.
     */
    void awaitDurable(long ticket) {
        if (syncEachWrite && ticket > 0) {
            log.awaitSynced(ticket);
        }
    }

    private void syncLog() {
        try {
            db.db.flushWal(true);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, id, db.dir, "sync log");
        }
    }

    /** The series of {@code id} or null if it was never created. */
    SeriesKey seriesKey(int id) {
        return index.key(id);
    }
}
