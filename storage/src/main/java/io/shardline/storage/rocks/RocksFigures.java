package io.shardline.storage.rocks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.TickerType;

/**
 * RocksDB's own figures for the {@code rocksdb} statistic (Shardline's counterpart of 1.x's
 * {@code tsm1_*} measurements), read from DB properties and the node's shared tickers; no scan, no
 * lock. Per shard: memtable bytes, level-0 and total table-file bytes, pending compaction bytes,
 * running compactions and flushes, whether writes are stopped or delayed. Per node: block cache
 * hits, misses, usage and capacity, stall time, bytes written/read, compaction and flush I/O, and
 * the per-shard figures summed. A property RocksDB cannot answer is left out. Stateless.
 */
final class RocksFigures {

    private static final String[] AGGREGATED = {"rocksdb.cur-size-all-mem-tables", "rocksdb.live-sst-files-size",
            "rocksdb.estimate-pending-compaction-bytes", "rocksdb.num-immutable-mem-table", "rocksdb.compaction-pending"};
    private static final String[] AGGREGATED_NAMES = {"memtableBytes", "sstBytes", "pendingCompactionBytes",
            "immutableMemtables", "compactionsPending"};
    private static final String[] DB_WIDE = {"rocksdb.num-running-compactions", "rocksdb.num-running-flushes",
            "rocksdb.is-write-stopped", "rocksdb.actual-delayed-write-rate"};
    private static final String[] DB_WIDE_NAMES = {"compactionsRunning", "flushesRunning", "writeStopped",
            "delayedWriteRate"};

    private RocksFigures() {
    }

    /** One open shard's figures. */
    static Map<String, Long> shard(ShardDb db, long liveSeries) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("numSeries", liveSeries);
        for (int i = 0; i < AGGREGATED.length; i++) {
            try {
                out.put(AGGREGATED_NAMES[i], db.db.getAggregatedLongProperty(AGGREGATED[i]));
            } catch (RocksDBException e) {
                // not answered by this RocksDB build
            }
        }
        for (int i = 0; i < DB_WIDE.length; i++) {
            try {
                out.put(DB_WIDE_NAMES[i], db.db.getLongProperty(DB_WIDE[i]));
            } catch (RocksDBException e) {
                // not answered by this RocksDB build
            }
        }
        long l0 = 0;
        for (ColumnFamilyHandle cf : new ColumnFamilyHandle[] {db.meta, db.index, db.data, db.digest}) {
            try {
                l0 += Long.parseLong(db.db.getProperty(cf, "rocksdb.num-files-at-level0").trim());
            } catch (RocksDBException | NumberFormatException e) {
                // leave the family out
            }
        }
        out.put("l0Files", l0);
        return out;
    }

    /** The node's figures: shared tickers and cache, plus every open shard's figures summed. */
    static Map<String, Long> engine(RocksResources resources, Collection<Map<String, Long>> shards) {
        Map<String, Long> out = new LinkedHashMap<>();
        ticker(out, resources, "blockCacheHit", TickerType.BLOCK_CACHE_HIT);
        ticker(out, resources, "blockCacheMiss", TickerType.BLOCK_CACHE_MISS);
        ticker(out, resources, "stallMicros", TickerType.STALL_MICROS);
        ticker(out, resources, "bytesWritten", TickerType.BYTES_WRITTEN);
        ticker(out, resources, "bytesRead", TickerType.BYTES_READ);
        ticker(out, resources, "walBytes", TickerType.WAL_FILE_BYTES);
        ticker(out, resources, "compactReadBytes", TickerType.COMPACT_READ_BYTES);
        ticker(out, resources, "compactWriteBytes", TickerType.COMPACT_WRITE_BYTES);
        ticker(out, resources, "flushWriteBytes", TickerType.FLUSH_WRITE_BYTES);
        out.put("blockCacheUsageBytes", resources.blockCache.getUsage());
        out.put("blockCachePinnedBytes", resources.blockCache.getPinnedUsage());
        out.put("blockCacheCapacityBytes", resources.config.blockCacheSize() + resources.config.cacheMaxMemorySize());
        out.put("openShards", (long) shards.size());
        long stopped = 0;
        long delayed = 0;
        for (Map<String, Long> s : shards) {
            for (String k : new String[] {"memtableBytes", "sstBytes", "pendingCompactionBytes", "compactionsPending",
                    "compactionsRunning", "flushesRunning", "l0Files"}) {
                out.merge(k, s.getOrDefault(k, 0L), Long::sum);
            }
            stopped += s.getOrDefault("writeStopped", 0L) > 0 ? 1 : 0;
            delayed += s.getOrDefault("delayedWriteRate", 0L) > 0 ? 1 : 0;
        }
        out.put("shardsWriteStopped", stopped);
        out.put("shardsWriteDelayed", delayed);
        return out;
    }

    private static void ticker(Map<String, Long> out, RocksResources r, String name, TickerType type) {
        out.put(name, r.statistics.getTickerCount(type));
    }
}
