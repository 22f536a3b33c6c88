package io.shardline.storage;

import io.shardline.config.Config;
import io.shardline.config.ConfigKey;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import java.util.Map;

/** Storage configurations for tests: defaults, given directories, and overrides by key name. */
public final class TestConfigs {

    private TestConfigs() {
    }

    @SuppressWarnings("unchecked")
    public static StorageConfig storage(String dir, String walDir, Map<String, Object> overrides) {
        Config c = Config.defaults(DataNodeConfig.DEFINITION).with(StorageConfig.DIR, dir)
                .with(StorageConfig.WAL_DIR, walDir)
                .with(StorageConfig.CACHE_MAX_MEMORY_SIZE, io.shardline.common.unit.ByteSize.parse("64m"))
                .with(StorageConfig.BLOCK_CACHE_SIZE, io.shardline.common.unit.ByteSize.parse("16m"))
                .with(StorageConfig.SERIES_CACHE_MAX_MEMORY_SIZE, io.shardline.common.unit.ByteSize.parse("4m"));
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            ConfigKey<Object> key = (ConfigKey<Object>) DataNodeConfig.DEFINITION.key(StorageConfig.SECTION, e.getKey())
                    .orElseThrow();
            c = c.with(key, e.getValue());
        }
        return StorageConfig.from(c);
    }
}
