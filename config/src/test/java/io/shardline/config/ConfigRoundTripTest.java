package io.shardline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.unit.ByteSize;
import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.config.meta.MetaConfig;
import io.shardline.config.meta.MetaNodeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRoundTripTest {

    @Test
    void printedDataDefaultsLoadBackToTheSameConfiguration() {
        Config defaults = Config.defaults(DataNodeConfig.DEFINITION);
        LoadedConfig loaded = ConfigLoader.parse(DataNodeConfig.DEFINITION, TomlPrinter.print(defaults), "printed", Map.of());
        assertThat(loaded.config()).isEqualTo(defaults);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void printedMetaDefaultsLoadBackToTheSameConfiguration() {
        Config defaults = Config.defaults(MetaNodeConfig.DEFINITION);
        LoadedConfig loaded = ConfigLoader.parse(MetaNodeConfig.DEFINITION, TomlPrinter.print(defaults), "printed", Map.of());
        assertThat(loaded.config()).isEqualTo(defaults);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void nonDefaultValuesSurviveAPrintAndLoad() {
        Config changed = Config.defaults(DataNodeConfig.DEFINITION)
                .with(HintedHandoffConfig.MAX_SIZE, ByteSize.parse("1g"))
                .with(HintedHandoffConfig.MAX_AGE, Duration.ofMillis(1500))
                .with(HintedHandoffConfig.DIR, "/tmp/with \"quotes\" and \\ backslash")
                .with(AntiEntropyConfig.CHECK_INTERVAL, Duration.ofSeconds(2))
                .with(DataNodeConfig.HOSTNAME, "data-1.example");
        Config reloaded = ConfigLoader.parse(DataNodeConfig.DEFINITION, TomlPrinter.print(changed), "printed", Map.of()).config();
        assertThat(reloaded).isEqualTo(changed);
        assertThat(DataNodeConfig.from(reloaded).hintedHandoff().maxAge()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void secretsAreNeverPrinted() {
        Config withSecret = Config.defaults(DataNodeConfig.DEFINITION)
                .with(io.shardline.config.data.HttpConfig.SHARED_SECRET, "hunter2-secret");
        String toml = TomlPrinter.print(withSecret);
        assertThat(toml).doesNotContain("hunter2").contains("shared-secret = \"\" # set; the value is not shown");
        assertThat(DataNodeConfig.from(withSecret).http().toString()).doesNotContain("hunter2");
    }

    @Test
    void printedFileLooksLikeInfluxdConfig() {
        String toml = TomlPrinter.print(Config.defaults(DataNodeConfig.DEFINITION));
        assertThat(toml).contains("\n[hinted-handoff]\n")
                .contains("  max-size = 10737418240\n")
                .contains("  max-age = \"168h0m0s\"\n")
                .contains("  retry-max-interval = \"3m20s\"\n")
                .contains("\nbind-address = \":8088\"\n");
    }

    @Test
    void typedRecordsCarryTheValues() {
        DataNodeConfig data = DataNodeConfig.from(Config.defaults(DataNodeConfig.DEFINITION));
        assertThat(data.advertisedTcpAddress()).hasToString("localhost:8088");
        assertThat(data.hintedHandoff().maxSize()).isEqualTo(10_737_418_240L);
        assertThat(data.antiEntropy().enabled()).isTrue();
        MetaNodeConfig meta = MetaNodeConfig.from(Config.defaults(MetaNodeConfig.DEFINITION));
        assertThat(meta.advertisedApiAddress()).hasToString("localhost:8091");
        assertThat(meta.meta().leaderLeaseTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(List.of(MetaConfig.STATUS_BIND_ADDRESS.shardlineOnly(), MetaConfig.DIR.shardlineOnly()))
                .containsExactly(true, false);
    }
}
