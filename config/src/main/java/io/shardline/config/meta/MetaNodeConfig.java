package io.shardline.config.meta;

import static io.shardline.config.ConfigTypes.STRING;

import io.shardline.common.net.HostPort;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.LoggingConfig;
import io.shardline.config.TlsConfig;

/**
 * The whole meta-node configuration (InfluxDB Enterprise's {@code influxdb-meta.conf}), as typed
 * immutable sections. {@link #DEFINITION} declares every key.
 */
public record MetaNodeConfig(String hostname, MetaConfig meta, LoggingConfig logging, TlsConfig tls) {

    public static final ConfigKey<String> HOSTNAME = ConfigKey.of("", "hostname", STRING, "")
            .doc("Host name this meta node advertises to the cluster; empty means localhost.").build();

    /** Every key of the meta-node configuration. */
    public static final ConfigDef DEFINITION = define();

    private static ConfigDef define() {
        ConfigDef.Builder b = ConfigDef.builder("meta");
        b.keys(HOSTNAME);
        b.ignore("", "reporting-disabled", "Shardline never reports usage", false);
        b.ignore("", "bind-address", "not intended for use; see [meta] bind-address", false);
        MetaConfig.declare(b);
        LoggingConfig.declare(b);
        TlsConfig.declare(b);
        b.ignoreSection("enterprise", "not supported by Shardline");
        return b.build();
    }

    public static MetaNodeConfig from(Config c) {
        return new MetaNodeConfig(c.get(HOSTNAME), MetaConfig.from(c), LoggingConfig.from(c), TlsConfig.from(c));
    }

    /** The name other nodes use for this meta node. */
    public String advertisedHost() {
        return hostname.isBlank() ? "localhost" : hostname;
    }

    public HostPort advertisedRaftAddress() {
        return meta.bindAddress().withHost(advertisedHost());
    }

    public HostPort advertisedApiAddress() {
        return meta.httpBindAddress().withHost(advertisedHost());
    }

    public HostPort advertisedStatusAddress() {
        return meta.statusBindAddress().withHost(advertisedHost());
    }
}
