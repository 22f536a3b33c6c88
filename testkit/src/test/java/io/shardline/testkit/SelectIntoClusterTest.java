package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT ... INTO} on a real in-JVM cluster (one meta node, three data nodes, RF 2): the downsampled points
 * are written through the write coordinator into another retention policy, land on both owners of every shard
 * ({@code node=} counts), and read back the same from every data node.
 */
class SelectIntoClusterTest {

    private static final long T0 = 1_257_894_000L;

    @Test
    void downsampledPointsAreReplicatedToEveryOwner() {
        try (ShardlineCluster c = ShardlineCluster.start(1, 3, Map.of())) {
            assertThat(c.query(c.data(0), "", "CREATE DATABASE db WITH REPLICATION 2 SHARD DURATION 1h").status())
                    .isEqualTo(200);
            assertThat(c.query(c.data(0), "", "CREATE RETENTION POLICY coarse ON db DURATION INF REPLICATION 2 "
                    + "SHARD DURATION 1h").status()).isEqualTo(200);
            c.awaitViewsConverged();
            StringBuilder lines = new StringBuilder();
            for (int h = 0; h < 3; h++) {
                for (int s = 0; s < 360; s += 10) {
                    lines.append("cpu,host=h").append((s / 10) % 4).append(" value=").append(h * 1000 + s).append(' ')
                            .append((T0 + h * 3600L + s) * 1_000_000_000L).append('\n');
                }
            }
            ShardlineCluster.Response w = c.write(c.data(0), "db", "all", lines.toString());
            assertThat(w.status()).as(w.body()).isEqualTo(204);

            String into = "SELECT mean(value) INTO db.coarse.:MEASUREMENT FROM /cpu/ WHERE time >= " + T0
                    + "s AND time < " + (T0 + 3 * 3600) + "s GROUP BY time(1m), *";
            ShardlineCluster.Response r = c.query(c.data(1), "db", into);
            // 3 hours x 6 one-minute buckets with data (seconds 0..350) x 4 hosts
            assertThat(r.body()).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"result\","
                    + "\"columns\":[\"time\",\"written\"],\"values\":[[\"1970-01-01T00:00:00Z\",72]]}]}]}\n");
            c.awaitViewsConverged();
            for (DataNodeSlot n : c.dataNodes()) {
                assertThat(c.query(n, "db", "SELECT count(mean) FROM coarse.cpu").body()).isEqualTo(
                        "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\","
                                + "\"count\"],\"values\":[[\"1970-01-01T00:00:00Z\",72]]}]}]}\n");
            }
            long replicas = 0;
            for (DataNodeSlot n : c.dataNodes()) {
                String body = c.get(c.data(0), "/query?db=db&epoch=s&node=" + n.nodeId() + "&q=" + URLEncoder.encode(
                        "SELECT count(mean) FROM coarse.cpu", StandardCharsets.UTF_8)).body();
                Matcher m = Pattern.compile("\\[\\[0,([0-9]+)\\]\\]").matcher(body);
                replicas += m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            assertThat(replicas).isEqualTo(2 * 72);
            assertThat(c.query(c.data(2), "db", "SELECT mean FROM coarse.cpu WHERE host = 'h2' AND time = "
                    + (T0 + 3600 + 60) + "s").body()).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{"
                    + "\"name\":\"cpu\",\"columns\":[\"time\",\"mean\"],\"values\":[[\"2009-11-11T00:01:00Z\",1080]]}]}]}\n");
        }
    }
}
