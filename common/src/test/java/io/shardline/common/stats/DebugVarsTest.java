package io.shardline.common.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DebugVarsTest {

    @Test
    void keysFollowInfluxRules() {
        assertThat(DebugVars.key(snap("shard", Map.of("path", "/d/db/rp/1", "id", "1", "database", "db"))))
                .isEqualTo("shard:/d/db/rp/1:1");
        assertThat(DebugVars.key(snap("httpd", Map.of("bind", ":8086")))).isEqualTo("httpd::8086");
        assertThat(DebugVars.key(snap("database", Map.of("database", "db")))).isEqualTo("database:db");
        assertThat(DebugVars.key(snap("hh_database", Map.of("database", "db", "retention_policy", "rp", "node", "5"))))
                .isEqualTo("hh_database:db:rp");
        assertThat(DebugVars.key(snap("rpc", Map.of("peer", "h:1", "method", "WriteShard"))))
                .isEqualTo("rpc:WriteShard:h:1");
        assertThat(DebugVars.key(snap("write", Map.of()))).isEqualTo("write");
    }

    @Test
    void duplicateKeysGetANumber() {
        StatsRegistry r = new StatsRegistry();
        r.source(() -> List.of(snap("hh_database", Map.of("database", "db", "retention_policy", "rp", "node", "5")),
                snap("hh_database", Map.of("database", "db", "retention_policy", "rp", "node", "6"))));
        assertThat(r.toDebugVarsJson()).contains("\"hh_database:db:rp\": ").contains("\"hh_database:db:rp:1\": ");
    }

    @Test
    void documentStartsWithSystemCmdlineAndMemstats() {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        NodeRuntime runtime = new NodeRuntime(clock, List.of("shardline.jar", "data", "-config", "a \"b\".toml"), "vm");
        StatsRegistry r = new StatsRegistry();
        runtime.register(r);
        clock.advance(java.time.Duration.ofMillis(9_500));
        String doc = DebugVars.render(r, runtime);
        assertThat(doc).startsWith("{\n\"system\": {\"currentTime\":\"2023-11-14T22:13:29.5Z\",\"started\":"
                + "\"2023-11-14T22:13:20Z\",\"uptime\":9},\n\"cmdline\": [\"shardline.jar\",\"data\",\"-config\","
                + "\"a \\\"b\\\".toml\"],\n\"memstats\": {\"Alloc\":");
        assertThat(doc).contains(",\n\"runtime\": {\"name\":\"runtime\",\"tags\":{},\"values\":{\"Alloc\":")
                .endsWith("}}\n}\n");
        assertThat(r.diagnostics().get("system").rows().get(0)).containsExactly(ProcessHandle.current().pid(),
                "2023-11-14T22:13:29.5Z", "2023-11-14T22:13:20Z", "9.5s");
        assertThat(r.diagnostics().get("build").columns()).containsExactly("Branch", "Build Time", "Commit", "Version");
        assertThat(r.diagnostics().get("runtime").columns()).containsExactly("GOARCH", "GOMAXPROCS", "GOOS", "version");
        assertThat(r.diagnostics().get("network").rows().get(0)).containsExactly("vm");
    }

    @Test
    void valuesAreWrittenAsGoWould() {
        StringBuilder b = new StringBuilder();
        DebugVars.appendStatistic(b, new StatSnapshot("x", Map.of(), Map.of("f", 0.5, "i", 3L, "s", "a<b", "big", 1e21,
                "tiny", 1.5e-7, "whole", 2.0), Set.of()));
        assertThat(b).hasToString("{\"name\":\"x\",\"tags\":null,\"values\":{\"big\":1e+21,\"f\":0.5,\"i\":3,"
                + "\"s\":\"a\\u003cb\",\"tiny\":1.5e-7,\"whole\":2}}");
    }

    private static StatSnapshot snap(String name, Map<String, String> tags) {
        return new StatSnapshot(name, tags, Map.of("v", 1L), Set.of());
    }
}
