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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Continuous queries with real processes (3 meta with a 5 s lease, 3 data, RF 2, base port 17500): a CQ
 * downsamples 10 s data into 1 m means in a second retention policy; the data node holding the
 * {@code continuous_querier} lease is killed by pid while it runs the CQ every 5 s; another node takes the lease
 * over, and in the end every minute is present exactly once per host with the value {@code mean()} gives over
 * the raw data. Seeded (the seed is printed).
 */
class ContinuousQueryE2E {

    private static final ClusterScript CLUSTER = new ClusterScript("continuous-queries", E2ePorts.base(17500))
            .env("SHARDLINE_META_LEASE_DURATION", "5s")
            .env("SHARDLINE_CONTINUOUS_QUERIES_RUN_INTERVAL", "500ms");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CQ_OK = Pattern.compile("\"name\":\"cq_query_stats\".*?\"queryOk\":(\\d+)");
    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final List<String> DATA = List.of("data1", "data2", "data3");

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh("--data", "3");
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    private static HttpResponse<String> post(String node, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String node, String q) throws Exception {
        return post(node, "/query?db=db&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "").body();
    }

    /** Successful CQ executions on {@code node} ({@code cq_query_stats} in /debug/vars), 0 when none or unreachable. */
    private static long executions(String node) {
        try {
            String vars = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/debug/vars"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CQ_OK.matcher(vars);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String columnsAndValues(String body) {
        int i = body.indexOf("\"tags\"");
        return i < 0 ? body : body.substring(i);
    }

    @Test
    void everyMinuteOnceWithTheRawMeanAcrossALeaseHolderKill() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ContinuousQueryE2E seed=" + seed);
        Random random = new Random(seed);
        assertThat(query("data1", "CREATE DATABASE db WITH REPLICATION 2")).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(query("data1", "CREATE RETENTION POLICY coarse ON db DURATION INF REPLICATION 2"))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        long nowMinute = System.currentTimeMillis() / 60_000 * M;
        long m0 = nowMinute - 4 * M;
        StringBuilder lines = new StringBuilder();
        for (long t = m0; t < nowMinute + 10 * M; t += 10 * S) {
            for (String host : new String[] {"a", "b"}) {
                lines.append("cpu,host=").append(host).append(" value=").append(random.nextInt(4000) / 4.0)
                        .append(' ').append(t).append('\n');
            }
        }
        assertThat(post("data1", "/write?db=db&consistency=all", lines.toString()).statusCode()).isEqualTo(204);
        assertThat(query("data2", "CREATE CONTINUOUS QUERY cq ON db RESAMPLE EVERY 5s FOR 6m BEGIN SELECT "
                + "mean(value) INTO db.coarse.cpu_1m FROM cpu GROUP BY time(1m), host END"))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");

        // the lease holder is the only node that has executed the CQ; kill it while it runs every 5 s
        List<String> holders = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            holders.clear();
            DATA.stream().filter(n -> executions(n) >= 2).forEach(holders::add);
            return !holders.isEmpty();
        });
        String holder = holders.get(0);
        CLUSTER.run("kill", holder).ok();
        long killedAt = System.currentTimeMillis() * 1_000_000L;
        List<String> survivors = DATA.stream().filter(n -> !n.equals(holder)).toList();

        // another node takes over and computes the minute after the kill, which only it can have written
        long lastMinute = killedAt / M * M + M;
        String window = " WHERE time >= " + m0 + " AND time < " + (lastMinute + M);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                query(survivors.get(0), "SELECT count(mean) FROM coarse.cpu_1m WHERE time >= " + lastMinute
                        + " AND time < " + (lastMinute + M)).contains(",2]]"));
        assertThat(survivors.stream().mapToLong(ContinuousQueryE2E::executions).sum()).isPositive();

        long minutes = (lastMinute + M - m0) / M;
        String raw = query(survivors.get(1), "SELECT mean(value) FROM cpu" + window + " GROUP BY time(1m), host");
        String down = query(survivors.get(1), "SELECT mean FROM coarse.cpu_1m" + window + " GROUP BY host");
        assertThat(columnsAndValues(down.replace("\"name\":\"cpu_1m\"", "\"name\":\"cpu\""))).isEqualTo(columnsAndValues(raw));
        assertThat(query(survivors.get(0), "SELECT count(mean) FROM coarse.cpu_1m" + window))
                .contains("," + (2 * minutes) + "]]");
    }
}
