package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.INTEGER;
import static io.shardline.config.ConfigTypes.STRING;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.TlsEndpointConfig;
import io.shardline.config.Validators;
import java.time.Duration;

/** The data node's {@code [cluster]} section: traffic between data nodes, write and query limits. */
public record ClusterConfig(Duration dialTimeout, Duration poolMaxIdleTime, int poolMaxIdleStreams,
                           boolean allowOutOfOrderWrites, Duration shardReaderTimeout, Duration writeTimeout,
                           int maxConcurrentQueries, int maxConcurrentDeletes, Duration queryTimeout,
                           Duration logQueriesAfter, long maxSelectPoint, long maxSelectSeries,
                           long maxSelectBuckets, boolean clusterTracing, RpcLimitsConfig rpc,
                           TlsEndpointConfig https) {

    public static final String SECTION = "cluster";

    public static final ConfigKey<Duration> DIAL_TIMEOUT = ConfigKey.of(SECTION, "dial-timeout", DURATION, Duration.ofSeconds(1))
            .doc("How long a query waits to connect to a remote data node before trying another replica.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<Duration> POOL_MAX_IDLE_TIME = ConfigKey.of(SECTION, "pool-max-idle-time", DURATION, Duration.ofSeconds(60))
            .doc("Idle connections to other data nodes are closed after this long.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Long> POOL_MAX_IDLE_STREAMS = ConfigKey.of(SECTION, "pool-max-idle-streams", INTEGER, 100L)
            .doc("Most idle streams kept open per peer data node.").validator(Validators.between(0, 100_000)).build();
    public static final ConfigKey<Boolean> ALLOW_OUT_OF_ORDER_WRITES = ConfigKey.of(SECTION, "allow-out-of-order-writes", BOOLEAN, false)
            .doc("When true, new writes go straight to an owner even while its hinted-handoff queue is not empty"
                    + " (faster drain, but overwrites of the same point may arrive out of order).")
            .envAliases("INFLUXDB_CLUSTER_ALLOW_OUT_OF_ORDER", "SHARDLINE_CLUSTER_ALLOW_OUT_OF_ORDER").build();
    public static final ConfigKey<Duration> SHARD_READER_TIMEOUT = ConfigKey.of(SECTION, "shard-reader-timeout", DURATION, Duration.ZERO)
            .doc("Timeout for reading a shard on a remote data node; 0 means none.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Duration> WRITE_TIMEOUT = ConfigKey.of(SECTION, "write-timeout", DURATION, Duration.ofSeconds(10))
            .doc("How long a write waits for the acknowledgements its consistency level needs before answering timeout.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<Long> MAX_CONCURRENT_QUERIES = ConfigKey.of(SECTION, "max-concurrent-queries", INTEGER, 0L)
            .doc("Most queries running at once on this node; 0 means no limit.").validator(Validators.between(0, 1_000_000)).build();
    public static final ConfigKey<Long> MAX_CONCURRENT_DELETES = ConfigKey.of(SECTION, "max-concurrent-deletes", INTEGER, 1L)
            .doc("Most DELETE or DROP statements applied to one shard at once.").validator(Validators.between(1, 1_000)).build();
    public static final ConfigKey<Duration> QUERY_TIMEOUT = ConfigKey.of(SECTION, "query-timeout", DURATION, Duration.ZERO)
            .doc("Queries running longer are stopped; 0 means no limit.").validator(Validators.notNegative()).build();
    public static final ConfigKey<Duration> LOG_QUERIES_AFTER = ConfigKey.of(SECTION, "log-queries-after", DURATION, Duration.ZERO)
            .doc("Queries running longer are logged as slow; 0 disables the slow-query log.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<Long> MAX_SELECT_POINT = ConfigKey.of(SECTION, "max-select-point", INTEGER, 0L)
            .doc("Most points a SELECT may read on all nodes together, checked once a second while it runs; 0 means no"
                    + " limit.").validator(Validators.atLeast(0)).build();
    public static final ConfigKey<Long> MAX_SELECT_SERIES = ConfigKey.of(SECTION, "max-select-series", INTEGER, 0L)
            .doc("Most series a SELECT may read; 0 means no limit.").validator(Validators.atLeast(0)).build();
    public static final ConfigKey<Long> MAX_SELECT_BUCKETS = ConfigKey.of(SECTION, "max-select-buckets", INTEGER, 0L)
            .doc("Most GROUP BY time() buckets a SELECT may produce; 0 means no limit.").validator(Validators.atLeast(0)).build();
    public static final ConfigKey<Boolean> CLUSTER_TRACING = ConfigKey.of(SECTION, "cluster-tracing", BOOLEAN, false)
            .doc("Log every request between data nodes (verbose).").build();

    public static final ConfigKey<Boolean> HTTPS_ENABLED = ConfigKey.of(SECTION, "https-enabled", BOOLEAN, false)
            .doc("TLS for the gRPC service between data nodes (bind-address): this node serves it with"
                    + " https-certificate and verifies other data nodes' certificates against [tls] ca-certificate."
                    + " Every data node of a cluster must agree.").build();
    public static final ConfigKey<String> HTTPS_CERTIFICATE = ConfigKey.of(SECTION, "https-certificate", STRING, "")
            .doc("PEM certificate chain of this data node's gRPC service; may also hold the private key.").build();
    public static final ConfigKey<String> HTTPS_PRIVATE_KEY = ConfigKey.of(SECTION, "https-private-key", STRING, "")
            .doc("PEM private key; empty: the key is in https-certificate.").build();
    public static final ConfigKey<Boolean> HTTPS_INSECURE_TLS = ConfigKey.of(SECTION, "https-insecure-tls", BOOLEAN, false)
            .doc("Accept any certificate from other data nodes (no verification; testing only).").build();

    static void declare(ConfigDef.Builder b) {
        b.keys(DIAL_TIMEOUT, POOL_MAX_IDLE_TIME, POOL_MAX_IDLE_STREAMS, ALLOW_OUT_OF_ORDER_WRITES, SHARD_READER_TIMEOUT,
                WRITE_TIMEOUT, MAX_CONCURRENT_QUERIES, MAX_CONCURRENT_DELETES, QUERY_TIMEOUT, LOG_QUERIES_AFTER,
                MAX_SELECT_POINT, MAX_SELECT_SERIES, MAX_SELECT_BUCKETS, CLUSTER_TRACING, HTTPS_ENABLED,
                HTTPS_CERTIFICATE, HTTPS_PRIVATE_KEY, HTTPS_INSECURE_TLS);
        RpcLimitsConfig.declare(b);
        b.ignoreAll(SECTION, "not used by Shardline", "https-insecure-certificate", "rpc-resettable-write-timeout",
                "log-timedout-queries", "termination-query-log");
        b.ignore(SECTION, "shard-writer-timeout", "removed in InfluxDB Enterprise 1.2.2; [cluster] write-timeout applies", false);
        b.ignore(SECTION, "max-remote-write-connections", "removed in InfluxDB Enterprise 1.3.0; connections are pooled", false);
    }

    public static ClusterConfig from(Config c) {
        return new ClusterConfig(c.get(DIAL_TIMEOUT), c.get(POOL_MAX_IDLE_TIME), c.get(POOL_MAX_IDLE_STREAMS).intValue(),
                c.get(ALLOW_OUT_OF_ORDER_WRITES), c.get(SHARD_READER_TIMEOUT), c.get(WRITE_TIMEOUT),
                c.get(MAX_CONCURRENT_QUERIES).intValue(), c.get(MAX_CONCURRENT_DELETES).intValue(), c.get(QUERY_TIMEOUT),
                c.get(LOG_QUERIES_AFTER), c.get(MAX_SELECT_POINT), c.get(MAX_SELECT_SERIES), c.get(MAX_SELECT_BUCKETS),
                c.get(CLUSTER_TRACING), RpcLimitsConfig.from(c), new TlsEndpointConfig("[cluster] ", c.get(HTTPS_ENABLED),
                        c.get(HTTPS_CERTIFICATE), c.get(HTTPS_PRIVATE_KEY), c.get(HTTPS_INSECURE_TLS)));
    }
}
