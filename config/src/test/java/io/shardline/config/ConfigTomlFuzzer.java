package io.shardline.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shardline.common.error.ShardlineException;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.meta.MetaNodeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Jazzer target for TOML configuration loading: any file either loads into valid section records or fails
 * with one {@link ShardlineException} naming the problem (what start-up prints as {@code Error: ...}) — never
 * another exception. Seeds: the default data and meta configurations.
 */
class ConfigTomlFuzzer {

    @FuzzTest(maxDuration = "5s")
    void load(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean meta = (data[0] & 1) == 1;
        String toml = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        try {
            LoadedConfig loaded = ConfigLoader.parse(meta ? MetaNodeConfig.DEFINITION : DataNodeConfig.DEFINITION,
                    toml, "fuzz.toml", Map.of());
            if (meta) {
                MetaNodeConfig.from(loaded.config());
            } else {
                DataNodeConfig.from(loaded.config());
            }
        } catch (ShardlineException expected) {
            // refused with a message naming the key or the line
        }
    }
}
