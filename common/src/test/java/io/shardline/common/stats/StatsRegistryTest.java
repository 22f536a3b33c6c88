package io.shardline.common.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsRegistryTest {

    @Test
    void rendersInfluxDebugVarsShape() {
        StatsRegistry registry = new StatsRegistry();
        registry.statistic("write").add("pointReq", 5);
        registry.statistic("write").add("writeOk", 1);
        registry.statistic("hh_node", Map.of("node", "5")).gauge("queueTotalSize", () -> 42);
        assertThat(registry.toDebugVarsJson()).isEqualTo("{\"hh_node:node=5\":{\"name\":\"hh_node\",\"tags\":{\"node\":\"5\"},"
                + "\"values\":{\"queueTotalSize\":42}},\n\"write\":{\"name\":\"write\",\"tags\":{},"
                + "\"values\":{\"pointReq\":5,\"writeOk\":1}}}");
        registry.remove("hh_node", Map.of("node", "5"));
        assertThat(registry.all()).hasSize(1);
    }
}
