package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.meta.model.LeaseInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Continuous queries on a real in-JVM cluster (one meta node with a 2 s lease, three data nodes with RF 2, the
 * service checking every 200 ms): CREATE / SHOW / DROP through HTTP with 1.x's bytes, a CQ downsampling 1 s data
 * into 2 s means in a second retention policy, and the lease holder stopped mid-run: another node takes the lease
 * and every bucket ends up present with the mean of the raw data.
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
}
