package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.common.stats.StatSnapshot;
import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.ratis.RaftIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Ratis and gRPC on loopback: one 3-node meta cluster shared by the whole class (starting and
 * stopping Raft servers costs about a second each), so the tests run in order and build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetaClusterTest {

    private static MetaCluster cluster;

    @TempDir
    static Path clientDir;

    @BeforeAll
    static void start() {
        cluster = MetaCluster.start(3, Map.of("snapshot-threshold", "16", "log-segment-size", "\"2k\""));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static MetaClient client(List<String> servers, Path dir, boolean watch) {
        return new MetaClient(MetaClientSettings.of(servers, dir).withWatch(watch)).start();
    }

    private static MetaNodeSlot aFollower() {
        MetaNodeSlot leader = cluster.awaitLeader();
        return cluster.nodes().stream().filter(s -> s != leader && s.running()).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void writesThroughAFollowerLandAndStatusShowsTheCluster() {
        MetaNodeSlot follower = aFollower();
        try (MetaClient client = client(List.of(follower.apiAddress()), null, false)) {
            DatabaseInfo db = client.changes().createDatabase("telegraf", Optional.empty(), true);
            assertThat(db.defaultRetentionPolicyName()).isEqualTo("autogen");
            assertThat(client.metadata().database("telegraf")).isPresent();
            assertThat(client.changes().addDataNode("127.0.0.1:9001", "127.0.0.1:9002").id()).isEqualTo(4);
            assertThat(client.changes().addDataNode("127.0.0.1:9001", "127.0.0.1:9002").id()).isEqualTo(4);
            client.announce(4, "v-test", "127.0.0.1:9001", "127.0.0.1:9002");
            ClusterStatus status = client.clusterStatus();
            assertThat(status.metaNodes()).extracting(n -> n.node().id()).containsExactly(1L, 2L, 3L);
            assertThat(status.dataNodes()).singleElement().satisfies(n -> assertThat(n.version()).isEqualTo("v-test"));
            assertThat(status.leader()).isEqualTo(cluster.awaitLeader().raftAddress());
            assertThat(status.peers()).hasSize(2).doesNotContain(status.leader());
        }
        // the raft statistic on every node: one leader, one term, the change applied everywhere
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long leaders = 0;
            Set<Long> terms = new HashSet<>();
            for (MetaNodeSlot slot : cluster.nodes()) {
                StatSnapshot raft = slot.node().stats().snapshot("raft").get(0);
                leaders += raft.longValue("isLeader");
                terms.add(raft.longValue("term"));
                assertThat(raft.longValue("appliedIndex")).isPositive();
                assertThat(raft.longValue("peers")).isEqualTo(3);
                assertThat(slot.node().stats().snapshot("meta").get(0).longValue("databases")).isEqualTo(1);
            }
            assertThat(leaders).isEqualTo(1);
            assertThat(terms).hasSize(1);
            assertThat(cluster.awaitLeader().node().stats().snapshot("raft").get(0).longValue("peersUp")).isEqualTo(3);
        });
    }

    @Test
    @Order(2)
    void watchDeliversChangesAndThePersistedViewReloads() {
        try (MetaClient watcher = client(cluster.apiAddresses(), clientDir, true);
             MetaClient writer = client(cluster.apiAddresses(), null, false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.view().metadata().database("telegraf").isPresent());
            writer.changes().createDatabase("watched", Optional.empty(), true);
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.view().metadata().database("watched").isPresent());
        }
        try (MetaClient offline = client(List.of("127.0.0.1:1"), clientDir, false)) {
            assertThat(offline.view().metadata().database("watched")).as("cached view").isPresent();
        }
    }

    @Test
    @Order(3)
    void restartOfEveryNodeKeepsStateFromSnapshotAndLog() throws IOException {
        try (MetaClient client = client(cluster.apiAddresses(), null, false)) {
            for (int i = 0; i < 40; i++) {
                client.changes().createDatabase("db" + i, Optional.empty(), true);
            }
            cluster.nodes().forEach(s -> s.node().raft().takeSnapshotNow());
            await().atMost(Duration.ofSeconds(10)).until(() -> firstLogIndex(cluster.node(0)) > 0);
            assertThat(snapshots(cluster.node(0))).isNotEmpty();
            long version = client.metadata().version();
            cluster.nodes().forEach(MetaNodeSlot::stop);
            cluster.nodes().forEach(s -> s.start(io.shardline.common.time.Clock.system()));
            cluster.awaitLeader();
            assertThat(client.metadata().version()).isGreaterThanOrEqualTo(version);
            assertThat(client.metadata().databases()).containsKeys("telegraf", "watched", "db0", "db39");
            for (MetaNodeSlot s : cluster.nodes()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> s.node().raft().localMetadata().databases().containsKey("db39"));
            }
        }
    }

    @Test
    @Order(4)
    void clientSurvivesTheLeadersDeath() {
        try (MetaClient client = client(cluster.apiAddresses(), null, false)) {
            MetaNodeSlot leader = cluster.awaitLeader();
            leader.stop();
            client.changes().createDatabase("after-failover", Optional.empty(), true);
            MetaNodeSlot next = cluster.awaitLeader();
            assertThat(next).isNotSameAs(leader);
            leader.start(io.shardline.common.time.Clock.system());
            cluster.awaitLeader();
            assertThat(client.metadata().database("after-failover")).isPresent();
        }
    }

    @Test
    @Order(5)
    void addAFourthAndFifthMetaNodeThenRemoveOne() {
        try (MetaClient client = client(cluster.apiAddresses(), null, false)) {
            MetaNodeSlot fourth = cluster.startUnjoined();
            MetaNodeSlot fifth = cluster.startUnjoined();
            assertThat(fourth.node().raft().view().joined()).isFalse();
            assertThat(client.changes().addMetaNode(fourth.apiAddress()).id()).as("ids 1-3 meta, 4 data").isEqualTo(5);
            client.changes().addMetaNode(fifth.apiAddress());
            await().atMost(Duration.ofSeconds(20)).until(() -> fifth.node().raft().view().joined()
                    && fifth.node().raft().localMetadata().databases().containsKey("after-failover"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(cluster.awaitLeader().node().raft().view().members()).hasSize(5));
            client.changes().removeMetaNode(fourth.apiAddress(), "", false);
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.awaitLeader().node().raft().view().members().size() == 4);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(client.metadata().metaNodeByHttpAddress(fourth.apiAddress())).isEmpty());
            fourth.stop();
        }
    }

    @Test
    @Order(6)
    void forceRemoveADeadMetaNode() {
        try (MetaClient client = client(cluster.apiAddresses(), null, false)) {
            MetaNodeSlot fifth = cluster.node(4);
            fifth.stop();
            client.changes().removeMetaNode(fifth.apiAddress(), fifth.raftAddress(), true);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cluster.awaitLeader().node().raft()
                    .view().members()).hasSize(3).doesNotContain(fifth.raftAddress()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.metadata().metaNodes()).hasSize(3));
            client.changes().createDatabase("after-removal", Optional.empty(), true);
        }
    }

    private static long firstLogIndex(MetaNodeSlot slot) throws IOException {
        Path current = slot.config().meta().dir().resolve("raft").resolve(RaftIds.GROUP_ID.getUuid().toString())
                .resolve("current");
        try (Stream<Path> files = Files.list(current)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("log_"))
                    .mapToLong(n -> Long.parseLong(n.replace("log_inprogress_", "").replace("log_", "").split("-")[0]))
                    .min().orElse(0);
        }
    }

    private static List<Path> snapshots(MetaNodeSlot slot) throws IOException {
        Path sm = slot.config().meta().dir().resolve("raft").resolve(RaftIds.GROUP_ID.getUuid().toString())
                .resolve("sm");
        try (Stream<Path> files = Files.list(sm)) {
            return files.filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+")).toList();
        }
    }
}
