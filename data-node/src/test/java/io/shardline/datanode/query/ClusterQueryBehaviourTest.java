package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.meta.model.ShardLocation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster behaviour of the query path beyond the golden answers (three nodes, RF 2, 1-hour groups): all owners of
 * a shard down is a clear error naming the shard; {@code node=} reads one node's replicas only; deletes reach
 * owners that are down through hinted handoff, so deleted points stay deleted; schema statements tolerate an
 * unreachable node.
 */
class ClusterQueryBehaviourTest {

    private static final long T0 = 1_257_894_000_000_000_000L;
    private InMemoryQueryCluster cluster;

    @BeforeEach
    void load() {
        cluster = new InMemoryQueryCluster(3, 2, 7);
        cluster.createDatabase("db");
        StringBuilder lines = new StringBuilder();
        for (int h = 0; h < 4; h++) {
            for (int i = 0; i < 10; i++) {
                lines.append("cpu,host=h").append(i % 3).append(" value=").append(h * 10 + i).append(' ')
                        .append(T0 + h * InMemoryQueryCluster.HOUR + i * 1_000_000_000L).append('\n');
            }
        }
        cluster.write("db", lines.toString());
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private String count(long coordinator, long onlyNode) {
        return cluster.query(coordinator, "db", "SELECT count(value) FROM cpu", onlyNode);
    }

    private static String countJson(int n) {
        return "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"count\"],"
                + "\"values\":[[\"1970-01-01T00:00:00Z\"," + n + "]]}]}]}";
    }

    @Test
    void bothOwnersOfAShardDownIsAnErrorNamingTheShard() {
        ShardLocation shard = cluster.metadata().shards().get(0);
        List<Long> owners = shard.shard().owners();
        long coordinator = cluster.nodes().stream().filter(n -> !owners.contains(n)).findFirst().orElseThrow();
        owners.forEach(n -> cluster.setDown(n, true));
        String answer = count(coordinator, 0);
        assertThat(answer).startsWith("{\"results\":[{\"statement_id\":0,\"error\":\"shard " + shard.shardId()
                + " (db db, rp autogen) is unavailable: no owner answered (node ");
        assertThat(answer).contains("unreachable (test)");
        owners.forEach(n -> cluster.setDown(n, false));
        assertThat(count(coordinator, 0)).isEqualTo(countJson(40));
    }

    @Test
    void nodeParameterReadsOnlyThatNodesReplicas() {
        int total = 0;
        for (long node : cluster.nodes()) {
            long owned = cluster.metadata().shardsOwnedBy(node).size();
            String answer = count(cluster.nodes().get(0), node);
            assertThat(answer).isEqualTo(countJson((int) owned * 10));
            total += owned * 10;
        }
        assertThat(total).as("every point is on two replicas").isEqualTo(80);
        assertThat(count(4, 99)).isEqualTo("{\"results\":[{\"statement_id\":0,\"error\":\"data node 99 does not exist\"}]}");
    }

    @Test
    void nodeParameterOnAnUnreachableNodeIsAnError() {
        cluster.setDown(5, true);
        assertThat(count(4, 5)).contains("\"error\":\"data node 5 unreachable (test)");
    }

    @Test
    void deleteWithAnOwnerDownStaysDeletedOnceItIsBack() {
        cluster.setDown(6, true);
        assertThat(cluster.query(4, "db", "DELETE FROM cpu WHERE host = 'h1'")).isEqualTo("{\"results\":[{\"statement_id\":0}]}");
        assertThat(cluster.queuedDeletes()).as("deletes queued for node 6").isGreaterThan(0);
        assertThat(count(5, 0)).isEqualTo(countJson(28));
        cluster.setDown(6, false);
        // Before the replay node 6 still has the points: its own replicas disagree, which node= shows.
        long owned6 = cluster.metadata().shardsOwnedBy(6).size();
        assertThat(count(4, 6)).isEqualTo(countJson((int) owned6 * 10));
        cluster.replayHandoff();
        assertThat(cluster.queuedDeletes()).isZero();
        assertThat(count(4, 6)).isEqualTo(countJson((int) owned6 * 7));
        for (long node : cluster.nodes()) {
            assertThat(count(node, 0)).isEqualTo(countJson(28));
        }
    }

    @Test
    void showStatementsTolerateAnUnreachableNode() {
        cluster.setDown(5, true);
        assertThat(cluster.query(4, "db", "SHOW TAG VALUES WITH KEY = host")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"name\":\"cpu\",\"columns\":[\"key\",\"value\"],\"values\":[[\"host\",\"h0\"],"
                + "[\"host\",\"h1\"],[\"host\",\"h2\"]]}]}]}");
        cluster.setDown(6, true);
        // Shards owned by 5 and 6 only are now unreadable: the answer is what the remaining owners have.
        assertThat(cluster.query(4, "db", "SHOW MEASUREMENTS")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"name\":\"measurements\",\"columns\":[\"name\"],\"values\":[[\"cpu\"]]}]}]}");
    }

    @Test
    void deletesAreRejectedWithTheNodeParameter() {
        assertThat(cluster.query(4, "db", "DROP MEASUREMENT cpu", 5)).contains("the node parameter applies to reads only");
    }
}
