package io.shardline.common.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatsRegistryTest {

    @Test
    void rendersInfluxDebugVarsShape() {
        StatsRegistry registry = new StatsRegistry();
        registry.statistic("write").add("pointReq", 5);
        registry.statistic("write").add("writeOk", 1);
        registry.statistic("hh_node", Map.of("node", "5")).gauge("queueTotalSize", () -> 42);
        assertThat(registry.toDebugVarsJson()).isEqualTo("{\n"
                + "\"write\": {\"name\":\"write\",\"tags\":null,\"values\":{\"pointReq\":5,\"writeOk\":1}},\n"
                + "\"hh_node:5\": {\"name\":\"hh_node\",\"tags\":{\"node\":\"5\"},\"values\":{\"queueTotalSize\":42}}\n"
                + "}\n");
        registry.remove("hh_node", Map.of("node", "5"));
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void countersGrowAndGaugesAreReadAtEachSnapshot() {
        StatsRegistry registry = new StatsRegistry();
        AtomicLong queue = new AtomicLong(10);
        Statistic hh = registry.statistic("hh_processor", Map.of("node", "5"));
        hh.gauge("queueBytes", queue::get).floatGauge("ratio", () -> 0.25).stringGauge("state", () -> "active");
        hh.add("writeShardReq", 2);
        hh.counter("writeShardReq").increment();
        StatSnapshot first = registry.snapshot("hh_processor").get(0);
        assertThat(first.values()).containsExactly(Map.entry("queueBytes", 10L), Map.entry("ratio", 0.25),
                Map.entry("state", "active"), Map.entry("writeShardReq", 3L));
        assertThat(first.counters()).containsExactly("writeShardReq");
        queue.set(0);
        assertThat(registry.snapshot("hh_processor").get(0).longValue("queueBytes")).isZero();
        assertThat(hh.values()).containsOnlyKeys("queueBytes", "writeShardReq");
        assertThat(registry.statistic("hh_processor", Map.of("node", "5"))).isSameAs(hh);
    }

    @Test
    void aGaugeThatFailsIsLeftOutAndSourcesFollowTheirModulesOrder() throws Exception {
        StatsRegistry registry = new StatsRegistry();
        registry.statistic("runtime").gauge("Alloc", () -> 1);
        registry.statistic("write").gauge("broken", () -> {
            throw new IllegalStateException("closed");
        }).add("req", 1);
        AutoCloseable shards = registry.source(() -> List.of(
                new StatSnapshot("shard", Map.of("id", "10"), Map.of("writeReq", 1L), Set.of("writeReq")),
                new StatSnapshot("shard", Map.of("id", "9"), Map.of("writeReq", 2L), Set.of("writeReq"))));
        registry.source(() -> {
            throw new IllegalStateException("source down");
        });
        List<StatSnapshot> all = registry.snapshot();
        assertThat(all).extracting(StatSnapshot::name).containsExactly("runtime", "write", "shard", "shard");
        assertThat(all.get(1).values()).containsOnlyKeys("req");
        assertThat(all.get(2).tags()).containsEntry("id", "9");
        shards.close();
        assertThat(registry.snapshot()).hasSize(2);
        assertThat(registry.snapshot("x")).isEmpty();
    }

    @Test
    void diagnosticsAreSortedByModule() {
        StatsRegistry registry = new StatsRegistry();
        registry.diagnostic("system", () -> Diagnostic.ofMap(Map.of("uptime", "1s", "PID", 7L)));
        registry.diagnostic("build", () -> Diagnostic.ofRow(List.of("Version"), List.of("1")));
        registry.diagnostic("broken", () -> {
            throw new IllegalStateException();
        });
        assertThat(registry.diagnostics().keySet()).containsExactly("build", "system");
        assertThat(registry.diagnostics().get("system").columns()).containsExactly("PID", "uptime");
    }

    @Test
    void naturalOrderSortsNumbersByValue() {
        assertThat(StatsRegistry.naturalOrder("shard:id=9", "shard:id=10")).isNegative();
        assertThat(StatsRegistry.naturalOrder("a", "b")).isNegative();
        assertThat(StatsRegistry.naturalOrder("a1", "a1")).isZero();
    }
}
