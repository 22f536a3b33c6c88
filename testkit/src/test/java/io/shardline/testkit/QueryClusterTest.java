package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Distributed InfluxQL on real in-JVM clusters: the golden scenario table (data-node's
 * {@code golden-queries.txt}, expectations from InfluxDB 1.x) answered exactly by a single data node and by
 * three data nodes with RF 2 and 1-hour shard groups, over HTTP and gRPC; with one data node stopped the
 * answers do not change, with both owners of a shard stopped the error names it; {@code node=} compares
 * replicas.
 */
class QueryClusterTest {

    private static final Path TABLE = Path.of("..", "data-node", "src", "test", "resources", "io", "shardline",
            "datanode", "query", "golden-queries.txt");

    /** One scenario of the table. */
    private record Scenario(String name, String db, String q, String expect) {
        boolean writes() {
            String u = q.trim().toUpperCase(Locale.ROOT);
            return u.startsWith("DELETE") || u.startsWith("DROP");
        }
    }

    private static List<String> databases = new ArrayList<>();
    private static final StringBuilder DATA = new StringBuilder();
    private static final List<Scenario> SCENARIOS = load();

    private static List<Scenario> load() {
        List<Scenario> out = new ArrayList<>();
        String name = null;
        String db = null;
        String q = null;
        try {
            for (String line : Files.readAllLines(TABLE)) {
                if (line.startsWith("@databases ")) {
                    databases = List.of(line.substring(11).trim().split(" "));
                } else if (line.startsWith("@data ")) {
                    DATA.append(line.substring(6)).append('\n');
                } else if (line.startsWith("--- ")) {
                    name = line.substring(4);
                } else if (line.startsWith("db:")) {
                    db = line.substring(3).trim();
                } else if (line.startsWith("q: ")) {
                    q = line.substring(3);
                } else if (line.startsWith("expect: ")) {
                    out.add(new Scenario(name, db, q, line.substring(8)));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + TABLE.toAbsolutePath(), e);
        }
        return out;
    }

    private static void load(ShardlineCluster c, int replication) {
        for (String db : databases) {
            assertThat(c.query(c.data(0), "", "CREATE DATABASE " + db + " WITH REPLICATION " + replication
                    + " SHARD DURATION 1h").status()).isEqualTo(200);
        }
        c.awaitViewsConverged();
        for (String db : databases) {
            ShardlineCluster.Response w = c.write(c.data(0), db, "all", DATA.toString());
            assertThat(w.status()).as(w.body()).isEqualTo(204);
        }
        c.awaitViewsConverged();
    }

    private static List<String> run(ShardlineCluster c, List<Scenario> scenarios, List<DataNodeSlot> coordinators) {
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (Scenario s : scenarios) {
            DataNodeSlot node = coordinators.get(i++ % coordinators.size());
            ShardlineCluster.Response r = c.query(node, s.db(), s.q());
            if (r.status() != 200 || !r.body().equals(s.expect() + "\n")) {
                failures.add(s.name() + " on " + node.name() + "\n  q:      " + s.q() + "\n  expect: " + s.expect()
                        + "\n  got:    " + r.status() + " " + r.body().trim());
            }
        }
        return failures;
    }

    private static List<Scenario> readOnly() {
        return SCENARIOS.subList(0, (int) SCENARIOS.stream().takeWhile(s -> !s.writes()).count());
    }

    @Test
    void singleDataNodeAnswersTheGoldenTable() {
        assertThat(SCENARIOS).hasSizeGreaterThan(70);
        try (ShardlineCluster c = ShardlineCluster.start(1, 1, Map.of())) {
            load(c, 1);
            assertThat(run(c, SCENARIOS, c.dataNodes())).isEmpty();
        }
    }

    @Test
    void threeDataNodesWithReplicationTwoAnswerTheSameAndSurviveAnOwnerDown() {
        try (ShardlineCluster c = ShardlineCluster.start(1, 3, Map.of("cluster.dial-timeout", "\"300ms\""))) {
            load(c, 2);
            String shards = c.query(c.data(0), "", "SHOW SHARDS").body();
            assertThat(shards.split("\"golden\",\"autogen\"").length - 1).as(shards).isGreaterThanOrEqualTo(4);
            assertThat(run(c, SCENARIOS, c.dataNodes())).isEmpty();

            // node=: each data node's replicas hold the points of the shards it owns; RF 2 puts each point on two.
            long total = 0;
            for (DataNodeSlot n : c.dataNodes()) {
                String body = c.get(c.data(0), "/query?db=golden&epoch=s&node=" + n.nodeId() + "&q="
                        + java.net.URLEncoder.encode("SELECT count(value) FROM cpu", java.nio.charset.StandardCharsets.UTF_8))
                        .body();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\\[0,([0-9]+)\\]\\]").matcher(body);
                total += m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            assertThat(total).isEqualTo(24);

            DataNodeSlot stopped = c.data(2);
            stopped.stop();
            List<DataNodeSlot> live = List.of(c.data(0), c.data(1));
            assertThat(run(c, readOnly(), live)).isEmpty();

            c.data(1).stop();
            ShardlineCluster.Response r = c.query(c.data(0), "golden", "SELECT count(value) FROM cpu");
            assertThat(r.body()).matches("\\{\"results\":\\[\\{\"statement_id\":0,\"error\":\"shard [0-9]+ \\(db golden, "
                    + "rp autogen\\) is unavailable: no owner answered \\(node [0-9]+: data node [0-9]+ at 127.0.0.1:[0-9]+ "
                    + "unreachable.*\\n");
            c.restart(c.data(1));
            c.restart(stopped);
            assertThat(run(c, readOnly().subList(0, 10), c.dataNodes())).isEmpty();
        }
    }
}
