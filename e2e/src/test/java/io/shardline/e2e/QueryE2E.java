package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Distributed InfluxQL with real processes (1 meta, 3 data, RF 2, 1-hour shard groups, base port 23000): the
 * golden scenario table answered exactly by every data node; {@code node=} shows each node's replicas so the
 * counts can be compared; with an owner killed the answers do not change; a DELETE while an owner is down
 * reaches it through hinted handoff once it is back, and the deleted points stay deleted on every replica.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryE2E {

    private static final ClusterScript CLUSTER = new ClusterScript("query", E2ePorts.base(23000))
            .env("SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL", "1s")
            .env("SHARDLINE_CLUSTER_DIAL_TIMEOUT", "500ms");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> DATA = List.of("data1", "data2", "data3");
    private static final Pattern COUNT = Pattern.compile("\\[\\[0,(\\d+)\\]\\]");
    private static final List<String[]> SCENARIOS = new ArrayList<>();
    private static final StringBuilder BODY = new StringBuilder();
    private static List<String> databases = List.of();

    @BeforeAll
    static void up() throws Exception {
        loadTable();
        CLUSTER.upFresh("--meta", "1", "--data", "3");
        for (String db : databases) {
            assertThat(query("data1", "", "CREATE DATABASE " + db + " WITH REPLICATION 2 SHARD DURATION 1h"))
                    .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        }
        awaitSameShards();
        for (String db : databases) {
            HttpResponse<String> w = post(url("data1") + "/write?consistency=all&db=" + db, BODY.toString());
            assertThat(w.statusCode()).as(w.body()).isEqualTo(204);
        }
        awaitSameShards();
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    private static void loadTable() throws Exception {
        Path table = CLUSTER.repo().resolve("data-node/src/test/resources/io/shardline/datanode/query/golden-queries.txt");
        String[] s = new String[4];
        for (String line : Files.readAllLines(table)) {
            if (line.startsWith("@databases ")) {
                databases = List.of(line.substring(11).trim().split(" "));
            } else if (line.startsWith("@data ")) {
                BODY.append(line.substring(6)).append('\n');
            } else if (line.startsWith("--- ")) {
                s[0] = line.substring(4);
            } else if (line.startsWith("db:")) {
                s[1] = line.substring(3).trim();
            } else if (line.startsWith("q: ")) {
                s[2] = line.substring(3);
            } else if (line.startsWith("expect: ")) {
                s[3] = line.substring(8);
                SCENARIOS.add(s.clone());
            }
        }
    }

    private static String url(String node) {
        return CLUSTER.url(node);
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String node, String db, String q) throws Exception {
        return query(node, db, q, "");
    }

    private static String query(String node, String db, String q, String extra) throws Exception {
        return post(url(node) + "/query?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8) + extra + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), "").body();
    }

    /** Every data node lists the same shards (their cluster views caught up with the shard groups). */
    private static void awaitSameShards() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String first = query("data1", "", "SHOW SHARDS");
            return query("data2", "", "SHOW SHARDS").equals(first) && query("data3", "", "SHOW SHARDS").equals(first);
        });
    }

    private static List<String> run(List<String[]> scenarios, List<String> coordinators) throws Exception {
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (String[] s : scenarios) {
            String node = coordinators.get(i++ % coordinators.size());
            String got = query(node, s[1], s[2]);
            if (!got.equals(s[3] + "\n")) {
                failures.add(s[0] + " on " + node + "\n  q:      " + s[2] + "\n  expect: " + s[3] + "\n  got:    " + got);
            }
        }
        return failures;
    }

    private static List<String[]> readOnly() {
        List<String[]> out = new ArrayList<>();
        for (String[] s : SCENARIOS) {
            String u = s[2].trim().toUpperCase(Locale.ROOT);
            if (u.startsWith("DELETE") || u.startsWith("DROP")) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    private static long count(String node, String db, String q, String extra) throws Exception {
        String body = query(node, db, q, "&epoch=s" + extra);
        Matcher m = COUNT.matcher(body);
        assertThat(body).doesNotContain("\"error\"");
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static List<Long> dataNodeIds() throws Exception {
        TreeSet<Long> ids = new TreeSet<>();
        Matcher m = Pattern.compile("\"([0-9]+(,[0-9]+)*)\"\\]").matcher(query("data1", "", "SHOW SHARDS"));
        while (m.find()) {
            for (String id : m.group(1).split(",")) {
                ids.add(Long.parseLong(id));
            }
        }
        return new ArrayList<>(ids);
    }

    @Test
    @Order(1)
    void everyDataNodeAnswersTheGoldenTableExactly() throws Exception {
        assertThat(SCENARIOS).hasSizeGreaterThan(70);
        assertThat(run(SCENARIOS, DATA)).isEmpty();
    }

    @Test
    @Order(2)
    void nodeParameterComparesTheReplicasOfEachNode() throws Exception {
        List<Long> ids = dataNodeIds();
        assertThat(ids).hasSize(3);
        long sum = 0;
        for (long id : ids) {
            long onNode = count("data1", "golden", "SELECT count(value) FROM cpu", "&node=" + id);
            assertThat(count("data2", "golden", "SELECT count(value) FROM cpu", "&node=" + id)).isEqualTo(onNode);
            sum += onNode;
        }
        assertThat(sum).as("every point on two replicas").isEqualTo(2 * count("data3", "golden",
                "SELECT count(value) FROM cpu", ""));
    }

    @Test
    @Order(3)
    void anOwnerKilledChangesNoAnswer() throws Exception {
        CLUSTER.run("kill", "data3").ok();
        assertThat(run(readOnly(), List.of("data1", "data2"))).isEmpty();
        CLUSTER.run("start", "data3").ok();
    }

    @Test
    @Order(4)
    void deleteWithAnOwnerDownStaysDeletedWhenItComesBack() throws Exception {
        StringBuilder b = new StringBuilder();
        long t0 = 1_600_000_000_000_000_000L;
        for (int i = 0; i < 600; i++) {
            b.append("m,host=h").append(i % 3).append(" v=").append(i).append(' ')
                    .append(t0 + i * 30_000_000_000L).append('\n');
        }
        assertThat(query("data1", "", "CREATE DATABASE del WITH REPLICATION 2 SHARD DURATION 1h"))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        awaitSameShards();
        // data3 was restarted just before: retry (the same points) until every owner takes the write.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                post(url("data1") + "/write?consistency=all&db=del", b.toString()).statusCode() == 204);
        awaitSameShards();
        assertThat(count("data2", "del", "SELECT count(v) FROM m", "")).isEqualTo(600);

        CLUSTER.run("kill", "data3").ok();
        assertThat(query("data1", "del", "DELETE FROM m WHERE host = 'h1'")).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(count("data1", "del", "SELECT count(v) FROM m", "")).isEqualTo(400);
        assertThat(count("data2", "del", "SELECT count(v) FROM m WHERE host = 'h1'", "")).isZero();
        CLUSTER.run("start", "data3").ok();

        List<Long> ids = dataNodeIds();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (long id : ids) {
                assertThat(count("data1", "del", "SELECT count(v) FROM m WHERE host = 'h1'", "&node=" + id))
                        .as("h1 points left on node %d", id).isZero();
            }
        });
        long replicas = 0;
        for (long id : ids) {
            replicas += count("data3", "del", "SELECT count(v) FROM m", "&node=" + id);
        }
        assertThat(replicas).isEqualTo(800);
        for (String node : DATA) {
            assertThat(count(node, "del", "SELECT count(v) FROM m", "")).isEqualTo(400);
        }
    }
}
