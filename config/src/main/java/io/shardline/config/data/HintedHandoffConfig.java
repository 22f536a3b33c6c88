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

/** The data node's {@code [hinted-handoff]} section: durable queues for owners that are down. */
public record HintedHandoffConfig(boolean enabled, Path dir, long maxSize, Duration maxAge, int retryConcurrency,
                                  long retryRateLimit, Duration retryInterval, Duration retryMaxInterval,
                                  Duration purgeInterval, long batchSize, int maxWritesPending) {

    public static final String SECTION = "hinted-handoff";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of(SECTION, "enabled", BOOLEAN, true)
            .doc("Queue writes for owners that are down and deliver them later. Turning it off risks data loss.").build();
    public static final ConfigKey<String> DIR = ConfigKey.of(SECTION, "dir", STRING, "/var/lib/shardline/hh")
            .doc("Directory of the hinted-handoff queues, one sub-directory per destination node and shard.")
            .validator(Validators.notBlank()).build();
    public static final ConfigKey<ByteSize> MAX_SIZE = ConfigKey.of(SECTION, "max-size", SIZE, ByteSize.ofBytes(10_737_418_240L))
            .doc("Most bytes queued for one destination node; further writes for it fail with `queue is full`.")
            .validator(Validators.sizeAtLeast(1)).build();
    public static final ConfigKey<Duration> MAX_AGE = ConfigKey.of(SECTION, "max-age", DURATION, Duration.ofHours(168))
            .doc("Queued data older than this (by enqueue time) is purged; anti-entropy restores what is lost.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<Long> RETRY_CONCURRENCY = ConfigKey.of(SECTION, "retry-concurrency", INTEGER, 20L)
            .doc("Most batches in flight at once while replaying to one destination node.")
            .validator(Validators.between(1, 10_000)).build();
    public static final ConfigKey<Long> RETRY_RATE_LIMIT = ConfigKey.of(SECTION, "retry-rate-limit", INTEGER, 0L)
            .doc("Most bytes per second replayed to one destination node; 0 means no limit.")
            .validator(Validators.atLeast(0)).build();
    public static final ConfigKey<Duration> RETRY_INTERVAL = ConfigKey.of(SECTION, "retry-interval", DURATION, Duration.ofSeconds(1))
            .doc("Wait after a failed replay; it doubles with each further failure and resets after a success.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<Duration> RETRY_MAX_INTERVAL = ConfigKey.of(SECTION, "retry-max-interval", DURATION, Duration.ofSeconds(200))
            .doc("Longest wait between replay attempts.").validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<Duration> PURGE_INTERVAL = ConfigKey.of(SECTION, "purge-interval", DURATION, Duration.ofMinutes(1))
            .doc("How often queued data older than max-age is purged.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<ByteSize> BATCH_SIZE = ConfigKey.of(SECTION, "batch-size", SIZE, ByteSize.ofBytes(512_000))
            .doc("Most bytes sent in one replay request.").validator(Validators.sizeAtLeast(1)).build();
    public static final ConfigKey<Long> MAX_WRITES_PENDING = ConfigKey.of(SECTION, "max-writes-pending", INTEGER, 1024L)
            .doc("Most writes waiting to enter the queues at once; more are rejected until some finish.")
            .validator(Validators.between(1, 1_000_000)).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(ENABLED, DIR, MAX_SIZE, MAX_AGE, RETRY_CONCURRENCY, RETRY_RATE_LIMIT, RETRY_INTERVAL, RETRY_MAX_INTERVAL,
                PURGE_INTERVAL, BATCH_SIZE, MAX_WRITES_PENDING);
        b.rename(SECTION, "max-pending-writes", MAX_WRITES_PENDING);
        b.crossCheck(c -> c.get(RETRY_MAX_INTERVAL).compareTo(c.get(RETRY_INTERVAL)) >= 0 ? null
                : "[hinted-handoff] retry-max-interval must not be shorter than retry-interval");
    }

    public static HintedHandoffConfig from(Config c) {
        return new HintedHandoffConfig(c.get(ENABLED), Path.of(c.get(DIR)), c.get(MAX_SIZE).bytes(), c.get(MAX_AGE),
                c.get(RETRY_CONCURRENCY).intValue(), c.get(RETRY_RATE_LIMIT), c.get(RETRY_INTERVAL),
                c.get(RETRY_MAX_INTERVAL), c.get(PURGE_INTERVAL), c.get(BATCH_SIZE).bytes(),
                c.get(MAX_WRITES_PENDING).intValue());
    }
}
