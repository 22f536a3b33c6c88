package io.shardline.config;

import java.util.List;

/**
 * A loaded configuration and the warnings found while loading it (unknown, ignored and renamed
 * keys), which the node logs once logging is set up.
 */
public record LoadedConfig(Config config, List<String> warnings) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
