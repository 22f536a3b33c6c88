package io.shardline.storage.rocks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.SeriesKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.HistogramType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Priority;
import org.rocksdb.RateLimiter;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksObject;
import org.rocksdb.Statistics;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * What every shard of a node shares: the block cache (memtables are charged to it through the
 * write-buffer manager), the compaction rate limiter, the background threads, the column family
 * options, and the series caches. Created at engine start, closed after every shard. Thread-safe.
 */
final class RocksResources implements AutoCloseable {

    /** Key of the series-id cache: which store instance, which series. */
    record SeriesCacheKey(long store, SeriesKey series) {
    }

    /** Key of the series-key cache. */
    record IdCacheKey(long store, int id) {
    }

    /** A series' id and whether it is live (holds a visible value). */
    record SeriesRef(int id, boolean live) {
    }

    private static final Object LOAD_LOCK = new Object();
    private static boolean loaded;

    final StorageConfig config;
    final LRUCache blockCache;
    final WriteBufferManager writeBuffers;
    final RateLimiter rateLimiter;
    final ColumnFamilyOptions metaOptions;
    final ColumnFamilyOptions indexOptions;
    final ColumnFamilyOptions dataOptions;
    final ColumnFamilyOptions digestOptions;
    final WriteOptions writeOptions;
    /** Node-wide RocksDB tickers (no histograms, so the cost is a few per-core counters). */
    final Statistics statistics;
    final Cache<SeriesCacheKey, SeriesRef> seriesIds;
    final Cache<IdCacheKey, SeriesKey> seriesKeys;
    private final List<RocksObject> owned = new ArrayList<>();

    RocksResources(StorageConfig config) {
        loadLibrary();
        this.config = config;
        blockCache = own(new LRUCache(config.blockCacheSize() + config.cacheMaxMemorySize()));
        writeBuffers = own(new WriteBufferManager(config.cacheMaxMemorySize(), blockCache, true));
        long refillMicros = Math.max(1_000L, Math.min(1_000_000L,
                config.compactThroughputBurst() * 1_000_000L / Math.max(1, config.compactThroughput())));
        rateLimiter = own(new RateLimiter(config.compactThroughput(), refillMicros, 10));
        int threads = backgroundThreads(config);
        Env.getDefault().setBackgroundThreads(threads, Priority.LOW).setBackgroundThreads(1, Priority.HIGH);
        StringAppendOperator append = own(new StringAppendOperator(""));
        BloomFilter bloom = own(new BloomFilter(10));
        dataOptions = own(new ColumnFamilyOptions()).setMergeOperator(append)
                .setWriteBufferSize(config.cacheSnapshotMemorySize()).setMaxWriteBufferNumber(3)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true)
                .setTableFormatConfig(table(32 << 10, null));
        // A whole-key bloom filter in the index memtables as well as in its files: a write of new series
        // looks up thousands of absent 'k' keys at once (one multiGet), and each would otherwise search
        // every memtable's skip list. 5% of the memtable (about 16 bits per index entry) rejects them.
        indexOptions = own(new ColumnFamilyOptions()).setWriteBufferSize(config.indexWriteBufferSize())
                .setMemtablePrefixBloomSizeRatio(0.05).setMemtableWholeKeyFiltering(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION).setTableFormatConfig(table(8 << 10, bloom));
        metaOptions = own(new ColumnFamilyOptions()).setWriteBufferSize(1 << 20).setTableFormatConfig(table(4 << 10, null));
        digestOptions = own(new ColumnFamilyOptions()).setWriteBufferSize(4 << 20)
                .setCompressionType(CompressionType.LZ4_COMPRESSION).setTableFormatConfig(table(16 << 10, null));
        // Never a sync inside the write: with wal-fsync-delay = 0 each shard's GroupCommit syncs after its
        // write lock is released, so concurrent writers share one fsync; otherwise the maintenance thread does.
        writeOptions = own(new WriteOptions()).setSync(false);
        statistics = own(new Statistics(EnumSet.allOf(HistogramType.class)));
        long cacheBytes = config.seriesCacheMaxMemorySize();
        seriesIds = Caffeine.newBuilder().maximumWeight(cacheBytes / 4 * 3)
                .weigher((SeriesCacheKey k, SeriesRef v) -> SeriesWeights.entry(k.series())).build();
        seriesKeys = Caffeine.newBuilder().maximumWeight(cacheBytes / 4)
                .weigher((IdCacheKey k, SeriesKey v) -> SeriesWeights.entry(v)).build();
    }

    private BlockBasedTableConfig table(long blockSize, BloomFilter filter) {
        BlockBasedTableConfig t = new BlockBasedTableConfig().setBlockCache(blockCache).setBlockSize(blockSize)
                .setCacheIndexAndFilterBlocks(true).setPinL0FilterAndIndexBlocksInCache(true);
        return filter == null ? t : t.setFilterPolicy(filter);
    }

    static int backgroundThreads(StorageConfig config) {
        int n = config.maxConcurrentCompactions();
        return n > 0 ? n : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Options for one shard; the caller closes them after the database. */
    DBOptions dbOptions(Path walDir, boolean createIfMissing) {
        return new DBOptions().setCreateIfMissing(createIfMissing).setCreateMissingColumnFamilies(createIfMissing)
                .setWalDir(walDir.toString()).setEnv(Env.getDefault()).setRateLimiter(rateLimiter)
                .setWriteBufferManager(writeBuffers).setMaxBackgroundJobs(backgroundThreads(config) + 1)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2).setMaxManifestFileSize(64 << 20)
                .setMaxTotalWalSize(Math.max(64L << 20, 4 * config.cacheSnapshotMemorySize()))
                .setBytesPerSync(1 << 20).setStatistics(statistics);
    }

    private <T extends RocksObject> T own(T o) {
        owned.add(o);
        return o;
    }

    private static void loadLibrary() {
        synchronized (LOAD_LOCK) {
            if (!loaded) {
                RocksDB.loadLibrary();
                loaded = true;
            }
        }
    }

    /** Forgets the cached series of one store instance. */
    void invalidate(long storeInstance) {
        seriesIds.asMap().keySet().removeIf(k -> k.store() == storeInstance);
        seriesKeys.asMap().keySet().removeIf(k -> k.store() == storeInstance);
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }
}
