package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.meta.model.LeaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Continuous queries on a real in-JVM cluster (one meta node with a 2 s lease, three data nodes with RF 2, the
 * service checking every 200 ms): CREATE / SHOW / DROP through HTTP with 1.x's bytes, a CQ downsampling 1 s data
 * into 2 s means in a second retention policy, and the lease holder stopped mid-run: another node takes the lease
 * and every bucket ends up present with the mean of the raw data. The 1.x downsampling recipe end to end (raw data
 * in a 1 h policy, a CQ into an infinite one, retention dropping the raw shards on every owner while the
 * downsampled data stays), on a cluster whose wall clocks jump forward together; and the CQ statistics in
 * {@code _internal}: {@code cq} ({@code queryOk}, {@code queryFail}) and, with {@code query-stats-enabled}, 1.x's
 * {@code cq_query} point per execution.
 */
class ContinuousQueryClusterTest {

    private static final String CQ = "CREATE CONTINUOUS QUERY cq ON db RESAMPLE EVERY 2s FOR 10s BEGIN SELECT "
            + "mean(value) INTO db.coarse.cpu_mean FROM cpu GROUP BY time(2s), host END";

    private static Optional<LeaseInfo> lease(ShardlineCluster c, DataNodeSlot via) {
        return via.node().membership().view().metadata().lease("continuous_querier");
    }

    private static String values(String body) {
        int i = body.indexOf("\"columns\"");
        return i < 0 ? "" : body.substring(i);
    }

    @Test
    void downsamplesOnceAcrossALeaseTakeover() {
        try (ShardlineCluster c = ShardlineCluster.start(1, Map.of("lease-duration", "\"2s\""), 3,
                Map.of("continuous_queries.run-interval", "\"200ms\"", "continuous_queries.log-enabled", "true"))) {
            DataNodeSlot first = c.data(0);
            assertThat(c.query(first, "", "CREATE DATABASE db WITH REPLICATION 2").status()).isEqualTo(200);
            assertThat(c.query(first, "", "CREATE RETENTION POLICY coarse ON db DURATION INF REPLICATION 2").status())
                    .isEqualTo(200);
            long base = (System.currentTimeMillis() / 2000) * 2 - 4;
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < 60; k++) {
                for (String host : new String[] {"a", "b"}) {
                    lines.append("cpu,host=").append(host).append(" value=").append(k * 1.5 + (host.equals("a") ? 0 : 100))
                            .append(' ').append((base + k) * 1_000_000_000L).append('\n');
                }
            }
            ShardlineCluster.Response w = c.write(first, "db", "all", lines.toString());
            assertThat(w.status()).as(w.body()).isEqualTo(204);

            assertThat(c.query(c.data(1), "", CQ).body()).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
            assertThat(c.query(c.data(2), "", "SHOW CONTINUOUS QUERIES").body()).isEqualTo("{\"results\":[{"
                    + "\"statement_id\":0,\"series\":[{\"name\":\"db\",\"columns\":[\"name\",\"query\"],\"values\":[["
                    + "\"cq\",\"CREATE CONTINUOUS QUERY cq ON db RESAMPLE EVERY 2s FOR 10s BEGIN SELECT mean(value) "
                    + "INTO db.coarse.cpu_mean FROM db.autogen.cpu GROUP BY time(2s), host END\"]]}]}]}\n");

            // the first runs: some node takes the lease and downsamples the recent buckets
            long from = base + 8;
            String window = " WHERE time >= " + from + "s AND time < " + (from + 8) + "s";
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> c.query(first, "db",
                    "SELECT count(mean) FROM coarse.cpu_mean" + window).body().contains(",8]]"));
            DataNodeSlot holder = c.dataNodes().stream().filter(s -> s.nodeId() == lease(c, first).orElseThrow()
                    .nodeId()).findFirst().orElseThrow();
            DataNodeSlot survivor = c.dataNodes().stream().filter(s -> s != holder).findFirst().orElseThrow();
            long holderId = holder.nodeId();
            holder.stop();

            // another node takes the lease over and goes on from the last recorded run
            long to = from + 26;
            String all = " WHERE time >= " + from + "s AND time < " + to + "s";
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> c.query(survivor,
                    "db", "SELECT count(mean) FROM coarse.cpu_mean" + all).body().contains(",26]]"));
            assertThat(lease(c, survivor).orElseThrow().nodeId()).isNotEqualTo(holderId);
            String raw = c.query(survivor, "db", "SELECT mean(value) FROM cpu" + all + " GROUP BY time(2s), host")
                    .body();
            String down = c.query(survivor, "db", "SELECT mean FROM coarse.cpu_mean" + all + " GROUP BY host").body();
            assertThat(values(down.replace("\"name\":\"cpu_mean\"", "\"name\":\"cpu\""))).isEqualTo(values(raw));
            assertThat(c.query(survivor, "", "DROP CONTINUOUS QUERY cq ON db").status()).isEqualTo(200);
            assertThat(c.query(survivor, "", "SHOW CONTINUOUS QUERIES").body()).isEqualTo("{\"results\":[{"
                    + "\"statement_id\":0,\"series\":[{\"name\":\"db\",\"columns\":[\"name\",\"query\"]}]}]}\n");
        }
    }

    private static final String EMPTY = "{\"results\":[{\"statement_id\":0}]}\n";

    @Test
    void downsampledDataOutlivesTheRawRetentionPolicy() {
        ShiftedClock clock = new ShiftedClock();
        try (ShardlineCluster c = ShardlineCluster.start(1, Map.of("lease-duration", "\"2s\""), 2, Map.of(
                "continuous_queries.run-interval", "\"200ms\"", "retention.check-interval", "\"200ms\"",
                "monitor.store-enabled", "true", "monitor.store-interval", "\"1s\""), clock)) {
            DataNodeSlot first = c.data(0);
            // the 1.x recipe: raw data in a short default policy, a CQ writing every measurement into a long one
            assertThat(c.query(first, "", "CREATE DATABASE db WITH DURATION 1h REPLICATION 2 NAME short").status())
                    .isEqualTo(200);
            assertThat(c.query(first, "", "CREATE RETENTION POLICY long ON db DURATION INF REPLICATION 2").status())
                    .isEqualTo(200);
            assertThat(c.query(first, "", "CREATE CONTINUOUS QUERY down ON db RESAMPLE EVERY 2s FOR 2m BEGIN SELECT "
                    + "mean(*) INTO db.long.:MEASUREMENT FROM /.*/ GROUP BY time(2s), * tz('UTC') END").body())
                    .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
            assertThat(c.query(first, "", "SHOW CONTINUOUS QUERIES").body()).contains("\"down\",\"CREATE CONTINUOUS "
                    + "QUERY down ON db RESAMPLE EVERY 2s FOR 2m BEGIN SELECT mean(*) INTO db.long.:MEASUREMENT FROM "
                    + "db.short./.*/ GROUP BY time(2s), * TZ('UTC') END\"");

            long base = (clock.wallMillis() / 2000) * 2 - 30;
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < 20; k++) {
                for (String host : new String[] {"a", "b"}) {
                    long t = (base + k) * 1_000_000_000L;
                    lines.append("cpu,host=").append(host).append(" value=").append(k * 1.5 + (host.equals("a") ? 0 : 50))
                            .append(' ').append(t).append('\n');
                    lines.append("mem,host=").append(host).append(" used=").append(k * k).append('i').append(' ')
                            .append(t).append('\n');
                }
            }
            ShardlineCluster.Response w = c.write(first, "db", "all", lines.toString());
            assertThat(w.status()).as(w.body()).isEqualTo(204);

            String window = " WHERE time >= " + base + "s AND time < " + (base + 20) + "s";
            String cpu = "SELECT mean_value AS mean FROM db.long.cpu" + window + " GROUP BY host";
            String mem = "SELECT mean_used AS mean FROM db.long.mem" + window + " GROUP BY host";
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(c.query(c.data(1), "db", cpu).body()).isEqualTo(c.query(c.data(1), "db",
                        "SELECT mean(value) FROM short.cpu" + window + " GROUP BY time(2s), host").body());
                assertThat(c.query(c.data(1), "db", mem).body()).isEqualTo(c.query(c.data(1), "db",
                        "SELECT mean(used) FROM short.mem" + window + " GROUP BY time(2s), host").body());
            });
            String downCpu = c.query(first, "db", cpu).body();
            String downMem = c.query(first, "db", mem).body();
            assertThat(downCpu).contains("\"tags\":{\"host\":\"a\"}", "\"tags\":{\"host\":\"b\"}",
                    "[\"" + java.time.Instant.ofEpochSecond(base + 18) + "\",");
            Set<Long> rawShards = shards(first, "short");
            assertThat(rawShards).isNotEmpty();
            assertThat(shards(first, "long")).isNotEmpty();
            for (DataNodeSlot n : c.dataNodes()) {
                assertThat(localShards(n)).containsAll(rawShards); // RF 2 on two nodes: both own every shard
            }

            // two hours later the raw policy's groups have expired: deleted in meta, dropped on every owner
            clock.shift(Duration.ofHours(3));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                for (DataNodeSlot n : c.dataNodes()) {
                    assertThat(localShards(n)).doesNotContainAnyElementsOf(rawShards);
                    assertThat(n.node().membership().view().metadata().retentionPolicy("db", "short").orElseThrow()
                            .shardGroups()).filteredOn(g -> !g.deleted()).flatMap(ShardGroupInfo::shards)
                            .extracting(ShardInfo::id).doesNotContainAnyElementsOf(rawShards);
                }
            });
            // query-stats-enabled is off by default: the cq statistics reach _internal, no cq_query points do
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(c.query(first, "_internal", "SHOW MEASUREMENTS").body()).contains("[\"cq\"]")
                            .doesNotContain("[\"cq_query\"]"));
            for (DataNodeSlot n : c.dataNodes()) {
                assertThat(c.query(n, "db", "SELECT count(value) FROM short.cpu" + window).body()).isEqualTo(EMPTY);
                assertThat(c.query(n, "db", "SELECT count(used) FROM short.mem").body()).isEqualTo(EMPTY);
                // the downsampled data stays, with the values it had
                assertThat(c.query(n, "db", cpu).body()).isEqualTo(downCpu);
                assertThat(c.query(n, "db", mem).body()).isEqualTo(downMem);
            }
        }
    }

    /** The ids of the shards of {@code policy}'s live groups in {@code db}, as {@code via} sees them. */
    private static Set<Long> shards(DataNodeSlot via, String policy) {
        RetentionPolicyInfo rp = via.node().membership().view().metadata().retentionPolicy("db", policy).orElseThrow();
        return rp.shardGroups().stream().filter(g -> !g.deleted()).flatMap(g -> g.shards().stream())
                .map(ShardInfo::id).collect(Collectors.toSet());
    }

    private static Set<Long> localShards(DataNodeSlot node) {
        return node.node().engine().shards().stream().map(s -> s.id().id()).collect(Collectors.toSet());
    }

    @Test
    void cqStatisticsAndQueryStatsLandInInternal() {
        try (ShardlineCluster c = ShardlineCluster.start(1, 1, Map.of("continuous_queries.run-interval", "\"200ms\"",
                "continuous_queries.query-stats-enabled", "true", "monitor.store-enabled", "true",
                "monitor.store-interval", "\"1s\""))) {
            DataNodeSlot node = c.data(0);
            assertThat(c.query(node, "", "CREATE DATABASE db").status()).isEqualTo(200);
            assertThat(c.query(node, "", "CREATE RETENTION POLICY gone ON db DURATION INF REPLICATION 1").status())
                    .isEqualTo(200);
            long base = (System.currentTimeMillis() / 1000) - 5;
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                lines.append("cpu,host=a value=").append(k).append(' ').append((base + k) * 1_000_000_000L).append('\n');
            }
            assertThat(c.write(node, "db", "one", lines.toString()).status()).isEqualTo(204);
            assertThat(c.query(node, "", "CREATE CONTINUOUS QUERY good ON db RESAMPLE FOR 10s BEGIN SELECT count(value) "
                    + "INTO db.autogen.counted FROM cpu GROUP BY time(1s), * END").status()).isEqualTo(200);
            // a CQ into a policy that is dropped afterwards fails at every run: counted, the other goes on
            // (FOR 10m: every run has rows to write; a run without rows writes nothing, so it cannot fail)
            assertThat(c.query(node, "", "CREATE CONTINUOUS QUERY bad ON db RESAMPLE FOR 10m BEGIN SELECT count(value) "
                    + "INTO db.gone.counted FROM cpu GROUP BY time(1s) END").status()).isEqualTo(200);
            assertThat(c.query(node, "", "DROP RETENTION POLICY gone ON db").status()).isEqualTo(200);

            String nodeId = Long.toString(node.nodeId());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                String cq = c.query(node, "_internal", "SELECT last(queryOk) AS ok, last(queryFail) AS fail FROM "
                        + "monitor.cq GROUP BY hostname, nodeID").body();
                assertThat(cq).contains("\"nodeID\":\"" + nodeId + "\"").containsPattern(
                        "\"columns\":\\[\"time\",\"ok\",\"fail\"\\],\"values\":\\[\\[\"[^\"]+\",[1-9]\\d*,[1-9]\\d*\\]\\]");
                // 1.x's cq_query points: one per successful execution, tagged db and cq (and the monitor's tags)
                assertThat(c.query(node, "_internal", "SELECT max(pointsWrittenOK) FROM monitor.cq_query WHERE "
                        + "cq = 'good'").body()).containsPattern(",[1-9]\\d*\\]\\]");
            });
            assertThat(c.query(node, "_internal", "SHOW TAG KEYS FROM monitor.cq_query").body()).isEqualTo("{\"results\":"
                    + "[{\"statement_id\":0,\"series\":[{\"name\":\"cq_query\",\"columns\":[\"tagKey\"],\"values\":"
                    + "[[\"cq\"],[\"db\"],[\"hostname\"],[\"nodeID\"]]}]}]}\n");
            assertThat(c.query(node, "_internal", "SHOW FIELD KEYS FROM monitor.cq_query").body()).isEqualTo(
                    "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cq_query\",\"columns\":[\"fieldKey\","
                    + "\"fieldType\"],\"values\":[[\"durationNs\",\"integer\"],[\"endTime\",\"integer\"],"
                    + "[\"pointsWrittenOK\",\"integer\"],[\"startTime\",\"integer\"]]}]}]}\n");
            // a failed execution writes no cq_query point (1.x returns before it): "bad" may have run once before
            // its policy was dropped, but its count stays while its failures go on
            String badPoints = c.query(node, "_internal", "SELECT count(durationNs) FROM monitor.cq_query WHERE "
                    + "cq = 'bad'").body();
            long failed = node.node().stats().statistic("cq").values().get("queryFail");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    node.node().stats().statistic("cq").values().get("queryFail") >= failed + 2);
            assertThat(c.query(node, "_internal", "SELECT count(durationNs) FROM monitor.cq_query WHERE cq = 'bad'")
                    .body()).isEqualTo(badPoints);
        }
    }
}
