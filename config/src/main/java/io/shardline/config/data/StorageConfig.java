package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.INTEGER;
import static io.shardline.config.ConfigTypes.SIZE;
import static io.shardline.config.ConfigTypes.STRING;

import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The data node's {@code [data]} section: where and how shards are stored. InfluxDB's TSM keys are
 * mapped onto the RocksDB engine: the cache becomes the shared write-buffer memory, the snapshot
 * size a shard's memtable size, compaction throughput RocksDB's rate limiter. Shardline adds the
 * block cache, the series caches (bounded by bytes), the index memtable size, the tombstone grace period and the bucket rewrite delay.
 */
public record StorageConfig(Path dir, Path walDir, Duration walFsyncDelay, boolean queryLogEnabled,
                            long cacheMaxMemorySize, long cacheSnapshotMemorySize, long maxSeriesPerDatabase,
                            long maxValuesPerTag, int maxConcurrentCompactions, long compactThroughput,
                            long compactThroughputBurst, long blockCacheSize, long seriesCacheMaxMemorySize,
                            long indexWriteBufferSize,
                            Duration tombstoneGracePeriod, Duration blockRewriteColdDuration,
                            Duration compactFullWriteColdDuration) {

    public static final String SECTION = "data";

    public static final ConfigKey<String> DIR = ConfigKey.of(SECTION, "dir", STRING, "/var/lib/shardline/data")
            .doc("Directory of the shards: one RocksDB instance per shard under <dir>/<database>/<retention policy>/<shard id>.")
            .validator(Validators.notBlank()).build();
    public static final ConfigKey<String> WAL_DIR = ConfigKey.of(SECTION, "wal-dir", STRING, "/var/lib/shardline/wal")
            .doc("Directory of the shards' write-ahead logs (same layout as dir); put it on a fast disk.")
            .validator(Validators.notBlank()).build();
    public static final ConfigKey<Duration> WAL_FSYNC_DELAY = ConfigKey.of(SECTION, "wal-fsync-delay", DURATION, Duration.ZERO)
            .doc("How long to wait before syncing the write-ahead log to disk; 0 syncs every write before it is"
                    + " acknowledged. A write is always in the log (and survives a process crash) when acknowledged;"
                    + " with a delay, one background sync covers every write of the interval (group commit), so a"
                    + " machine crash can lose at most that much.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Boolean> QUERY_LOG_ENABLED = ConfigKey.of(SECTION, "query-log-enabled", BOOLEAN, true)
            .doc("Log every query before it runs.").build();
    public static final ConfigKey<ByteSize> CACHE_MAX_MEMORY_SIZE = ConfigKey.of(SECTION, "cache-max-memory-size", SIZE,
                    ByteSize.ofBytes(1_000_000_000L))
            .doc("Memory for not-yet-flushed writes, shared by all shards of the node; writes slow down when it is full.")
            .validator(Validators.sizeAtLeast(1 << 20)).build();
    public static final ConfigKey<ByteSize> CACHE_SNAPSHOT_MEMORY_SIZE = ConfigKey.of(SECTION, "cache-snapshot-memory-size", SIZE,
                    ByteSize.ofBytes(26_214_400L))
            .doc("Size at which a shard's in-memory writes are flushed to a file.")
            .validator(Validators.sizeAtLeast(64 << 10)).build();
    public static final ConfigKey<Long> MAX_SERIES_PER_DATABASE = ConfigKey.of(SECTION, "max-series-per-database", INTEGER, 1_000_000L)
            .doc("Most series in one database on this node; points creating more are dropped. 0 means no limit.")
            .validator(Validators.atLeast(0)).build();
    public static final ConfigKey<Long> MAX_VALUES_PER_TAG = ConfigKey.of(SECTION, "max-values-per-tag", INTEGER, 100_000L)
            .doc("Most distinct values of one tag key per measurement; points creating more are dropped. 0 means no limit.")
            .validator(Validators.atLeast(0)).build();
    public static final ConfigKey<Long> MAX_CONCURRENT_COMPACTIONS = ConfigKey.of(SECTION, "max-concurrent-compactions", INTEGER, 0L)
            .doc("Background compaction and flush threads; 0 uses half the CPU cores (at least 1).")
            .validator(Validators.between(0, 256)).build();
    public static final ConfigKey<ByteSize> COMPACT_THROUGHPUT = ConfigKey.of(SECTION, "compact-throughput", SIZE, ByteSize.parse("48m"))
            .doc("Average bytes per second compactions may write.").validator(Validators.sizeAtLeast(1)).build();
    public static final ConfigKey<ByteSize> COMPACT_THROUGHPUT_BURST = ConfigKey.of(SECTION, "compact-throughput-burst", SIZE,
                    ByteSize.parse("48m"))
            .doc("Bytes per second compactions may write in short bursts.").validator(Validators.sizeAtLeast(1)).build();

    public static final ConfigKey<ByteSize> BLOCK_CACHE_SIZE = ConfigKey.of(SECTION, "block-cache-size", SIZE,
                    ByteSize.parse("256m"))
            .doc("Memory for cached data and index blocks, shared by all shards of the node. The shards' unflushed"
                    + " writes are charged to the same cache, so RocksDB memory stays within block-cache-size plus"
                    + " cache-max-memory-size.")
            .validator(Validators.sizeAtLeast(1 << 20)).shardlineOnly().build();
    public static final ConfigKey<ByteSize> SERIES_CACHE_MAX_MEMORY_SIZE = ConfigKey.of(SECTION,
                    "series-cache-max-memory-size", SIZE, ByteSize.parse("128m"))
            .doc("Heap for the two node-wide series caches together (series key to id for writes, three quarters;"
                    + " id to series key for reads, one quarter), bounded by the estimated bytes of the cached keys,"
                    + " whatever the number of series; a miss costs one index lookup, batched per write request.")
            .validator(Validators.sizeAtLeast(1 << 20)).shardlineOnly().build();
    public static final ConfigKey<ByteSize> INDEX_WRITE_BUFFER_SIZE = ConfigKey.of(SECTION, "index-write-buffer-size",
                    SIZE, ByteSize.parse("32m"))
            .doc("Size at which a shard's in-memory series index writes are flushed to a file (charged to"
                    + " cache-max-memory-size like the data). Every four such files are merged into the index's"
                    + " files, so a smaller size merges more often while new series arrive.")
            .validator(Validators.sizeAtLeast(64 << 10)).shardlineOnly().build();
    public static final ConfigKey<Duration> TOMBSTONE_GRACE_PERIOD = ConfigKey.of(SECTION, "tombstone-grace-period", DURATION,
                    Duration.ofHours(240))
            .doc("How long a delete (tombstone) is kept after the data under it is gone. A write or repair carrying"
                    + " older data that arrives later than this brings it back, so keep it longer than"
                    + " [hinted-handoff] max-age plus an anti-entropy check interval.")
            .validator(Validators.notNegative()).shardlineOnly().build();
    public static final ConfigKey<Duration> BLOCK_REWRITE_COLD_DURATION = ConfigKey.of(SECTION, "block-rewrite-cold-duration",
                    DURATION, Duration.ofMinutes(1))
            .doc("A series' time bucket not written for this long is rewritten in the background into its compact,"
                    + " deduplicated form (buckets receiving many writes are rewritten sooner).")
            .validator(Validators.notNegative()).shardlineOnly().build();

    public static final ConfigKey<Duration> COMPACT_FULL_WRITE_COLD_DURATION = ConfigKey.of(SECTION,
                    "compact-full-write-cold-duration", DURATION, Duration.ofHours(4))
            .doc("A shard not written for this long is fully compacted once: every block rewritten and the"
                    + " RocksDB files merged, so it takes its smallest size on disk.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(DIR, WAL_DIR, WAL_FSYNC_DELAY, QUERY_LOG_ENABLED, CACHE_MAX_MEMORY_SIZE, CACHE_SNAPSHOT_MEMORY_SIZE,
                MAX_SERIES_PER_DATABASE, MAX_VALUES_PER_TAG, MAX_CONCURRENT_COMPACTIONS, COMPACT_THROUGHPUT,
                COMPACT_THROUGHPUT_BURST, BLOCK_CACHE_SIZE, SERIES_CACHE_MAX_MEMORY_SIZE, INDEX_WRITE_BUFFER_SIZE,
                TOMBSTONE_GRACE_PERIOD,
                BLOCK_REWRITE_COLD_DURATION, COMPACT_FULL_WRITE_COLD_DURATION);
        b.ignoreAll(SECTION, "TSM engine setting; Shardline stores shards in RocksDB", "cache-snapshot-write-cold-duration",
                "index-version", "max-index-log-file-size", "series-id-set-cache-size",
                "aggressive-points-per-block", "tsm-use-madv-willneed", "max-concurrent-deletes");
        b.ignoreAll(SECTION, "not used by Shardline", "trace-logging-enabled", "query-log-path",
                "ingress-metric-by-measurement-enabled", "ingress-metric-by-login-enabled", "strict-error-handling",
                "validate-keys");
        b.ignoreAll(SECTION, "replaced by series-cache-max-memory-size (bytes, not entries)", "series-cache-size");
        b.crossCheck(c -> c.get(COMPACT_THROUGHPUT_BURST).bytes() >= c.get(COMPACT_THROUGHPUT).bytes() ? null
                : "[data] compact-throughput-burst must be at least compact-throughput");
    }

    public static StorageConfig from(Config c) {
        return new StorageConfig(Path.of(c.get(DIR)), Path.of(c.get(WAL_DIR)), c.get(WAL_FSYNC_DELAY),
                c.get(QUERY_LOG_ENABLED), c.get(CACHE_MAX_MEMORY_SIZE).bytes(), c.get(CACHE_SNAPSHOT_MEMORY_SIZE).bytes(),
                c.get(MAX_SERIES_PER_DATABASE), c.get(MAX_VALUES_PER_TAG), c.get(MAX_CONCURRENT_COMPACTIONS).intValue(),
                c.get(COMPACT_THROUGHPUT).bytes(), c.get(COMPACT_THROUGHPUT_BURST).bytes(), c.get(BLOCK_CACHE_SIZE).bytes(),
                c.get(SERIES_CACHE_MAX_MEMORY_SIZE).bytes(), c.get(INDEX_WRITE_BUFFER_SIZE).bytes(), c.get(TOMBSTONE_GRACE_PERIOD), c.get(BLOCK_REWRITE_COLD_DURATION),
                c.get(COMPACT_FULL_WRITE_COLD_DURATION));
    }

    /** The defaults with the given directories (tests, benchmarks, tools). */
    public static StorageConfig defaults(Path dir, Path walDir) {
        return from(Config.defaults(DataNodeConfig.DEFINITION).with(DIR, dir.toString())
                .with(WAL_DIR, walDir.toString()));
    }
}
