package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.INTEGER;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/**
 * The limits of the data node's {@code [http]} section: InfluxDB 1.x's connection limit and write
 * throttle (same keys and defaults), and Shardline's timeouts and request concurrency, which keep
 * slow or idle clients from holding threads or memory (1.x, whose goroutines are cheap, has none).
 */
public record HttpLimitsConfig(int maxConnectionLimit, int maxConcurrentWriteLimit, int maxEnqueuedWriteLimit,
                               Duration enqueuedWriteTimeout, Duration readHeaderTimeout, Duration readTimeout,
                               Duration idleTimeout, int maxConcurrentRequests, int maxQueuedRequests) {

    private static final String SECTION = HttpConfig.SECTION;

    public static final ConfigKey<Long> MAX_CONNECTION_LIMIT = ConfigKey.of(SECTION, "max-connection-limit", INTEGER, 0L)
            .doc("Most open client connections; a connection beyond it is accepted and closed at once, as in"
                    + " InfluxDB 1.x. 0 means no limit.").validator(Validators.between(0, 10_000_000)).build();
    public static final ConfigKey<Long> MAX_CONCURRENT_WRITE_LIMIT = ConfigKey.of(SECTION, "max-concurrent-write-limit",
            INTEGER, 0L).doc("Most /write requests processed at once; others wait in the write queue. 0 means no"
                    + " limit (and no queue).").validator(Validators.between(0, 1_000_000)).build();
    public static final ConfigKey<Long> MAX_ENQUEUED_WRITE_LIMIT = ConfigKey.of(SECTION, "max-enqueued-write-limit",
            INTEGER, 0L).doc("Most /write requests waiting for a turn when max-concurrent-write-limit is reached;"
                    + " more get 503 \"request throttled, queue full\". 0 means the queue is not bounded.")
            .validator(Validators.between(0, 1_000_000)).build();
    public static final ConfigKey<Duration> ENQUEUED_WRITE_TIMEOUT = ConfigKey.of(SECTION, "enqueued-write-timeout",
            DURATION, Duration.ZERO).doc("Longest a queued /write request waits for its turn; then 503 \"request"
                    + " throttled, exceeds timeout\". 0 means it waits as long as it takes.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Duration> READ_HEADER_TIMEOUT = ConfigKey.of(SECTION, "read-header-timeout",
            DURATION, Duration.ofSeconds(10)).doc("Shardline: a request's line and headers must arrive within this"
                    + " long of its first byte, else 408 and the connection closes. 0 means no limit.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Duration> READ_TIMEOUT = ConfigKey.of(SECTION, "read-timeout", DURATION,
            Duration.ofMinutes(5)).doc("Shardline: a whole request, body included, must arrive within this long of"
                    + " its first byte, else 408 and the connection closes (slow-body clients). 0 means no limit.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Duration> IDLE_TIMEOUT = ConfigKey.of(SECTION, "idle-timeout", DURATION,
            Duration.ofMinutes(3)).doc("Shardline: a keep-alive connection with no request for this long is closed,"
                    + " and so is one whose client takes no part of a response for this long. 0 means never.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Long> MAX_CONCURRENT_REQUESTS = ConfigKey.of(SECTION, "max-concurrent-requests",
            INTEGER, 32L).doc("Shardline: requests handled at once (worker threads); /ping and /health are answered"
                    + " without one.").validator(Validators.between(1, 10_000)).build();
    public static final ConfigKey<Long> MAX_QUEUED_REQUESTS = ConfigKey.of(SECTION, "max-queued-requests", INTEGER,
            256L).doc("Shardline: complete requests waiting for a worker; beyond it a request gets 503 with"
                    + " Retry-After.").validator(Validators.between(0, 1_000_000)).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(MAX_CONNECTION_LIMIT, MAX_CONCURRENT_WRITE_LIMIT, MAX_ENQUEUED_WRITE_LIMIT, ENQUEUED_WRITE_TIMEOUT,
                READ_HEADER_TIMEOUT, READ_TIMEOUT, IDLE_TIMEOUT, MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS);
    }

    static HttpLimitsConfig from(Config c) {
        return new HttpLimitsConfig(c.get(MAX_CONNECTION_LIMIT).intValue(), c.get(MAX_CONCURRENT_WRITE_LIMIT).intValue(),
                c.get(MAX_ENQUEUED_WRITE_LIMIT).intValue(), c.get(ENQUEUED_WRITE_TIMEOUT), c.get(READ_HEADER_TIMEOUT),
                c.get(READ_TIMEOUT), c.get(IDLE_TIMEOUT), c.get(MAX_CONCURRENT_REQUESTS).intValue(),
                c.get(MAX_QUEUED_REQUESTS).intValue());
    }
}
