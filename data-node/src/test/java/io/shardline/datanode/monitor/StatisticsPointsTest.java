package io.shardline.datanode.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.stats.StatSnapshot;
import io.shardline.model.Point;
import io.shardline.model.lp.LineProtocolWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatisticsPointsTest {

    @Test
    void statisticsBecomePointsWithGlobalTags() {
        List<Point> points = StatisticsPoints.of(List.of(
                new StatSnapshot("hh_processor", Map.of("node", "5", "path", ""), Map.of("queueBytes", 42L,
                        "ratio", 0.5, "state", "active"), Set.of()),
                new StatSnapshot("empty", Map.of(), Map.of(), Set.of())),
                Map.of("hostname", "vm", "nodeID", "4"), 1_700_000_000_000_000_000L);
        assertThat(points).hasSize(1);
        assertThat(LineProtocolWriter.toLine(points.get(0))).isEqualTo(
                "hh_processor,hostname=vm,node=5,nodeID=4 queueBytes=42i,ratio=0.5,state=\"active\" 1700000000000000000");
    }

    @Test
    void ticksFallOnEvenIntervals() {
        long s = 1_000_000_000L;
        assertThat(StatisticsPoints.nextTick(12 * s + 3, 10 * s)).isEqualTo(20 * s);
        assertThat(StatisticsPoints.nextTick(20 * s, 10 * s)).isEqualTo(30 * s);
    }
}
