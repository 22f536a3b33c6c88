package io.shardline.common.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    @Test
    void exposesStatisticsAndJvmInTextFormat() {
        StatsRegistry r = new StatsRegistry();
        r.statistic("write").add("pointReq", 7);
        r.statistic("hh_processor", Map.of("node", "5", "path", "/hh/5/3")).gauge("queueBytes", () -> 42)
                .stringGauge("state", () -> "x");
        r.statistic("hh_processor", Map.of("node", "6", "path", "/hh/6/3")).gauge("queueBytes", () -> 0);
        String text = new String(new PrometheusMetrics(r).scrape(), StandardCharsets.UTF_8);
        assertThat(text).contains("# HELP influxdb_write_point_req_total InfluxDB statistic write.pointReq\n"
                + "# TYPE influxdb_write_point_req_total counter\ninfluxdb_write_point_req_total 7.0\n");
        assertThat(text).contains("# TYPE influxdb_hh_processor_queue_bytes gauge\n")
                .contains("influxdb_hh_processor_queue_bytes{node=\"5\",path=\"/hh/5/3\"} 42.0\n")
                .contains("influxdb_hh_processor_queue_bytes{node=\"6\",path=\"/hh/6/3\"} 0.0\n")
                .doesNotContain("influxdb_hh_processor_state");
        assertThat(text).contains("process_cpu_seconds_total").contains("jvm_memory_used_bytes");
    }

    @Test
    void namesAreMadeValid() {
        assertThat(PrometheusMetrics.metricName("hh-processor", "queue.bytes")).isEqualTo("influxdb_hh_processor_queue_bytes");
        assertThat(PrometheusMetrics.metricName("x", "writes_total")).isEqualTo("influxdb_x_writes_total_value");
        assertThat(PrometheusMetrics.metricName("queryExecutor", "queriesActive")).isEqualTo("influxdb_query_executor_queries_active");
        assertThat(PrometheusMetrics.snake("HeapInUse")).isEqualTo("heap_in_use");
        assertThat(PrometheusMetrics.snake("nodeID")).isEqualTo("node_id");
        assertThat(PrometheusMetrics.snake("WALCompactionTimeMs")).isEqualTo("wal_compaction_time_ms");
        assertThat(PrometheusMetrics.snake("pointsWrittenOK")).isEqualTo("points_written_ok");
    }
}
