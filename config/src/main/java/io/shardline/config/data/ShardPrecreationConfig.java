package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/** The data node's {@code [shard-precreation]} section: creating the next shard group ahead of time. */
public record ShardPrecreationConfig(boolean enabled, Duration checkInterval, Duration advancePeriod) {

    public static final String SECTION = "shard-precreation";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of(SECTION, "enabled", BOOLEAN, true)
            .doc("Create each retention policy's next shard group before the current one ends, so writes at a group"
                    + " boundary never wait for meta.").build();
    public static final ConfigKey<Duration> CHECK_INTERVAL = ConfigKey.of(SECTION, "check-interval", DURATION, Duration.ofMinutes(10))
            .doc("How often to check for groups that need a successor.")
            .validator(Validators.atLeast(Duration.ofMillis(100), "100ms")).build();
    public static final ConfigKey<Duration> ADVANCE_PERIOD = ConfigKey.of(SECTION, "advance-period", DURATION, Duration.ofMinutes(30))
            .doc("How long before the current group ends its successor is created.")
            .validator(Validators.notNegative()).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(ENABLED, CHECK_INTERVAL, ADVANCE_PERIOD);
    }

    public static ShardPrecreationConfig from(Config c) {
        return new ShardPrecreationConfig(c.get(ENABLED), c.get(CHECK_INTERVAL), c.get(ADVANCE_PERIOD));
    }
}
