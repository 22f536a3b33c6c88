package io.shardline.benchmarks.storage;

import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import java.nio.file.Path;
import java.time.Duration;

/** The storage configuration of the benchmarks: defaults (1 GB write buffers, 256 MB block cache) in a temp dir. */
final class BenchConfigs {

    private BenchConfigs() {
    }

    static StorageConfig storage(Path root, Duration fsyncDelay) {
        return StorageConfig.from(defaults(root, fsyncDelay));
    }

    /** As {@link #storage(Path, Duration)} with the two series limits set (0 = off). */
    static StorageConfig storage(Path root, Duration fsyncDelay, long maxSeriesPerDatabase, long maxValuesPerTag) {
        return StorageConfig.from(defaults(root, fsyncDelay)
                .with(StorageConfig.MAX_SERIES_PER_DATABASE, maxSeriesPerDatabase)
                .with(StorageConfig.MAX_VALUES_PER_TAG, maxValuesPerTag));
    }

    private static Config defaults(Path root, Duration fsyncDelay) {
        return Config.defaults(DataNodeConfig.DEFINITION)
                .with(StorageConfig.DIR, root.resolve("data").toString())
                .with(StorageConfig.WAL_DIR, root.resolve("wal").toString())
                .with(StorageConfig.WAL_FSYNC_DELAY, fsyncDelay)
                .with(StorageConfig.BLOCK_CACHE_SIZE, ByteSize.parse("256m"));
    }
}
