package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Monitoring with real processes (1 meta, 2 data, RF 2, statistics stored every second, base port
 * 30000): {@code _internal} is created as 1.x does and holds every node's statistics; with a data
 * node killed, the coordinator's hinted-handoff queue shows in {@code _internal} rising and falling
 * back to 0 once the node is back; an anti-entropy repair is counted; {@code SHOW STATS FOR 'hh'}
 * agrees with {@code /debug/vars}; {@code /metrics} of a data and a meta node parse with
 * Prometheus's own parser ({@code promtool check metrics}); and every panel of
 * {@code docs/grafana/shardline-cluster.json} answers with series and no error.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorE2E {

    private static final int BASE = E2ePorts.base(30000);
    private static final ClusterScript CLUSTER = new ClusterScript("monitor", BASE)
            .env("SHARDLINE_MONITOR_STORE_ENABLED", "true")
            .env("SHARDLINE_MONITOR_STORE_INTERVAL", "1s")
            .env("SHARDLINE_MONITOR_REMOTE_COLLECT_INTERVAL", "1s")
            .env("SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL", "1s")
            .env("SHARDLINE_CLUSTER_DIAL_TIMEOUT", "500ms")
            .env("SHARDLINE_META_ANNOUNCEMENT_EXPIRATION", "5s")
            .env("SHARDLINE_GOSSIP_FREQUENCY", "1s")
            .env("SHARDLINE_HTTP_SUPPRESS_WRITE_LOG", "true");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh("--meta", "1", "--data", "2");
        assertThat(query("data1", "CREATE DATABASE app WITH REPLICATION 2")).isEqualTo("{\"results\":[{\"statement_id\":0}]}");
        for (String n : List.of("data1", "data2")) {
            String vars = get(CLUSTER.url(n) + "/debug/vars").body();
            JsonNode internal = JSON.readTree(vars);
            assertThat(internal.has("memstats")).isTrue();
            assertThat(internal.get("cmdline").isArray()).isTrue();
        }
        write("data1", "any", 0, 500);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode series = series(query("data1", "SELECT last(\"pointReq\") FROM \"_internal\".\"monitor\".\"write\""
                    + " WHERE time > now() - 5m GROUP BY \"nodeID\""));
            assertThat(series).hasSize(2);
        });
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void internalIsCreatedAs1xDoesAndAnswersLikeAnyDatabase() throws Exception {
        assertThat(query("data2", "SHOW RETENTION POLICIES ON _internal")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"columns\":[\"name\",\"duration\",\"shardGroupDuration\",\"replicaN\",\"default\"],"
                + "\"values\":[[\"monitor\",\"168h0m0s\",\"24h0m0s\",1,true]]}]}]}");
        assertThat(query("data1", "SHOW STATS FOR 'nothing'")).isEqualTo("{\"results\":[{\"statement_id\":0}]}");
        JsonNode diagnostics = series(query("data1", "SHOW DIAGNOSTICS"));
        List<String> modules = new ArrayList<>();
        diagnostics.forEach(s -> modules.add(s.get("name").asText()));
        assertThat(modules).contains("build", "cluster", "config-data", "config-httpd", "config-monitor", "network",
                "runtime", "system");
        JsonNode monitor = series(query("data1", "SHOW DIAGNOSTICS FOR 'config-monitor'")).get(0);
        assertThat(monitor.get("columns").toString())
                .isEqualTo("[\"remote-collect-interval\",\"store-database\",\"store-enabled\",\"store-interval\"]");
        assertThat(monitor.get("values").get(0).toString()).isEqualTo("[\"1s\",\"_internal\",true,\"1s\"]");
        JsonNode build = series(query("data1", "SHOW DIAGNOSTICS FOR 'build'")).get(0);
        assertThat(build.get("columns").toString()).isEqualTo("[\"Branch\",\"Build Time\",\"Commit\",\"Version\"]");
        // each module's measurement appears with the first store after it has statistics (rpc: after a node's
        // first RPC), so the list is waited for rather than read once
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode measurements = series(query("data2", "SHOW MEASUREMENTS ON _internal")).get(0).get("values");
            assertThat(measurements.toString()).contains("\"httpd\"", "\"runtime\"", "\"shard\"", "\"database\"",
                    "\"write\"", "\"queryExecutor\"", "\"rocksdb\"", "\"rpc\"", "\"meta_node\"", "\"ae\"");
        });
    }

    @Test
    @Order(2)
    void handoffQueueBytesRiseInInternalAndFallBackToZero() throws Exception {
        String coordinatorId = nodeId("data1");
        CLUSTER.run("kill", "data2").ok();
        for (int batch = 0; batch < 5; batch++) {
            assertThat(write("data1", "any", 1_000 + batch * 200, 200).statusCode()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> hhQueued("data1") > 0);
        long queuedBeforeRestart = hhQueued("data1");
        for (int tick = 0; tick < 2; tick++) { // the queue is stored while the node is still down
            long stored = stat("data1", "monitor", "pointsWritten");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> stat("data1", "monitor", "pointsWritten") > stored);
        }
        CLUSTER.run("start", "data2").ok();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> hhQueued("data1") == 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode values = series(query("data2", "SELECT max(\"queueTotalSize\") FROM \"_internal\".\"monitor\".\"hh_node\""
                    + " WHERE \"nodeID\" = '" + coordinatorId + "' AND time > now() - 10m GROUP BY time(1s) fill(none)"))
                    .get(0).get("values");
            long max = 0;
            for (JsonNode row : values) {
                max = Math.max(max, row.get(1).asLong());
            }
            assertThat(max).as("queue bytes while data2 was down (%d in /debug/vars)", queuedBeforeRestart).isPositive();
            assertThat(values.get(values.size() - 1).get(1).asLong()).as("the latest stored queue size").isZero();
        });
    }

    @Test
    @Order(3)
    void antiEntropyRepairsAreCounted() throws Exception {
        String shard = series(query("data1", "SHOW SHARDS")).toString().replaceAll("(?s).*?\\[(\\d+),\"app\".*", "$1");
        HttpResponse<String> repair = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url("data1")
                + "/shard-repair/repair?id=" + shard)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(repair.statusCode()).as(repair.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(series(query("data1", "SELECT max(\"repairs\") FROM \"_internal\".\"monitor\".\"ae\""
                        + " WHERE time > now() - 10m")).get(0).get("values").get(0).get(1).asLong()).isPositive());
    }

    @Test
    @Order(4)
    void showStatsAgreesWithDebugVars() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode shown = series(query("data1", "SHOW STATS FOR 'hh'")).get(0);
            JsonNode vars = JSON.readTree(get(CLUSTER.url("data1") + "/debug/vars").body()).get("hh");
            Map<String, Long> fromShow = new TreeMap<>();
            for (int i = 0; i < shown.get("columns").size(); i++) {
                fromShow.put(shown.get("columns").get(i).asText(), shown.get("values").get(0).get(i).asLong());
            }
            Map<String, Long> fromVars = new TreeMap<>();
            vars.get("values").fields().forEachRemaining(e -> fromVars.put(e.getKey(), e.getValue().asLong()));
            assertThat(fromShow).isEqualTo(fromVars).containsKeys("writeShardReq", "writeShardReqPoints", "queueTotalSize");
            assertThat(fromShow.get("writeShardReq")).isPositive();
        });
    }

    @Test
    @Order(5)
    void metricsParseWithPrometheusParser() throws Exception {
        for (String url : List.of(CLUSTER.url("data1"), CLUSTER.url("meta1"))) {
            HttpResponse<String> metrics = get(url + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(metrics.body()).contains("process_cpu_seconds_total", "jvm_memory_used_bytes",
                    "influxdb_runtime_heap_in_use");
            Path file = Files.createTempFile("metrics", ".txt");
            Files.writeString(file, metrics.body());
            Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // 0: clean; 3: parsed, with style remarks; 1: the text did not parse
            assertThat(promtool.exitValue()).as("promtool check metrics on %s/metrics:%n%s", url, out).isIn(0, 3);
            Files.delete(file);
        }
        assertThat(get(CLUSTER.url("meta1") + "/metrics").body()).contains("influxdb_raft_term", "influxdb_raft_is_leader 1.0");
        assertThat(get(CLUSTER.url("data1") + "/metrics").body()).contains("influxdb_hh_queue_total_size",
                "influxdb_httpd_req_total{bind=");
    }

    @Test
    @Order(6)
    void everyDashboardPanelAnswersWithSeries() throws Exception {
        JsonNode dashboard = JSON.readTree(CLUSTER.repo().resolve("docs/grafana/shardline-cluster.json").toFile());
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String q = target.get("query").asText().replace("$timeFilter", "time > now() - 10m")
                        .replace("$__interval", "2s");
                String answer = query("data1", q);
                // series() fails on a statement error
                assertThat(series(answer).size()).as("panel \"%s\" returns series: %s", panel.get("title").asText(), q)
                        .isPositive();
                queries++;
            }
        }
        assertThat(queries).isEqualTo(dashboard.get("panels").size());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static long hhQueued(String node) throws IOException, InterruptedException {
        return stat(node, "hh", "queueTotalSize");
    }

    private static long stat(String node, String key, String field) throws IOException, InterruptedException {
        JsonNode s = JSON.readTree(get(CLUSTER.url(node) + "/debug/vars").body()).get(key);
        return s == null || !s.get("values").has(field) ? 0 : s.get("values").get(field).asLong();
    }

    private static String nodeId(String node) throws IOException, InterruptedException {
        JsonNode series = series(query(node, "SELECT last(\"req\") FROM \"_internal\".\"monitor\".\"httpd\""
                + " WHERE time > now() - 5m AND \"bind\" = '" + CLUSTER.url(node).substring("http://".length())
                + "' GROUP BY \"nodeID\""));
        return series.get(0).get("tags").get("nodeID").asText();
    }

    private static JsonNode series(String answer) throws IOException {
        JsonNode result = JSON.readTree(answer).get("results").get(0);
        assertThat(result.has("error")).as(answer).isFalse();
        return result.has("series") ? result.get("series") : JSON.createArrayNode();
    }

    private static HttpResponse<String> write(String node, String consistency, int from, int count)
            throws IOException, InterruptedException {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            b.append("cpu,host=h").append(i % 10).append(" usage=").append(i).append(' ').append(now - i * 1_000_000L)
                    .append('\n');
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/write?db=app&consistency=" + consistency))
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String node, String q) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/query?db=_internal&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body().trim();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
