package io.shardline.ctl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.ctl.CtlRunner;
import io.shardline.ctl.ParsedTable;
import io.shardline.ctl.datanode.DataNodeConnections;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.proto.datanode.CopyShardInfo;
import io.shardline.storage.ShardStore;
import io.shardline.testkit.DataNodeSlot;
import io.shardline.testkit.ShardlineCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The data-node verbs against a real in-JVM cluster (1 meta, 3 data nodes, RF 2 so each shard group
 * has one shard on two of the three nodes): copy-shard with its catch-up of concurrent writes,
 * copy-shard-status on both ends, kill-copy-shard leaving nothing behind, the error cases,
 * remove-shard, show-shards -v with a missing replica, add-data of a node started without meta
 * servers, update-data onto a fresh node, and remove-data deleting the hinted-handoff queues others
 * hold for the node. One cluster for the class; tests in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardMovementVerbsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long WEEK = 7 * 86_400 * SECOND;
    /** Monday 2020-01-06, the start of a 7-day shard group. */
    private static final long GROUP1 = 1_578_268_800L * SECOND;
    /** Anti-entropy off: these tests make replicas go missing on purpose and copy them by hand. */
    private static final Map<String, String> SETTINGS = Map.of("hinted-handoff.retry-interval", "\"50ms\"",
            "hinted-handoff.retry-max-interval", "\"200ms\"", "anti-entropy.enabled", "false");

    private static ShardlineCluster cluster;
    private static MetaClient meta;
    private static CtlRunner ctl;
    private static DataNodeConnections connections;
    private static ShardAdminClient admin;
    private static LooseDataNode added;
    private static LooseDataNode replacement;
    private static Path scratch;

    @BeforeAll
    static void start() throws IOException {
        scratch = Files.createTempDirectory("shard-movement");
        cluster = ShardlineCluster.start(1, 3, SETTINGS);
        meta = new MetaClient(MetaClientSettings.of(cluster.meta().apiAddresses(), null).withWatch(false)).start();
        ctl = new CtlRunner("-bind", cluster.meta().node(0).apiAddress(), "-timeout", "10s");
        connections = new DataNodeConnections(Duration.ofSeconds(10));
        admin = new ShardAdminClient(connections);
        assertThat(cluster.query(cluster.data(0), "", "CREATE DATABASE db WITH REPLICATION 2").status()).isEqualTo(200);
        write(cluster.data(0), GROUP1, "a", 0, 2_000);
        write(cluster.data(0), GROUP1 + WEEK, "b", 0, 60_000);
        cluster.awaitViewsConverged();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {added, replacement, connections, meta, cluster}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing
            }
        }
    }

    // ---- copy-shard --------------------------------------------------------------------------------

    @Test
    @Order(1)
    void copyShardCopiesTheSnapshotAndMakesTheDestinationAnOwner() throws IOException {
        ShardInfo shard = shardAt(GROUP1);
        DataNodeSlot source = slot(shard.owners().get(0));
        DataNodeSlot destination = nonOwner(shard);
        long copyRequests = clusterStat(destination, "copyShardReq");

        CtlRunner.Result r = ctl.run("copy-shard", source.tcpAddress(), destination.tcpAddress(), id(shard));
        assertOk(r, "Copied shard " + shard.id() + " from " + source.tcpAddress() + " to " + destination.tcpAddress()
                + "\n");
        // Enterprise's cluster statistic counts the request on the node that serves it: the destination
        assertThat(clusterStat(destination, "copyShardReq")).isEqualTo(copyRequests + 1);
        assertThat(clusterStat(source, "copyShardReq")).isZero();

        assertThat(owners(shard.id())).contains(destination.nodeId()).hasSize(3);
        assertThat(points(destination, shard.id())).isEqualTo(points(source, shard.id())).isEqualTo(2_000);
        assertThat(hiddenDirectories(destination)).isEmpty();
        assertThat(ctl.run("copy-shard-status").out())
                .isEqualTo("Source  Dest  Database  Policy  ShardID  TotalSize  CurrentSize  StartedAt\n");
    }

    @Test
    @Order(2)
    void copyShardStatusShowsARunningCopyOnBothEndsAndKillLeavesNothing() throws Exception {
        ShardInfo shard = shardAt(GROUP1 + WEEK);
        DataNodeSlot source = slot(shard.owners().get(0));
        DataNodeSlot destination = nonOwner(shard);
        CompletableFuture<CtlRunner.Result> copy = CompletableFuture.supplyAsync(() -> ctl.run("copy-shard",
                "-rate-limit", "32k", source.tcpAddress(), destination.tcpAddress(), id(shard)));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(side(source, "source")).isNotEmpty();
            assertThat(side(destination, "destination")).singleElement()
                    .satisfies(c -> assertThat(c.getCopiedBytes()).isPositive());
        });
        CopyShardInfo atDestination = side(destination, "destination").get(0);
        assertThat(atDestination.getTotalBytes()).isGreaterThan(atDestination.getCopiedBytes());

        CtlRunner.Result status = ctl.run("copy-shard-status");
        assertThat(status.exitCode()).as("%s", status).isZero();
        ParsedTable table = ParsedTable.parseBlock(List.of(status.out().split("\n")));
        assertThat(table.header()).containsExactly("Source", "Dest", "Database", "Policy", "ShardID", "TotalSize",
                "CurrentSize", "StartedAt");
        Map<String, String> row = table.rows().get(0);
        assertThat(table.rows()).hasSize(1);
        assertThat(row).containsEntry("Source", source.tcpAddress()).containsEntry("Dest", destination.tcpAddress())
                .containsEntry("Database", "db").containsEntry("Policy", "autogen").containsEntry("ShardID", id(shard));
        assertThat(Long.parseLong(row.get("TotalSize"))).isEqualTo(atDestination.getTotalBytes());
        assertThat(Long.parseLong(row.get("CurrentSize"))).isBetween(1L, atDestination.getTotalBytes());
        assertThat(row.get("StartedAt")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})? [+-]\\d{4} \\S+");

        assertOk(ctl.run("kill-copy-shard", source.tcpAddress(), destination.tcpAddress(), id(shard)),
                "Killed shard copy " + shard.id() + " from " + source.tcpAddress() + " to " + destination.tcpAddress()
                        + "\n");
        CtlRunner.Result killed = copy.get(30, TimeUnit.SECONDS);
        assertThat(killed.exitCode()).isEqualTo(1);
        assertThat(killed.errLines()).containsExactly("Error: copy of shard " + shard.id() + " from "
                + source.tcpAddress() + " to " + destination.tcpAddress() + " was killed");
        assertThat(localShard(destination, shard.id())).isEmpty();
        assertThat(hiddenDirectories(destination)).isEmpty();
        assertThat(owners(shard.id())).doesNotContain(destination.nodeId()).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(side(source, "source")).isEmpty());
        assertThat(ctl.run("copy-shard-status").out()).hasLineCount(1);
    }

    @Test
    @Order(3)
    void writesDuringACopyReachTheNewOwner() throws Exception {
        ShardInfo shard = shardAt(GROUP1 + WEEK);
        DataNodeSlot source = slot(shard.owners().get(0));
        DataNodeSlot destination = nonOwner(shard);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                int b = batches.getAndIncrement();
                write(cluster.data(b % 3), GROUP1 + WEEK, "during" + b, 0, 200);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.get() > 2);
        CtlRunner.Result r = ctl.run("copy-shard", "-rate-limit", "512k", source.tcpAddress(),
                destination.tcpAddress(), id(shard));
        int atCopyEnd = batches.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.get() > atCopyEnd + 2);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        assertOk(r, "Copied shard " + shard.id() + " from " + source.tcpAddress() + " to " + destination.tcpAddress()
                + "\n");

        long expected = 60_000 + batches.get() * 200L;
        for (long owner : owners(shard.id())) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(points(slot(owner), shard.id())).as("points on node %d", owner).isEqualTo(expected));
        }
        assertThat(owners(shard.id())).hasSize(3);
    }

    @Test
    @Order(4)
    void copyErrorsAreOneClearLine() {
        ShardInfo shard = shardAt(GROUP1 + WEEK);
        String a = slot(shard.owners().get(0)).tcpAddress();
        String b = slot(shard.owners().get(1)).tcpAddress();
        assertFails(ctl.run("copy-shard", a, b, id(shard)), "shard " + shard.id() + " already exists on data node " + b);
        assertFails(ctl.run("copy-shard", a, b, "9999"), "shard not found: 9999");
        assertFails(ctl.run("copy-shard", "127.0.0.1:1", b, id(shard)), "node not found: 127.0.0.1:1");
        assertFails(ctl.run("copy-shard", a, "127.0.0.1:1", id(shard)), "node not found: 127.0.0.1:1");
        assertFails(ctl.run("kill-copy-shard", a, b, id(shard)), "no copy of shard " + shard.id() + " from " + a
                + " to data node " + b);
        CtlRunner.Result same = ctl.run("copy-shard", a, a, id(shard));
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.errLines()).singleElement().asString()
                .startsWith("Error: source and destination are the same data node: " + a);
    }

    // ---- show-shards -v, missing replicas, remove-shard --------------------------------------------

    @Test
    @Order(5)
    void showShardsVerboseShowsEachReplicaAndAMissingOne() {
        write(cluster.data(0), GROUP1 + 2 * WEEK, "c", 0, 100);
        ShardInfo third = shardAt(GROUP1 + 2 * WEEK);
        DataNodeSlot lacking = nonOwner(third);
        meta.changes().addShardOwner(third.id(), lacking.nodeId()); // an owner without the data

        Map<String, String> row = verboseRow(third.id());
        for (long owner : third.owners()) {
            assertThat(row.get("Owners")).containsPattern("\\{" + owner + " " + slot(owner).tcpAddress().replace(".", "\\.")
                    + " (hot|cold) \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})? [+-]\\d{4} \\S+ [1-9]\\d* <nil>}");
        }
        assertThat(row.get("Owners")).contains("{" + lacking.nodeId() + " " + lacking.tcpAddress()
                + " missing 0001-01-01 00:00:00 +0000 UTC 0 shard " + third.id() + " not found on data node "
                + lacking.tcpAddress() + "}");

        // Copying to an owner that lacks the shard fills it in and keeps the owner list as it is.
        String source = slot(third.owners().get(0)).tcpAddress();
        assertOk(ctl.run("copy-shard", source, lacking.tcpAddress(), id(third)),
                "Copied shard " + third.id() + " from " + source + " to " + lacking.tcpAddress() + "\n");
        assertThat(owners(third.id())).hasSize(3).doesNotHaveDuplicates();
        assertThat(verboseRow(third.id()).get("Owners")).doesNotContain("missing").contains("{" + lacking.nodeId()
                + " " + lacking.tcpAddress() + " hot ");
        assertThat(points(lacking, third.id())).isEqualTo(100);
    }

    @Test
    @Order(6)
    void removeShardDropsTheOwnerThenTheData() {
        ShardInfo shard = shardAt(GROUP1);
        DataNodeSlot node = slot(shard.owners().get(2));
        long removeRequests = clusterStat(node, "removeShardReq");
        assertOk(ctl.run("remove-shard", node.tcpAddress(), id(shard)),
                "Removed shard " + shard.id() + " from " + node.tcpAddress() + "\n");
        assertThat(owners(shard.id())).doesNotContain(node.nodeId()).hasSize(2);
        assertThat(localShard(node, shard.id())).isEmpty();
        assertFails(ctl.run("remove-shard", node.tcpAddress(), id(shard)),
                "shard " + shard.id() + " not found on data node " + node.tcpAddress());
        assertFails(ctl.run("remove-shard", node.tcpAddress(), "9999"), "shard not found: 9999");
        // the refused second request counts too; the unknown shard 9999 is refused by ctl from meta, never sent
        assertThat(clusterStat(node, "removeShardReq")).isEqualTo(removeRequests + 2);
        // The shard still answers on the other owners and takes writes.
        write(cluster.data(0), GROUP1, "after", 0, 10);
        for (long owner : owners(shard.id())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(points(slot(owner), shard.id())).isEqualTo(2_010));
        }
    }

    private static long clusterStat(DataNodeSlot node, String value) {
        return node.node().stats().statistic("cluster").values().getOrDefault(value, 0L);
    }

    // ---- node lifecycle ------------------------------------------------------------------------------

    @Test
    @Order(7)
    void addDataJoinsANodeStartedWithoutMetaServers() {
        added = LooseDataNode.start(scratch.resolve("added"));
        assertThat(added.node().membership().nodeId()).isZero();
        long next = meta.metadata().maxNodeId() + 1;

        assertOk(ctl.run("add-data", added.tcpAddress()), "Added data node " + next + " at " + added.tcpAddress() + "\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> added.node().membership().nodeId() == next
                && added.node().membership().view().metadata().dataNode(next).isPresent());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                ParsedTable.parse(ctl.run("show").out(), "Data Nodes").row("ID", Long.toString(next)))
                .containsEntry("TCP Address", added.tcpAddress()).containsEntry("HTTP Address", added.httpAddress())
                .satisfies(r -> assertThat(r.get("Version")).isNotEmpty()));
        assertOk(ctl.run("add-data", added.tcpAddress()), "Added data node " + next + " at " + added.tcpAddress() + "\n");
        assertThat(ctl.run("add-data", "127.0.0.1:1").errLines()).singleElement().asString()
                .startsWith("Error: cannot describe the node on data node 127.0.0.1:1");

        // A copy from a node that lacks the shard: shard 1 was removed from one node in the test before.
        ShardInfo shard = shardAt(GROUP1);
        DataNodeSlot lacking = nonOwner(shard);
        assertFails(ctl.run("copy-shard", lacking.tcpAddress(), added.tcpAddress(), id(shard)),
                "shard " + shard.id() + " not found on data node " + lacking.tcpAddress());
        assertThat(added.node().engine().shards()).isEmpty();
    }

    @Test
    @Order(8)
    void updateDataHandsTheIdToAFreshNodeWhichReportsItsShardsMissingUntilCopied() {
        ShardInfo shard = shardAt(GROUP1 + WEEK);
        DataNodeSlot old = slot(shard.owners().get(2));
        long id = old.nodeId();
        String oldAddress = old.tcpAddress();
        old.stop();
        replacement = LooseDataNode.start(scratch.resolve("replacement"));

        assertOk(ctl.run("update-data", oldAddress, replacement.tcpAddress()),
                "updated data node " + id + " to " + replacement.tcpAddress() + "\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> replacement.node().membership().nodeId() == id);
        assertThat(ParsedTable.parse(ctl.run("show").out(), "Data Nodes").row("ID", Long.toString(id)))
                .containsEntry("TCP Address", replacement.tcpAddress())
                .containsEntry("HTTP Address", replacement.httpAddress());
        assertThat(verboseRow(shard.id()).get("Owners")).contains("{" + id + " " + replacement.tcpAddress()
                + " missing 0001-01-01 00:00:00 +0000 UTC 0 shard " + shard.id() + " not found on data node "
                + replacement.tcpAddress() + "}");

        String source = slot(shard.owners().get(0)).tcpAddress();
        assertOk(ctl.run("copy-shard", source, replacement.tcpAddress(), id(shard)),
                "Copied shard " + shard.id() + " from " + source + " to " + replacement.tcpAddress() + "\n");
        assertThat(verboseRow(shard.id()).get("Owners")).doesNotContain("missing");
        long expected = points(slot(shard.owners().get(0)), shard.id());
        assertThat(replacement.node().engine().shards()).anySatisfy(s -> assertThat(s.id().id()).isEqualTo(shard.id()));
        assertThat(pointsOn(replacement.node().engine().shards().stream()
                .filter(s -> s.id().id() == shard.id()).findFirst().orElseThrow().id(), replacement)).isEqualTo(expected);
    }

    @Test
    @Order(9)
    void removeDataDeletesTheHintedHandoffQueuesOthersHoldForTheNode() {
        ShardInfo shard = shardAt(GROUP1 + WEEK);
        long id = replacement.node().membership().nodeId();
        DataNodeSlot coordinator = slot(shard.owners().get(0));
        replacement.close();
        write(coordinator, GROUP1 + WEEK, "queued", 0, 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> coordinator.node().handoff().destinationsWithData()
                .contains(id));

        assertOk(ctl.run("remove-data", "-force", replacement.tcpAddress()),
                "Removed data node at " + replacement.tcpAddress() + "\n");
        replacement = null;
        assertThat(meta.metadata().dataNode(id)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(coordinator.node().handoff().destinationsWithData()).doesNotContain(id));
    }

    @Test
    @Order(10)
    void aReplacementStartedAfterUpdateDataGetsTheIdAndItsHttpAddressFromItsAnnouncements() throws IOException {
        long id = added.node().membership().nodeId();
        String oldHttp = added.httpAddress();
        added.close();
        int port = testPort();
        String target = "127.0.0.1:" + port;
        assertOk(ctl.run("update-data", added.tcpAddress(), target), "updated data node " + id + " to " + target + "\n");
        assertThat(ParsedTable.parse(ctl.run("show").out(), "Data Nodes").row("ID", Long.toString(id)))
                .containsEntry("TCP Address", target).containsEntry("HTTP Address", oldHttp);

        added = LooseDataNode.start(scratch.resolve("late"), port);
        assertOk(ctl.run("add-data", target), "Added data node " + id + " at " + target + "\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ParsedTable.parse(ctl.run("show").out(), "Data Nodes").row("ID", Long.toString(id)))
                .containsEntry("TCP Address", target).containsEntry("HTTP Address", added.httpAddress()));
        assertThat(added.node().membership().nodeId()).isEqualTo(id);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static int testPort() {
        return io.shardline.testkit.FreePorts.next();
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

    /** {@code count} points of series {@code cpu,host=<host>} one second apart from {@code start}. */
    private static void write(DataNodeSlot node, long start, String host, int from, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            b.append("cpu,host=").append(host).append(" value=").append(i * 0.37).append(",n=").append(i).append("i ")
                    .append(start + i * SECOND).append('\n');
        }
        ShardlineCluster.Response r = cluster.write(node, "db", "one", b.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private static ShardInfo shardAt(long time) {
        ShardGroupInfo group = meta.metadata().shardGroupAt("db", "autogen", time).orElseThrow();
        assertThat(group.shards()).hasSize(1);
        return group.shards().get(0);
    }

    private static List<Long> owners(long shardId) {
        return meta.metadata().shardOwners(shardId);
    }

    private static String id(ShardInfo shard) {
        return Long.toString(shard.id());
    }

    private static DataNodeSlot slot(long nodeId) {
        return cluster.dataNodes().stream().filter(DataNodeSlot::running).filter(s -> s.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new AssertionError("no running data node " + nodeId));
    }

    private static DataNodeSlot nonOwner(ShardInfo shard) {
        ShardInfo now = meta.metadata().shard(shard.id()).orElseThrow().shard();
        return cluster.dataNodes().stream().filter(DataNodeSlot::running).filter(s -> !now.ownedBy(s.nodeId()))
                .findFirst().orElseThrow();
    }

    private static java.util.Optional<io.shardline.storage.ShardStatus> localShard(DataNodeSlot node, long shardId) {
        return node.node().engine().shards().stream().filter(s -> s.id().id() == shardId).findFirst();
    }

    private static long points(DataNodeSlot node, long shardId) {
        return localShard(node, shardId).flatMap(s -> node.node().engine().get(s.id())).map(ShardStore::stats)
                .map(st -> st.pointCount()).orElse(-1L);
    }

    private static long pointsOn(io.shardline.storage.ShardId id, LooseDataNode node) {
        return node.node().engine().get(id).map(ShardStore::stats).map(st -> st.pointCount()).orElse(-1L);
    }

    private static List<CopyShardInfo> side(DataNodeSlot node, String side) {
        return admin.copies(node.tcpAddress()).stream().filter(c -> c.getSide().equals(side)).toList();
    }

    /** Hidden entries (snapshots, ingest temporaries) under the node's shard directories. */
    private static List<Path> hiddenDirectories(DataNodeSlot node) throws IOException {
        Path data = node.directory().resolve("data");
        if (!Files.exists(data)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(data, 3)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static Map<String, String> verboseRow(long shardId) {
        CtlRunner.Result r = ctl.run("show-shards", "-v");
        assertThat(r.exitCode()).as("%s", r).isZero();
        return ParsedTable.parse(r.out(), "Shards").row("ID", Long.toString(shardId));
    }
}
