package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.STRING;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/** The data node's {@code [monitor]} section: writing the node's statistics into {@code _internal}. */
public record MonitorConfig(boolean storeEnabled, String storeDatabase, Duration storeInterval,
                            Duration remoteCollectInterval) {

    public static final String SECTION = "monitor";

    public static final ConfigKey<Boolean> STORE_ENABLED = ConfigKey.of(SECTION, "store-enabled", BOOLEAN, true)
            .doc("Write this node's statistics every store-interval into store-database (retention policy"
                    + " \"monitor\": 7 days, 1-day shard groups, replication 1, created when missing), into the"
                    + " shard this node owns in the current shard group, so monitoring needs no other node.").build();
    public static final ConfigKey<String> STORE_DATABASE = ConfigKey.of(SECTION, "store-database", STRING, "_internal")
            .doc("Database the statistics are written to.").validator(Validators.notBlank()).build();
    public static final ConfigKey<Duration> STORE_INTERVAL = ConfigKey.of(SECTION, "store-interval", DURATION,
                    Duration.ofSeconds(10))
            .doc("How often statistics are written; points are stamped with the tick time truncated to it.")
            .validator(Validators.atLeast(Duration.ofMillis(100), "100ms")).build();
    public static final ConfigKey<Duration> REMOTE_COLLECT_INTERVAL = ConfigKey.of(SECTION, "remote-collect-interval",
                    DURATION, Duration.ofSeconds(10))
            .doc("How often this data node polls the meta nodes for their Raft status (leader, term, applied"
                    + " version), reported as the meta_node statistic and so stored with the others.")
            .validator(Validators.atLeast(Duration.ofMillis(100), "100ms")).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(STORE_ENABLED, STORE_DATABASE, STORE_INTERVAL, REMOTE_COLLECT_INTERVAL);
    }

    public static MonitorConfig from(Config c) {
        return new MonitorConfig(c.get(STORE_ENABLED), c.get(STORE_DATABASE), c.get(STORE_INTERVAL),
                c.get(REMOTE_COLLECT_INTERVAL));
    }
}
