package io.shardline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.meta.MetaNodeConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The defaults of InfluxDB Enterprise (reference §2.2 and §2.3), as TOML literals. */
class ReferenceDefaultsTest {

    @ParameterizedTest(name = "data {0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "|bind-address|\":8088\"",
            "|hostname|\"localhost\"",
            "|gossip-frequency|\"3s\"",
            "data|wal-fsync-delay|\"0s\"",
            "data|cache-max-memory-size|1000000000",
            "data|cache-snapshot-memory-size|26214400",
            "data|max-series-per-database|1000000",
            "data|max-values-per-tag|100000",
            "data|compact-throughput|50331648",
            "cluster|dial-timeout|\"1s\"",
            "cluster|pool-max-idle-time|\"1m0s\"",
            "cluster|pool-max-idle-streams|100",
            "cluster|allow-out-of-order-writes|false",
            "cluster|shard-reader-timeout|\"0s\"",
            "cluster|write-timeout|\"10s\"",
            "cluster|max-concurrent-queries|0",
            "cluster|max-concurrent-deletes|1",
            "hinted-handoff|enabled|true",
            "hinted-handoff|max-size|10737418240",
            "hinted-handoff|max-age|\"168h0m0s\"",
            "hinted-handoff|retry-concurrency|20",
            "hinted-handoff|retry-rate-limit|0",
            "hinted-handoff|retry-interval|\"1s\"",
            "hinted-handoff|retry-max-interval|\"3m20s\"",
            "hinted-handoff|purge-interval|\"1m0s\"",
            "hinted-handoff|batch-size|512000",
            "hinted-handoff|max-writes-pending|1024",
            "anti-entropy|check-interval|\"5m0s\"",
            "anti-entropy|max-fetch|10",
            "anti-entropy|max-sync|1",
            "anti-entropy|auto-repair-missing|true",
            "http|bind-address|\":8086\"",
            "http|max-body-size|25000000",
            "http|max-row-limit|0",
            "retention|enabled|true",
            "retention|check-interval|\"30m0s\"",
            "shard-precreation|check-interval|\"10m0s\"",
            "shard-precreation|advance-period|\"30m0s\"",
            "logging|format|\"logfmt\"",
            "logging|level|\"info\""
    })
    void dataNodeDefaults(String section, String name, String literal) {
        assertDefault(DataNodeConfig.DEFINITION, section, name, literal);
    }

    @ParameterizedTest(name = "meta {0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "|hostname|\"\"",
            "meta|bind-address|\":8089\"",
            "meta|http-bind-address|\":8091\"",
            "meta|status-bind-address|\":8092\"",
            "meta|gossip-frequency|\"5s\"",
            "meta|announcement-expiration|\"30s\"",
            "meta|retention-autocreate|true",
            "meta|election-timeout|\"1s\"",
            "meta|heartbeat-timeout|\"1s\"",
            "meta|leader-lease-timeout|\"500ms\"",
            "meta|commit-timeout|\"50ms\"",
            "meta|consensus-timeout|\"30s\"",
            "meta|lease-duration|\"1m0s\""
    })
    void metaNodeDefaults(String section, String name, String literal) {
        assertDefault(MetaNodeConfig.DEFINITION, section, name, literal);
    }

    private static void assertDefault(ConfigDef def, String section, String name, String literal) {
        ConfigKey<?> key = def.key(section == null ? "" : section, name).orElseThrow();
        assertThat(print(key)).isEqualTo(literal);
    }

    private static <T> String print(ConfigKey<T> key) {
        return key.type().toToml(key.defaultValue());
    }
}
