package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/**
 * The data node's {@code [continuous_queries]} section: the continuous-query service, which runs the queries on
 * the data node holding the meta nodes' {@code continuous_querier} lease.
 */
public record ContinuousQueriesConfig(boolean enabled, boolean logEnabled, boolean queryStatsEnabled,
        Duration runInterval) {

    public static final String SECTION = "continuous_queries";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of(SECTION, "enabled", BOOLEAN, true)
            .doc("Run continuous queries on this data node when it holds the continuous_querier lease.").build();
    public static final ConfigKey<Boolean> LOG_ENABLED = ConfigKey.of(SECTION, "log-enabled", BOOLEAN, true)
            .doc("Log every continuous query execution (time range, points written, duration).").build();
    public static final ConfigKey<Boolean> QUERY_STATS_ENABLED = ConfigKey.of(SECTION, "query-stats-enabled",
            BOOLEAN, false)
            .doc("Write a cq_query point per execution (durationNs, pointsWrittenOK, startTime, endTime) to the"
                    + " monitor database when [monitor] store-enabled.").build();
    public static final ConfigKey<Duration> RUN_INTERVAL = ConfigKey.of(SECTION, "run-interval", DURATION,
            Duration.ofSeconds(1))
            .doc("How often the service checks which continuous queries are due; the lease holder also renews"
                    + " its lease at this pace once half of it has passed.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();

    static void declare(ConfigDef.Builder b) {
        b.keys(ENABLED, LOG_ENABLED, QUERY_STATS_ENABLED, RUN_INTERVAL);
    }

    public static ContinuousQueriesConfig from(Config c) {
        return new ContinuousQueriesConfig(c.get(ENABLED), c.get(LOG_ENABLED), c.get(QUERY_STATS_ENABLED),
                c.get(RUN_INTERVAL));
    }
}
