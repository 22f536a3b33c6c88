package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/** The data node's {@code [retention]} section: dropping shard groups past their retention policy. */
public record RetentionConfig(boolean enabled, Duration checkInterval) {

    public static final String SECTION = "retention";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of(SECTION, "enabled", BOOLEAN, true)
            .doc("Enforce retention policies: expired shard groups are deleted in meta and their shards dropped.").build();
    public static final ConfigKey<Duration> CHECK_INTERVAL = ConfigKey.of(SECTION, "check-interval", DURATION, Duration.ofMinutes(30))
            .doc("How often retention is enforced.").validator(Validators.atLeast(Duration.ofMillis(100), "100ms")).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(ENABLED, CHECK_INTERVAL);
    }

    public static RetentionConfig from(Config c) {
        return new RetentionConfig(c.get(ENABLED), c.get(CHECK_INTERVAL));
    }
}
