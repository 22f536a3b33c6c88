package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.INTEGER;
import static io.shardline.config.ConfigTypes.SIZE;

import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/** The data node's {@code [anti-entropy]} section: finding and repairing missing and inconsistent shards. */
public record AntiEntropyConfig(boolean enabled, Duration checkInterval, int maxFetch, int maxSync,
                                boolean autoRepairMissing, boolean autoRepairDiff, Duration settleWindow,
                                long maxRepairBytesPerPass) {

    public static final String SECTION = "anti-entropy";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of(SECTION, "enabled", BOOLEAN, true)
            .doc("Run the anti-entropy service. Unlike InfluxDB Enterprise it is on by default: its digests are"
                    + " logical, cheap to keep, and repairs never resurrect deleted data.").build();
    public static final ConfigKey<Duration> CHECK_INTERVAL = ConfigKey.of(SECTION, "check-interval", DURATION, Duration.ofMinutes(5))
            .doc("How often each shard is compared with its next owner.")
            .validator(Validators.atLeast(Duration.ofMillis(100), "100ms")).build();
    public static final ConfigKey<Long> MAX_FETCH = ConfigKey.of(SECTION, "max-fetch", INTEGER, 10L)
            .doc("Most shards this node copies or repairs at the same time.").validator(Validators.between(1, 1_000)).build();
    public static final ConfigKey<Long> MAX_SYNC = ConfigKey.of(SECTION, "max-sync", INTEGER, 1L)
            .doc("Most digest comparisons running at the same time.").validator(Validators.between(1, 1_000)).build();
    public static final ConfigKey<Boolean> AUTO_REPAIR_MISSING = ConfigKey.of(SECTION, "auto-repair-missing", BOOLEAN, true)
            .doc("Copy shards this node owns but lacks from another owner without waiting for an operator.").build();
    public static final ConfigKey<Boolean> AUTO_REPAIR_DIFF = ConfigKey.of(SECTION, "auto-repair-diff", BOOLEAN, true)
            .doc("Queue a repair as soon as a shard is found inconsistent, instead of waiting for `entropy repair`.")
            .shardlineOnly().build();
    public static final ConfigKey<Duration> SETTLE_WINDOW = ConfigKey.of(SECTION, "settle-window", DURATION, Duration.ofMinutes(1))
            .doc("Entries written more recently than this are left out of comparisons of hot shards, so replication"
                    + " in flight is never reported as a difference.")
            .validator(Validators.notNegative()).shardlineOnly().build();
    public static final ConfigKey<ByteSize> MAX_REPAIR_BYTES_PER_PASS = ConfigKey.of(SECTION, "max-repair-bytes-per-pass", SIZE,
                    ByteSize.parse("256m"))
            .doc("Most bytes of patches this node sends in one check interval; the rest waits for the next pass.")
            .validator(Validators.sizeAtLeast(1)).shardlineOnly().build();

    static void declare(ConfigDef.Builder b) {
        b.keys(ENABLED, CHECK_INTERVAL, MAX_FETCH, MAX_SYNC, AUTO_REPAIR_MISSING, AUTO_REPAIR_DIFF, SETTLE_WINDOW,
                MAX_REPAIR_BYTES_PER_PASS);
    }

    public static AntiEntropyConfig from(Config c) {
        return new AntiEntropyConfig(c.get(ENABLED), c.get(CHECK_INTERVAL), c.get(MAX_FETCH).intValue(),
                c.get(MAX_SYNC).intValue(), c.get(AUTO_REPAIR_MISSING), c.get(AUTO_REPAIR_DIFF), c.get(SETTLE_WINDOW),
                c.get(MAX_REPAIR_BYTES_PER_PASS).bytes());
    }
}
