package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.STRING;

import io.shardline.common.net.HostPort;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.LoggingConfig;
import io.shardline.config.TlsConfig;
import io.shardline.config.Validators;
import java.time.Duration;

/**
 * The whole data-node configuration (InfluxDB Enterprise's {@code influxdb.conf}), as typed
 * immutable sections. {@link #DEFINITION} declares every key; {@link #from(Config)} builds the records.
 */
public record DataNodeConfig(HostPort bindAddress, String hostname, Duration gossipFrequency,
                             MetaClientConfig meta, StorageConfig data, ClusterConfig cluster,
                             HintedHandoffConfig hintedHandoff, AntiEntropyConfig antiEntropy, HttpConfig http,
                             RetentionConfig retention, ShardPrecreationConfig shardPrecreation,
                             LoggingConfig logging, MonitorConfig monitor,
                             ContinuousQueriesConfig continuousQueries, TlsConfig tls) {

    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("", "bind-address", STRING, ":8088")
            .doc("Address of the data node's gRPC service: shard writes and reads between data nodes, copy-shard,"
                    + " digests and patches for anti-entropy, and requests from meta nodes.")
            .validator(Validators.address()).build();
    public static final ConfigKey<String> HOSTNAME = ConfigKey.of("", "hostname", STRING, "localhost")
            .doc("Host name this node advertises to the cluster; every other node must reach it under this name.")
            .validator(Validators.notBlank()).build();
    public static final ConfigKey<Duration> GOSSIP_FREQUENCY = ConfigKey.of("", "gossip-frequency", DURATION, Duration.ofSeconds(3))
            .doc("How often the node announces its addresses and version to the meta nodes.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();

    /** Every key of the data-node configuration. */
    public static final ConfigDef DEFINITION = define();

    private static ConfigDef define() {
        ConfigDef.Builder b = ConfigDef.builder("data");
        b.keys(BIND_ADDRESS, HOSTNAME, GOSSIP_FREQUENCY);
        b.ignore("", "reporting-disabled", "Shardline never reports usage", false);
        b.ignore("", "compact-series-file", "TSM engine setting; Shardline stores shards in RocksDB", false);
        MetaClientConfig.declare(b);
        StorageConfig.declare(b);
        ClusterConfig.declare(b);
        HintedHandoffConfig.declare(b);
        AntiEntropyConfig.declare(b);
        HttpConfig.declare(b);
        RetentionConfig.declare(b);
        ShardPrecreationConfig.declare(b);
        LoggingConfig.declare(b);
        MonitorConfig.declare(b);
        ContinuousQueriesConfig.declare(b);
        TlsConfig.declare(b);
        for (String s : new String[] {"enterprise", "subscriber", "graphite",
                "opentsdb", "udp", "collectd", "admin", "coordinator"}) {
            b.ignoreSection(s, "not supported by Shardline");
        }
        return b.build();
    }

    public static DataNodeConfig from(Config c) {
        return new DataNodeConfig(HostPort.parse(c.get(BIND_ADDRESS)), c.get(HOSTNAME), c.get(GOSSIP_FREQUENCY),
                MetaClientConfig.from(c), StorageConfig.from(c), ClusterConfig.from(c), HintedHandoffConfig.from(c),
                AntiEntropyConfig.from(c), HttpConfig.from(c), RetentionConfig.from(c), ShardPrecreationConfig.from(c),
                LoggingConfig.from(c), MonitorConfig.from(c), ContinuousQueriesConfig.from(c), TlsConfig.from(c));
    }

    /** The gRPC address other nodes use: {@code hostname} with the bind port. */
    public HostPort advertisedTcpAddress() {
        return bindAddress.withHost(hostname);
    }

    /** The HTTP address other nodes and tools use: {@code hostname} with the HTTP port. */
    public HostPort advertisedHttpAddress() {
        return http.bindAddress().withHost(hostname);
    }
}
