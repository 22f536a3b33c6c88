package io.shardline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.config.data.ClusterConfig;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.config.meta.MetaNodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final ConfigDef DATA = DataNodeConfig.DEFINITION;

    private static DataNodeConfig load(String toml, Map<String, String> env) {
        return DataNodeConfig.from(ConfigLoader.parse(DATA, toml, "test.toml", env).config());
    }

    @Test
    void environmentBeatsTheFile() {
        String toml = "[hinted-handoff]\nmax-size = \"1g\"\nmax-age = \"1h\"\n";
        DataNodeConfig fileOnly = load(toml, Map.of());
        assertThat(fileOnly.hintedHandoff().maxSize()).isEqualTo(1L << 30);
        DataNodeConfig withEnv = load(toml, Map.of("SHARDLINE_HINTED_HANDOFF_MAX_SIZE", "2g"));
        assertThat(withEnv.hintedHandoff().maxSize()).isEqualTo(2L << 30);
        assertThat(withEnv.hintedHandoff().maxAge()).hasHours(1);
    }

    @Test
    void influxdbPrefixIsAnAliasAndShardlineWins() {
        assertThat(load("", Map.of("INFLUXDB_HOSTNAME", "d1")).hostname()).isEqualTo("d1");
        assertThat(load("", Map.of("INFLUXDB_HOSTNAME", "d1", "SHARDLINE_HOSTNAME", "d2")).hostname()).isEqualTo("d2");
        assertThat(load("", Map.of("SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL", "2s")).antiEntropy().checkInterval()).hasSeconds(2);
    }

    @Test
    void documentedIrregularEnvironmentNamesWork() {
        assertThat(load("", Map.of("INFLUXDB_CLUSTER_ALLOW_OUT_OF_ORDER", "true")).cluster().allowOutOfOrderWrites()).isTrue();
        assertThat(load("", Map.of("INFLUXDB_HINTED_HANDOFF_MAX_PENDING_WRITES", "7")).hintedHandoff().maxWritesPending())
                .isEqualTo(7);
    }

    @Test
    void oldKeyNamesAreAcceptedWithAWarning() {
        LoadedConfig loaded = ConfigLoader.parse(DATA, "[hinted-handoff]\nmax-pending-writes = 12\n", "old.toml", Map.of());
        assertThat(loaded.config().get(HintedHandoffConfig.MAX_WRITES_PENDING)).isEqualTo(12L);
        assertThat(loaded.warnings()).containsExactly(
                "[hinted-handoff] max-pending-writes in old.toml is an old name; use [hinted-handoff] max-writes-pending");
        LoadedConfig both = ConfigLoader.parse(DATA,
                "[hinted-handoff]\nmax-writes-pending = 5\nmax-pending-writes = 12\n", "old.toml", Map.of());
        assertThat(both.config().get(HintedHandoffConfig.MAX_WRITES_PENDING)).isEqualTo(5L);
    }

    @Test
    void removedAndUnknownKeysWarnButLoad() {
        LoadedConfig loaded = ConfigLoader.parse(DATA, """
                reporting-disabled = true
                mystery = 1
                [cluster]
                shard-writer-timeout = "5s"
                max-remote-write-connections = 50
                typo-key = "x"
                [monitor]
                store-enabled = true
                [nosuch]
                a = 1
                [[graphite]]
                enabled = false
                """, "enterprise.toml", Map.of());
        assertThat(loaded.config().get(ClusterConfig.WRITE_TIMEOUT)).hasSeconds(10);
        assertThat(loaded.warnings()).containsExactly(
                "reporting-disabled in enterprise.toml is ignored: Shardline never reports usage",
                "unknown key mystery in enterprise.toml is ignored",
                "[cluster] shard-writer-timeout in enterprise.toml is ignored: removed in InfluxDB Enterprise 1.2.2;"
                        + " [cluster] write-timeout applies",
                "[cluster] max-remote-write-connections in enterprise.toml is ignored: removed in InfluxDB Enterprise"
                        + " 1.3.0; connections are pooled",
                "unknown key [cluster] typo-key in enterprise.toml is ignored",
                "unknown section [nosuch] in enterprise.toml is ignored",
                "section [graphite] in enterprise.toml is ignored: not supported by Shardline");
    }

    @Test
    void switchesShardlineCannotHonourRefuseToStart() {
        assertThatThrownBy(() -> load("[http]\nunix-socket-enabled = true\n", Map.of()))
                .hasMessage("invalid configuration: [http] unix-socket-enabled = true in test.toml is not supported by"
                        + " Shardline (Shardline listens on TCP only); set it to false or remove it");
        assertThat(ConfigLoader.parse(DATA, "[http]\nunix-socket-enabled = false\n", "t", Map.of()).warnings()).hasSize(1);
        assertThat(ConfigLoader.parse(DATA, "[http]\nauth-enabled = true\n", "t", Map.of()).warnings()).isEmpty();
    }

    @Test
    void tlsKeysAreHonoured() {
        DataNodeConfig c = load("[http]\nhttps-enabled = true\nhttps-certificate = \"/c.pem\"\n"
                + "[cluster]\nhttps-enabled = true\nhttps-insecure-tls = true\n[meta]\nmeta-tls-enabled = true\n"
                + "[tls]\nmin-version = \"tls1.3\"\nciphers = [\"TLS_AES_128_GCM_SHA256\"]\n", Map.of());
        assertThat(c.http().https().enabled()).isTrue();
        assertThat(c.http().https().certificate()).isEqualTo("/c.pem");
        assertThat(c.cluster().https().insecure()).isTrue();
        assertThat(c.meta().metaTlsEnabled()).isTrue();
        assertThat(c.tls().options().protocols()).containsExactly("TLSv1.3");
        assertThatThrownBy(() -> load("[tls]\nmin-version = \"ssl3\"\n", Map.of()))
                .hasMessageContaining("[tls] min-version").hasMessageContaining("tls1.0, tls1.1, tls1.2, tls1.3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[hinted-handoff]\\nmax-size = \"lots\""
                    + "|invalid configuration: [hinted-handoff] max-size = \"lots\" in test.toml: a size in bytes, or with a"
                    + " k, m or g suffix such as \"48m\" or \"10g\"",
            "[hinted-handoff]\\nmax-size = 0"
                    + "|invalid configuration: [hinted-handoff] max-size = 0 in test.toml: must be at least 1 bytes",
            "[hinted-handoff]\\nmax-age = \"5 days\""
                    + "|invalid configuration: [hinted-handoff] max-age = \"5 days\" in test.toml: a duration such as"
                    + " \"500ms\", \"10s\", \"5m0s\" or \"168h0m0s\" (units ns, us, ms, s, m, h, d, w)",
            "[hinted-handoff]\\nretry-concurrency = 0"
                    + "|invalid configuration: [hinted-handoff] retry-concurrency = 0 in test.toml: must be between 1 and 10000",
            "[hinted-handoff]\\nenabled = \"yes\""
                    + "|invalid configuration: [hinted-handoff] enabled = \"yes\" in test.toml: true or false",
            "[hinted-handoff]\\ndir = \"\""
                    + "|invalid configuration: [hinted-handoff] dir = \"\" in test.toml: must not be empty",
            "[hinted-handoff]\\nretry-interval = \"1m\"\\nretry-max-interval = \"10s\""
                    + "|invalid configuration: [hinted-handoff] retry-max-interval must not be shorter than retry-interval",
            "[http]\\nbind-address = \"8086\""
                    + "|invalid configuration: [http] bind-address = \"8086\" in test.toml: must be an address such as"
                    + " \":8086\" or \"127.0.0.1:8086\" (address \"8086\" has no port; expected host:port or :port)",
            "[http]\\nmax-row-limit = -1"
                    + "|invalid configuration: [http] max-row-limit = -1 in test.toml: must be at least 0",
            "[logging]\\nlevel = \"trace\""
                    + "|invalid configuration: [logging] level = \"trace\" in test.toml: must be one of error, warn, info, debug",
            "[logging]\\nformat = \"xml\""
                    + "|invalid configuration: [logging] format = \"xml\" in test.toml: must be one of auto, logfmt, json",
            "[cluster]\\nwrite-timeout = \"0s\""
                    + "|invalid configuration: [cluster] write-timeout = \"0s\" in test.toml: must be at least 1ms",
            "[anti-entropy]\\ncheck-interval = \"10ms\""
                    + "|invalid configuration: [anti-entropy] check-interval = \"10ms\" in test.toml: must be at least 100ms",
            "[anti-entropy]\\nsettle-window = \"-1s\""
                    + "|invalid configuration: [anti-entropy] settle-window = \"-1s\" in test.toml: must not be negative",
            "[data]\\ncompact-throughput = \"64m\"\\ncompact-throughput-burst = \"1m\""
                    + "|invalid configuration: [data] compact-throughput-burst must be at least compact-throughput",
            "hostname = 5"
                    + "|invalid configuration: hostname = 5 in test.toml: a string",
    })
    void badValuesStopWithAOneLineMessage(String toml, String message) {
        assertThatThrownBy(() -> load(toml.replace("\\n", "\n"), Map.of()))
                .isInstanceOf(ShardlineException.class)
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessage(message);
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        assertThatThrownBy(() -> load("", Map.of("SHARDLINE_ANTI_ENTROPY_MAX_FETCH", "many")))
                .hasMessage("invalid configuration: [anti-entropy] max-fetch = \"many\" from environment variable"
                        + " SHARDLINE_ANTI_ENTROPY_MAX_FETCH: an integer");
        assertThatThrownBy(() -> load("", Map.of("INFLUXDB_ANTI_ENTROPY_MAX_FETCH", "0")))
                .hasMessage("invalid configuration: [anti-entropy] max-fetch = \"0\" from environment variable"
                        + " INFLUXDB_ANTI_ENTROPY_MAX_FETCH: must be between 1 and 1000");
    }

    @Test
    void malformedTomlAndMissingFilesAreOneLineErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> load("[http\nx=1", Map.of()))
                .hasMessageStartingWith("cannot parse test.toml as TOML: ")
                .hasMessageNotContaining("\n");
        Path missing = dir.resolve("nope.toml");
        assertThatThrownBy(() -> ConfigLoader.load(MetaNodeConfig.DEFINITION, missing, Map.of()))
                .hasMessage("configuration file not found: " + missing);
        Path file = dir.resolve("meta.toml");
        Files.writeString(file, "[meta]\ndir = \"/x/meta\"\n");
        assertThat(MetaNodeConfig.from(ConfigLoader.load(MetaNodeConfig.DEFINITION, file, Map.of()).config()).meta().dir())
                .isEqualTo(Path.of("/x/meta"));
    }
}
