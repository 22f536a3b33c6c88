package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import io.shardline.storage.block.BlockCodec;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.SeriesTombstones;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Rewrites blocks into their compact form: all segments merged (highest version wins), values hidden
 * by tombstones and of forgotten fields removed, floats Gorilla-compressed, one segment. The visible
 * content does not change, so neither do digests. Each block is rewritten under the write lock (a
 * write appending to it meanwhile would otherwise be lost). Used by one thread at a time.
 */
final class BlockRewriter {

    private static final Comparator<Column> BY_FIELD = Comparator.comparingInt(c -> c.fieldId);

    private final ShardState state;
    private final BlockReader reader = new BlockReader();
    private final BlockColumns columns = new BlockColumns();
    private final ByteSink segment = new ByteSink(4096);
    private final ByteSink body = new ByteSink(4096);
    private final ByteSink col = new ByteSink(4096);

    BlockRewriter(ShardState state) {
        this.state = state;
    }

    /** Rewrites every block; returns how many changed. */
    int rewriteAll() {
        return rewriteRange(new byte[8], new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    }

    /** Rewrites the blocks of one series in buckets {@code [from, to]}. */
    int rewriteSeries(int seriesId, int from, int to) {
        return rewriteRange(Keys.block(seriesId, from), Keys.block(seriesId, to));
    }

    /** Rewrites the series that have been quiet for the cold duration or written to often. */
    int rewriteReady(long nowNanos, long coldNanos, int maxSeries) {
        Map<Integer, DirtyBuckets.Range> ready = state.rewriteDirty.takeReady(nowNanos, coldNanos, 64, maxSeries);
        int n = 0;
        for (Map.Entry<Integer, DirtyBuckets.Range> e : ready.entrySet()) {
            n += rewriteSeries(e.getKey(), e.getValue().min, e.getValue().max);
        }
        return n;
    }

    /**
     * Reads without filling the block cache, as RocksDB's compactions do: most blocks read here are
     * replaced by the rewrite that follows, and the cache's capacity (block cache plus memtable budget)
     * is far above a small node's data, so each table block read stayed resident (after a steady load
     * of 2 M points, about 31 MB of them). Queries fill the cache with the blocks they read.
     */
    private int rewriteRange(byte[] from, byte[] to) {
        List<byte[]> keys = new ArrayList<>();
        int n = 0;
        try (ReadOptions ro = new ReadOptions().setFillCache(false)) {
            try (RocksIterator it = state.db.db.newIterator(state.db.data, ro)) {
                for (it.seek(from); it.isValid() && Arrays.compareUnsigned(it.key(), to) <= 0; it.next()) {
                    keys.add(it.key());
                }
            }
            for (byte[] k : keys) {
                n += rewriteBlock(k, ro) ? 1 : 0;
            }
        }
        return n;
    }

    /** Rewrites one block, read with {@code ro}; false if it was already compact or is gone. */
    private boolean rewriteBlock(byte[] key, ReadOptions ro) {
        int id = Keys.blockSeries(key);
        int bucket = Keys.blockBucket(key);
        state.writeLock.lock();
        try (WriteBatch b = new WriteBatch(); WriteOptions wo = new WriteOptions()) {
            byte[] value = state.db.db.get(state.db.data, ro, key);
            if (value == null) {
                return false;
            }
            SeriesKey series = state.seriesKey(id);
            SeriesTombstones st = state.tombstones.forSeries(series);
            FieldCatalog catalog = state.catalog;
            if (BlockReader.isCompact(value) && !st.touches(Buckets.start(bucket), Buckets.end(bucket))) {
                return false;
            }
            reader.read(value, Buckets.start(bucket), catalog::contains, columns);
            BlockReader.filter(columns, st, Long.MIN_VALUE, Long.MAX_VALUE);
            if (columns.count() == 0) {
                b.delete(state.db.data, key);
            } else {
                Column[] cols = new Column[columns.count()];
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = columns.at(i);
                }
                Arrays.sort(cols, BY_FIELD);
                segment.reset();
                BlockCodec.writeSegment(segment, body, col, Buckets.start(bucket), cols, cols.length, true);
                b.put(state.db.data, key, segment.toByteArray());
            }
            state.db.db.write(wo, b);
            return true;
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "rewrite block");
        } finally {
            state.writeLock.unlock();
        }
    }
}
