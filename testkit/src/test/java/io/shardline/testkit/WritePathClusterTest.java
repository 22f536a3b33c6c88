package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardStore;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The replicated write path on a real in-JVM cluster (3 meta, 2 data, RF 2): every point lands on
 * both owners; with the link between the data nodes cut, consistency levels answer as the reference
 * says and hinted handoff catches the other owner up once the link heals, also across a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WritePathClusterTest {

    private static final Map<String, String> HH = Map.of("hinted-handoff.retry-interval", "\"50ms\"",
            "hinted-handoff.retry-max-interval", "\"200ms\"");
    private static ShardlineCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ShardlineCluster.start(3, 2, HH);
        ShardlineCluster.Response r = cluster.query(cluster.data(0), "", "CREATE DATABASE db WITH REPLICATION 2");
        assertThat(r.status()).isEqualTo(200);
        cluster.awaitViewsConverged();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String lines(String host, int from, int count) {
        return lines(host, 1_700_000_000_000_000_000L, from, count);
    }

    private static String lines(String host, long base, int from, int count) {
        StringBuilder b = new StringBuilder();
        IntStream.range(from, from + count).forEach(i -> b.append("cpu,host=").append(host).append(" value=").append(i)
                .append(' ').append(base + i * 1_000_000_000L).append('\n'));
        return b.toString();
    }

    private static long points(DataNodeSlot node) {
        return node.node().engine().shards().stream()
                .mapToLong(s -> node.node().engine().get(s.id()).map(ShardStore::stats).map(st -> st.pointCount()).orElse(0L))
                .sum();
    }

    @Test
    @Order(1)
    void everyPointLandsOnBothOwners() {
        assertThat(cluster.write(cluster.data(0), "db", "one", lines("a", 0, 100)).status()).isEqualTo(204);
        assertThat(cluster.write(cluster.data(1), "db", "all", lines("b", 0, 100)).status()).isEqualTo(204);
        assertThat(points(cluster.data(0))).isEqualTo(200);
        assertThat(points(cluster.data(1))).isEqualTo(200);
        assertThat(cluster.get(cluster.data(1), "/shard-status").body()).contains("\"points\":200");
    }

    @Test
    @Order(2)
    void consistencyLevelsWithTheOtherOwnerUnreachableThenHandoffDrains() {
        DataNodeSlot a = cluster.data(0);
        DataNodeSlot b = cluster.data(1);
        cluster.network().cut(a.tcpAddress(), b.tcpAddress());
        assertThat(cluster.write(a, "db", "one", lines("c", 0, 50)).status()).isEqualTo(204);
        assertThat(cluster.write(a, "db", "any", lines("c", 50, 50)).status()).isEqualTo(204);
        ShardlineCluster.Response all = cluster.write(a, "db", "all", lines("c", 100, 50));
        assertThat(all.status()).isEqualTo(500);
        assertThat(all.body()).isEqualTo("{\"error\":\"partial write\"}\n");
        ShardlineCluster.Response quorum = cluster.write(a, "db", "quorum", lines("c", 150, 50));
        assertThat(quorum.body()).isEqualTo("{\"error\":\"partial write\"}\n");
        assertThat(a.node().handoff().queuedBytes(b.nodeId())).isPositive();
        assertThat(points(a)).isEqualTo(400);
        assertThat(points(b)).isEqualTo(200);
        cluster.network().healAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.node().handoff().queuedBytes() == 0);
        assertThat(points(b)).isEqualTo(400);
    }

    @Test
    @Order(3)
    void queuedWritesSurviveARestartOfTheNodeHoldingThem() {
        DataNodeSlot a = cluster.data(0);
        DataNodeSlot b = cluster.data(1);
        cluster.network().cut(a.tcpAddress(), b.tcpAddress());
        assertThat(cluster.write(a, "db", "one", lines("d", 0, 100)).status()).isEqualTo(204);
        long queued = a.node().handoff().queuedBytes(b.nodeId());
        assertThat(queued).isPositive();
        a.stop();
        cluster.network().healAll();
        cluster.restart(a);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.node().handoff().queuedBytes() == 0);
        assertThat(points(b)).isEqualTo(500);
        assertThat(points(a)).isEqualTo(500);
    }

    /**
     * Writes queued for an owner that is unreachable, for a shard group that then expires (marked
     * deleted, as retention does; the meta data keeps the group a while): the queue drains by
     * dropping them, counted in {@code hh_processor.writeDropped}, and the shard does not reappear
     * on the owner once it is reachable again.
     */
    @Test
    @Order(4)
    void queuedWritesForAShardGroupThatExpiredAreDroppedWithACount() {
        DataNodeSlot a = cluster.data(0);
        DataNodeSlot b = cluster.data(1);
        cluster.network().cut(a.tcpAddress(), b.tcpAddress());
        String later = lines("e", 1_703_000_000_000_000_000L, 0, 10); // a month later: a new shard group
        for (int i = 0; i < 3; i++) {
            assertThat(cluster.write(a, "db", "one", later).status()).isEqualTo(204);
        }
        long shardId = newestShard(a);
        assertThat(a.node().handoff().hasPending(b.nodeId(), shardId)).isTrue();
        ShardLocation location = a.node().membership().view().shards().shard(shardId).orElseThrow();
        a.node().membership().metaClient().changes().deleteShardGroup("db", location.retentionPolicy(),
                location.group().id());
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.dataNodes().stream().allMatch(n ->
                n.node().membership().view().shards().shard(shardId).map(l -> l.group().deleted()).orElse(true)));
        cluster.network().healAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.node().handoff().queuedBytes() == 0);
        assertThat(a.node().stats().all().stream().filter(s -> s.name().equals("hh_processor")
                        && s.tags().get("node").equals(Long.toString(b.nodeId()))
                        && s.tags().get("shard").equals(Long.toString(shardId)))
                .mapToLong(s -> s.values().getOrDefault("writeDropped", 0L)).sum()).isEqualTo(3);
        assertThat(b.node().engine().shards()).as("the expired shard is not recreated on the owner")
                .noneMatch(s -> s.id().id() == shardId);
        assertThat(a.node().membership().view().shards().shard(shardId).map(l -> l.group().deleted()))
                .as("the group stays deleted").hasValue(true);
    }

    private static long newestShard(DataNodeSlot node) {
        return node.node().engine().shards().stream().mapToLong(s -> s.id().id()).max().orElseThrow();
    }
}
