package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The local-cluster launcher as an operator uses it: 3 meta + 2 data processes on base port 18000 (shifted by {@link E2ePorts}). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterScriptE2E {

    private static final ClusterScript CLUSTER = new ClusterScript("launcher", E2ePorts.base(18000));
    private static final int B = CLUSTER.basePort();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> NODES = List.of("meta1", "meta2", "meta3", "data1", "data2");

    @BeforeAll
    static void up() throws Exception {
        long start = System.nanoTime();
        ClusterScript.Result up = CLUSTER.upFresh();
        System.out.printf("cluster up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(up.output()).contains("NODE", "meta1", "data2", "Try:");
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A killed process may stay a zombie for a moment until init reaps it; wait for that, with a deadline. */
    private static void awaitExited(long pid) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d alive", pid).isFalse());
    }

    @Test
    @Order(1)
    void upStartsEveryNodeAndStatusShowsThem() {
        Map<String, ClusterScript.NodeStatus> status = CLUSTER.status();
        assertThat(status.keySet()).containsExactlyInAnyOrderElementsOf(NODES);
        status.values().forEach(n -> {
            assertThat(n.state()).as(n.node()).isEqualTo("up");
            assertThat(ProcessHandle.of(n.pid())).as(n.node()).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        });
        assertThat(status.get("data1").addresses()).isEqualTo("http=127.0.0.1:" + (B + 106) + " tcp=127.0.0.1:" + (B + 108));
        assertThat(status.get("meta2").addresses()).isEqualTo("api=127.0.0.1:" + (B + 21) + " status=127.0.0.1:" + (B + 22) + " raft=127.0.0.1:" + (B + 29));
        assertThat(CLUSTER.url("data2")).isEqualTo("http://127.0.0.1:" + (B + 116));
        assertThat(CLUSTER.api("data2")).isEqualTo("127.0.0.1:" + (B + 118));
        assertThat(CLUSTER.api("meta1")).isEqualTo("127.0.0.1:" + (B + 11));
        assertThat(CLUSTER.url("meta1")).isEqualTo("http://127.0.0.1:" + (B + 12));
    }

    @Test
    @Order(2)
    void dataNodeAnswersPingWithInfluxHeaders() throws Exception {
        HttpResponse<String> ping = get(CLUSTER.url("data1") + "/ping");
        assertThat(ping.statusCode()).isEqualTo(204);
        assertThat(ping.headers().firstValue("X-Influxdb-Version")).hasValueSatisfying(v -> assertThat(v).startsWith("1.8.10-c"));
        assertThat(ping.headers().firstValue("X-Influxdb-Build")).contains("ENT");
        String requestId = ping.headers().firstValue("Request-Id").orElseThrow();
        assertThat(ping.headers().firstValue("X-Request-Id")).contains(requestId);
        assertThat(requestId).matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        HttpResponse<String> echoed = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url("data1") + "/ping"))
                .header("X-Request-Id", "drill-42").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(echoed.headers().firstValue("Request-Id")).contains("drill-42");
        assertThat(get(CLUSTER.url("data1") + "/health").body()).contains("\"status\":\"pass\"");
        assertThat(get(CLUSTER.url("meta1") + "/status").body()).startsWith("{\"nodeType\":\"meta\"");
    }

    private static String showCluster() throws Exception {
        return get(CLUSTER.url("meta2") + "/show-cluster").body();
    }

    @Test
    @Order(2)
    void metaNodesFormOneRaftClusterWithOneLeader() {
        List<String> metas = List.of("meta1", "meta2", "meta3");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> leaders = new java.util.ArrayList<>();
            for (String m : metas) {
                String status = get(CLUSTER.url(m) + "/status").body();
                java.util.regex.Matcher leader = java.util.regex.Pattern.compile("\"leader\":\"([^\"]*)\"").matcher(status);
                assertThat(leader.find()).as(status).isTrue();
                leaders.add(leader.group(1));
                assertThat(status).as(m).contains("\"peers\":[\"127.0.0.1:" + (B / 100));
            }
            assertThat(leaders.get(0)).isNotEmpty();
            assertThat(leaders).as("leader seen by meta1..3").containsOnly(leaders.get(0));
            assertThat(List.of("127.0.0.1:" + (B + 19), "127.0.0.1:" + (B + 29), "127.0.0.1:" + (B + 39))).contains(leaders.get(0));
        });
    }

    @Test
    @Order(2)
    void nodesAreRegisteredWithOneIdSequence() throws Exception {
        String cluster = showCluster();
        assertThat(cluster).contains("{\"id\":1,\"addr\":\"127.0.0.1:" + (B + 11) + "\",\"httpScheme\":\"http\",\"tcpAddr\":\"127.0.0.1:" + (B + 19) + "\"")
                .contains("{\"id\":2,\"addr\":\"127.0.0.1:" + (B + 21) + "\"")
                .contains("{\"id\":3,\"addr\":\"127.0.0.1:" + (B + 31) + "\"")
                .contains("{\"id\":4,\"addr\":\"127.0.0.1:" + (B + 106) + "\",\"httpScheme\":\"http\",\"tcpAddr\":\"127.0.0.1:" + (B + 108) + "\"")
                .contains("{\"id\":5,\"addr\":\"127.0.0.1:" + (B + 116) + "\",\"httpScheme\":\"http\",\"tcpAddr\":\"127.0.0.1:" + (B + 118) + "\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(showCluster()).as("every node announces its version").doesNotContain("\"version\":\"\""));
    }

    @Test
    @Order(3)
    void killAndStartOneDataNode() throws Exception {
        long pid = CLUSTER.status().get("data1").pid();
        assertThat(CLUSTER.run("kill", "data1").ok().output()).contains("killed data1 (pid " + pid + ")");
        awaitExited(pid);
        assertThat(CLUSTER.status().get("data1").state()).isEqualTo("down");
        CLUSTER.run("start", "data1").ok();
        ClusterScript.NodeStatus restarted = CLUSTER.status().get("data1");
        assertThat(restarted.state()).isEqualTo("up");
        assertThat(restarted.pid()).isNotEqualTo(pid);
        assertThat(get(CLUSTER.url("data1") + "/ping").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(showCluster())
                .as("data1 keeps id 4 after a restart").contains("{\"id\":4,\"addr\":\"127.0.0.1:" + (B + 106) + "\"")
                .doesNotContain("\"id\":6"));
    }

    @Test
    @Order(4)
    void pauseAndResume() throws Exception {
        CLUSTER.run("pause", "data2").ok();
        assertThat(CLUSTER.status().get("data2").state()).isEqualTo("paused");
        HttpRequest ping = HttpRequest.newBuilder(URI.create(CLUSTER.url("data2") + "/ping"))
                .timeout(Duration.ofMillis(500)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HTTP.send(ping, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        CLUSTER.run("resume", "data2").ok();
        assertThat(CLUSTER.status().get("data2").state()).isEqualTo("up");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(CLUSTER.url("data2") + "/ping").statusCode()).isEqualTo(204));
    }

    @Test
    @Order(5)
    void secondUpOnARunningClusterChangesNothing() {
        Map<String, Long> before = CLUSTER.status().values().stream()
                .collect(Collectors.toMap(ClusterScript.NodeStatus::node, ClusterScript.NodeStatus::pid));
        assertThat(CLUSTER.run("up").ok().output()).contains("already running; nothing changed");
        Map<String, Long> after = CLUSTER.status().values().stream()
                .collect(Collectors.toMap(ClusterScript.NodeStatus::node, ClusterScript.NodeStatus::pid));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(6)
    void downLeavesNoProcessBehind() {
        List<Long> pids = CLUSTER.status().values().stream().map(ClusterScript.NodeStatus::pid).toList();
        CLUSTER.run("down").ok();
        pids.forEach(ClusterScriptE2E::awaitExited);
        assertThat(CLUSTER.status().values()).allSatisfy(n -> assertThat(n.state()).isEqualTo("down"));
    }
}
