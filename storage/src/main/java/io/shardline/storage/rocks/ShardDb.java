package io.shardline.storage.rocks;

import io.shardline.storage.ShardId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The open RocksDB instance of one shard and its column families ({@code default} for metadata,
 * {@code index}, {@code data}, {@code digest}); see {@link Keys} for what each holds. Closing
 * releases every native handle. The handles are thread-safe; open and close are called once.
 */
final class ShardDb implements AutoCloseable {

    final ShardId id;
    final Path dir;
    final Path walDir;
    final RocksDB db;
    final ColumnFamilyHandle meta;
    final ColumnFamilyHandle index;
    final ColumnFamilyHandle data;
    final ColumnFamilyHandle digest;
    /** A secondary (read-only) instance: it never writes, and its view changes only on catch-up. */
    final boolean secondary;
    private final DBOptions options;
    private final List<ColumnFamilyHandle> handles;

    private ShardDb(ShardId id, Path dir, Path walDir, RocksDB db, DBOptions options, List<ColumnFamilyHandle> handles,
            boolean secondary) {
        this.id = id;
        this.secondary = secondary;
        this.dir = dir;
        this.walDir = walDir;
        this.db = db;
        this.options = options;
        this.handles = handles;
        this.meta = handles.get(0);
        this.index = handles.get(1);
        this.data = handles.get(2);
        this.digest = handles.get(3);
    }

    /** Opens (or, when {@code create}, creates) the shard at {@code dir} with its log in {@code walDir}. */
    static ShardDb open(ShardId id, Path dir, Path walDir, RocksResources r, boolean create) {
        DBOptions options = r.dbOptions(walDir, create);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(options, dir.toString(), descriptors(r), handles);
            return new ShardDb(id, dir, walDir, db, options, handles, false);
        } catch (RocksDBException e) {
            handles.forEach(ColumnFamilyHandle::close);
            options.close();
            throw StorageErrors.wrap(e, id, dir, "open");
        }
    }

    /**
     * Opens the shard as a RocksDB secondary instance: read-only, without the primary's lock, so it
     * works whether or not the data node that owns {@code dir} is running. It reads the manifest and
     * replays the log in {@code walDir} into its own memtables, then catches up once more so that a
     * log the primary flushed and deleted meanwhile is covered by the new table file; after that its
     * view is fixed (a prefix of the shard's atomic write batches). Every table file is kept open
     * ({@code max_open_files = -1}), so the primary's compactions cannot remove a file under it.
     * {@code infoLogDir} receives the secondary's own info log.
     */
    static ShardDb openSecondary(ShardId id, Path dir, Path walDir, Path infoLogDir, RocksResources r) {
        DBOptions options = r.dbOptions(walDir, false).setMaxOpenFiles(-1);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = null;
        try {
            db = RocksDB.openAsSecondary(options, dir.toString(), infoLogDir.toString(), descriptors(r), handles);
            db.tryCatchUpWithPrimary();
            return new ShardDb(id, dir, walDir, db, options, handles, true);
        } catch (RocksDBException e) {
            handles.forEach(ColumnFamilyHandle::close);
            if (db != null) {
                db.close();
            }
            options.close();
            throw StorageErrors.wrap(e, id, dir, "open read-only");
        }
    }

    private static List<ColumnFamilyDescriptor> descriptors(RocksResources r) {
        return List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, r.metaOptions),
                new ColumnFamilyDescriptor("index".getBytes(StandardCharsets.UTF_8), r.indexOptions),
                new ColumnFamilyDescriptor("data".getBytes(StandardCharsets.UTF_8), r.dataOptions),
                new ColumnFamilyDescriptor("digest".getBytes(StandardCharsets.UTF_8), r.digestOptions));
    }

    /** Flushes every memtable to files and waits. */
    void flush() {
        try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
            db.flush(f, handles);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, id, dir, "flush");
        }
    }

    @Override
    public void close() {
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
    }
}
