package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The replicated write path with real processes (3 meta, 2 data, RF 2, base port 21000): 100k
 * points on both owners; with data2 killed, {@code one} answers 204 and {@code all} answers 500
 * {@code partial write}; hinted handoff brings data2 back to every point; and a queue survives
 * {@code kill -9} of the node that holds it. Counts come from each node's own {@code /shard-status}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WritePathE2E {

    private static final ClusterScript CLUSTER = new ClusterScript("write-path", E2ePorts.base(21000))
            .env("SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL", "1s");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern POINTS = Pattern.compile("\"points\":(\\d+)");
    private static final long T0 = 1_700_000_000_000_000_000L;

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh();
        HttpResponse<String> created = post(CLUSTER.url("data1") + "/query?q="
                + URLEncoder.encode("CREATE DATABASE db WITH REPLICATION 2", StandardCharsets.UTF_8), "");
        assertThat(created.body()).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> write(String node, String consistency, int from, int count) throws Exception {
        StringBuilder b = new StringBuilder(count * 64);
        for (int i = from; i < from + count; i++) {
            b.append("cpu,host=server-").append(i % 100).append(" usage=").append(i).append(' ')
                    .append(T0 + (long) (i / 100) * 1_000_000_000L).append('\n');
        }
        return post(CLUSTER.url(node) + "/write?db=db&consistency=" + consistency, b.toString());
    }

    /** Points stored on {@code node}, summed over its local shards. */
    private static long points(String node) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/shard-status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long total = 0;
        for (Matcher m = POINTS.matcher(body); m.find(); ) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private static void awaitEqualCounts(long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(points("data1")).isEqualTo(expected);
            assertThat(points("data2")).isEqualTo(expected);
        });
    }

    @Test
    @Order(1)
    void hundredThousandPointsLandOnBothOwners() throws Exception {
        for (int batch = 0; batch < 20; batch++) {
            assertThat(write(batch % 2 == 0 ? "data1" : "data2", "one", batch * 5_000, 5_000).statusCode()).isEqualTo(204);
        }
        awaitEqualCounts(100_000);
    }

    @Test
    @Order(2)
    void withAnOwnerKilledOneSucceedsAllIsAPartialWriteAndHandoffCatchesUp() throws Exception {
        CLUSTER.run("kill", "data2").ok();
        assertThat(write("data1", "one", 100_000, 5_000).statusCode()).isEqualTo(204);
        HttpResponse<String> all = write("data1", "all", 105_000, 5_000);
        assertThat(all.statusCode()).isEqualTo(500);
        assertThat(all.body()).isEqualTo("{\"error\":\"partial write\"}\n");
        assertThat(points("data1")).isEqualTo(110_000);
        CLUSTER.run("start", "data2").ok();
        awaitEqualCounts(110_000);
    }

    @Test
    @Order(3)
    void aQueueSurvivesKillNineOfTheNodeHoldingIt() throws Exception {
        CLUSTER.run("kill", "data2").ok();
        assertThat(write("data1", "one", 110_000, 10_000).statusCode()).isEqualTo(204);
        CLUSTER.run("kill", "data1").ok();
        CLUSTER.run("start", "data2").ok();
        assertThat(points("data2")).isEqualTo(110_000);
        CLUSTER.run("start", "data1").ok();
        awaitEqualCounts(120_000);
    }
}
