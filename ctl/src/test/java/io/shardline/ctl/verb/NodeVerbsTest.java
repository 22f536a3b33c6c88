package io.shardline.ctl.verb;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.ShardlineVersion;
import io.shardline.ctl.CtlRunner;
import io.shardline.ctl.ParsedTable;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.meta.client.RetentionPolicySettings;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.testkit.MetaCluster;
import io.shardline.testkit.MetaNodeSlot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The meta-only verbs against a real in-JVM meta cluster (Ratis, MetaService on loopback), bound to
 * a follower so every change also goes through forwarding. Data nodes are registered and announced
 * through a meta client the way data nodes do it; one cluster for the class, tests in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeVerbsTest {

    private static final String VERSION = ShardlineVersion.influxVersionHeader();
    private static final String DATA4 = "127.0.0.1:19408";
    private static final String DATA5 = "127.0.0.1:19508";
    private static final String DATA6 = "127.0.0.1:19608";

    private static MetaCluster cluster;
    private static MetaClient client;
    private static CtlRunner ctl;

    @BeforeAll
    static void start() {
        cluster = MetaCluster.start(3);
        MetaNodeSlot leader = cluster.awaitLeader();
        MetaNodeSlot follower = cluster.nodes().stream().filter(s -> s != leader).findFirst().orElseThrow();
        client = new MetaClient(MetaClientSettings.of(cluster.apiAddresses(), null).withWatch(false)).start();
        ctl = new CtlRunner("-bind", follower.apiAddress(), "-timeout", "10s");
        for (String tcp : List.of(DATA4, DATA5, DATA6)) {
            client.changes().addDataNode(tcp, tcp.replace("08", "06"));
        }
        client.announce(4, VERSION, DATA4, DATA4.replace("08", "06"));
        client.announce(5, VERSION, DATA5, DATA5.replace("08", "06"));
        client.changes().createDatabase("telegraf", Optional.of(RetentionPolicySettings.of("twoweeks",
                Duration.ofDays(14).toNanos(), 2, Duration.ofDays(1).toNanos())), true);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    private static void assertOk(CtlRunner.Result r, String expectedOut) {
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).as("%s", r).isEmpty();
        assertThat(r.out()).isEqualTo(expectedOut);
    }

    private static void assertFails(CtlRunner.Result r, String message) {
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.errLines()).as("%s", r).containsExactly("Error: " + message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    @Order(1)
    void showListsNodesVersionsAndRaftStatus() {
        CtlRunner.Result r = ctl.run("show");
        assertThat(r.exitCode()).as("%s", r).isZero();
        ParsedTable data = ParsedTable.parse(r.out(), "Data Nodes");
        assertThat(data.column("ID")).containsExactly("4", "5", "6");
        assertThat(data.column("TCP Address")).containsExactly(DATA4, DATA5, DATA6);
        assertThat(data.column("HTTP Address")).containsExactly("127.0.0.1:19406", "127.0.0.1:19506", "127.0.0.1:19606");
        assertThat(data.column("Version")).containsExactly(VERSION, VERSION, "");
        assertThat(data.column("Labels")).containsOnly("{}");
        assertThat(data.column("Passive")).containsOnly("false");

        ParsedTable meta = ParsedTable.parse(r.out(), "Meta Nodes");
        assertThat(meta.column("ID")).containsExactly("1", "2", "3");
        // Meta ids follow the order the nodes registered in.
        assertThat(meta.column("HTTP Address")).containsExactlyInAnyOrderElementsOf(cluster.apiAddresses());
        for (MetaNodeSlot slot : cluster.nodes()) {
            assertThat(meta.row("HTTP Address", slot.apiAddress())).containsEntry("Raft Address", slot.raftAddress())
                    .containsEntry("Labels", "{}");
        }

        String leader = cluster.awaitLeader().raftAddress();
        assertThat(r.out()).contains("Raft Status\n==========\nLeader  " + leader + "\nPeers   [\"");
        String peersLine = r.out().lines().filter(l -> l.startsWith("Peers")).findFirst().orElseThrow();
        cluster.nodes().stream().map(MetaNodeSlot::raftAddress).filter(a -> !a.equals(leader))
                .forEach(a -> assertThat(peersLine).contains("\"" + a + "\""));
    }

    @Test
    @Order(2)
    void showShardsListsGroupsWithOwnersAndTruncateShardsStarsThem() {
        long now = System.currentTimeMillis() * 1_000_000L;
        ShardGroupInfo hot = client.changes().createShardGroupIfNotExists("telegraf", "twoweeks", now);
        ShardGroupInfo future = client.changes().createShardGroupIfNotExists("telegraf", "twoweeks",
                hot.endTime() + 1);
        CtlRunner.Result before = ctl.run("show-shards");
        assertThat(before.exitCode()).as("%s", before).isZero();
        ParsedTable shards = ParsedTable.parse(before.out(), "Shards");
        assertThat(shards.rows()).hasSize(hot.shards().size() + future.shards().size());
        String firstId = Long.toString(hot.shards().get(0).id());
        Map<String, String> row = shards.row("ID", firstId);
        assertThat(row).containsEntry("Database", "telegraf").containsEntry("Retention Policy", "twoweeks")
                .containsEntry("Desired Replicas", "2").containsEntry("Shard Group", Long.toString(hot.id()));
        assertThat(row.get("End")).doesNotEndWith("*");
        assertThat(row.get("Owners")).matches("\\[\\{\\d \\S+:\\d+} \\{\\d \\S+:\\d+}]");

        long beforeTruncate = System.currentTimeMillis() * 1_000_000L;
        assertOk(ctl.run("truncate-shards", "-delay", "1m"), "Truncated shards.\n");
        ClusterMetadata md = client.metadata();
        ShardGroupInfo truncated = md.retentionPolicy("telegraf", "twoweeks").orElseThrow().shardGroup(hot.id())
                .orElseThrow();
        assertThat(truncated.truncatedAt()).isBetween(beforeTruncate + 59_000_000_000L, beforeTruncate + 70_000_000_000L);
        ShardGroupInfo voided = md.retentionPolicy("telegraf", "twoweeks").orElseThrow().shardGroup(future.id())
                .orElseThrow();
        assertThat(voided.live()).isFalse();

        ParsedTable after = ParsedTable.parse(ctl.run("show-shards").out(), "Shards");
        assertThat(after.row("ID", firstId).get("End")).endsWith("*");
    }

    @Test
    @Order(3)
    void updateDataKeepsTheIdAndShardOwnership() {
        ClusterMetadata before = client.metadata();
        List<Long> owned = before.shardsOwnedBy(4).stream().map(ShardLocation::shardId).toList();
        assertThat(owned).isNotEmpty();
        String replacement = "127.0.0.1:19418";

        assertOk(ctl.run("update-data", DATA4, replacement), "updated data node 4 to " + replacement + "\n");

        ClusterMetadata after = client.metadata();
        assertThat(after.dataNode(4).orElseThrow().tcpAddress()).isEqualTo(replacement);
        assertThat(after.shardsOwnedBy(4).stream().map(ShardLocation::shardId).toList()).isEqualTo(owned);
        ParsedTable show = ParsedTable.parse(ctl.run("show").out(), "Data Nodes");
        assertThat(show.row("ID", "4").get("TCP Address")).isEqualTo(replacement);
        ParsedTable shards = ParsedTable.parse(ctl.run("show-shards").out(), "Shards");
        assertThat(shards.row("ID", Long.toString(owned.get(0))).get("Owners")).contains("{4 " + replacement + "}");

        assertFails(ctl.run("update-data", DATA4, "127.0.0.1:19999"), "node not found: " + DATA4);
        assertThat(ctl.run("update-data", replacement, DATA5).err())
                .isEqualTo("Error: node already exists: " + DATA5 + "\n");
        assertOk(ctl.run("update-data", replacement, DATA4), "updated data node 4 to " + DATA4 + "\n");
    }

    @Test
    @Order(4)
    void removeDataNeedsForceForANodeThatIsNotAnnouncing() {
        CtlRunner.Result refused = ctl.run("remove-data", DATA6);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("Error: data node " + DATA6 + " is not responding").contains("-force"));
        assertThat(client.metadata().dataNodeByTcpAddress(DATA6)).isPresent();

        assertOk(ctl.run("remove-data", "-force", DATA6), "Removed data node at " + DATA6 + "\n");
        ClusterMetadata md = client.metadata();
        assertThat(md.dataNodeByTcpAddress(DATA6)).isEmpty();
        assertThat(md.shardsOwnedBy(6)).isEmpty();
        assertThat(ParsedTable.parse(ctl.run("show").out(), "Data Nodes").column("ID")).containsExactly("4", "5");
    }

    @Test
    @Order(5)
    void removeDataOfALiveNodeWithoutForce() {
        client.announce(5, VERSION, DATA5, "127.0.0.1:19506");
        assertOk(ctl.run("remove-data", DATA5), "Removed data node at " + DATA5 + "\n");
        assertThat(client.metadata().dataNodeByTcpAddress(DATA5)).isEmpty();
    }

    @Test
    @Order(6)
    void unknownNodesAreOneErrorLine() {
        assertFails(ctl.run("remove-data", "-force", "127.0.0.1:1"), "node not found: 127.0.0.1:1");
        assertFails(ctl.run("remove-data", "127.0.0.1:1"), "node not found: 127.0.0.1:1");
        assertFails(ctl.run("update-data", "127.0.0.1:1", "127.0.0.1:2"), "node not found: 127.0.0.1:1");
        CtlRunner.Result r = ctl.run("remove-meta", "-y", "127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("Error: meta node not found: 127.0.0.1:1");
    }
}
