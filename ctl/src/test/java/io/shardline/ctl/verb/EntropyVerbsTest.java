package io.shardline.ctl.verb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.ctl.CtlRunner;
import io.shardline.ctl.ParsedTable;
import io.shardline.ctl.format.GoTimes;
import io.shardline.meta.model.ShardLocation;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.testkit.DataNodeSlot;
import io.shardline.testkit.ShardlineCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code entropy show|repair|kill-repair} against an in-JVM cluster (1 meta, 2 data nodes, RF 2,
 * anti-entropy every 300 ms with a 1 s settle window and no automatic diff repair): a replica made
 * to diverge shows as {@code diff}, {@code -v} shows both owners, a repair queued through the ctl makes
 * the replicas equal, a repair stuck behind a stopped owner shows in {@code Queued Shards} and
 * {@code kill-repair} removes it. Tests run in order on one cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntropyVerbsTest {

    private static ShardlineCluster cluster;
    private static CtlRunner ctl;
    private static ShardLocation shard;

    @BeforeAll
    static void start() {
        cluster = ShardlineCluster.start(1, 2, Map.of("anti-entropy.check-interval", "\"300ms\"",
                "anti-entropy.settle-window", "\"1s\"", "anti-entropy.auto-repair-diff", "false",
                "hinted-handoff.retry-interval", "\"50ms\"", "hinted-handoff.retry-max-interval", "\"200ms\""));
        ctl = new CtlRunner("-bind", cluster.meta().apiAddresses().get(0), "-timeout", "10s");
        assertThat(cluster.query(cluster.data(0), "", "CREATE DATABASE db WITH REPLICATION 2").status()).isEqualTo(200);
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            lines.append("cpu,host=h").append(i % 10).append(" usage=").append(i).append(' ')
                    .append(now - 60_000_000_000L + i * 1_000_000L).append('\n');
        }
        assertThat(cluster.write(cluster.data(0), "db", "all", lines.toString()).status()).isEqualTo(204);
        cluster.awaitViewsConverged();
        shard = cluster.data(0).node().membership().view().shards().ownedBy(cluster.data(0).nodeId()).get(0);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ShardStore store(DataNodeSlot slot) {
        return slot.node().engine().get(new ShardId("db", shard.retentionPolicy(), shard.shardId())).orElseThrow();
    }

    private static CtlRunner.Result ok(String... args) {
        CtlRunner.Result r = ctl.run(args);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).as("%s", r).isEmpty();
        return r;
    }

    @Test
    @Order(1)
    void aDivergedReplicaShowsAsDiff() {
        List<Point> extra = new ArrayList<>();
        long old = System.currentTimeMillis() * 1_000_000L - 120_000_000_000L;
        for (int i = 0; i < 5; i++) {
            extra.add(Point.builder("cpu").tag("host", "lost").floatField("usage", i).timestamp(old + i).build());
        }
        store(cluster.data(1)).write(extra, Hlc.minVersionAt(System.currentTimeMillis()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ctl.run("entropy", "show").out().contains(" diff\n"));
        CtlRunner.Result r = ok("entropy", "show");
        ParsedTable t = ParsedTable.parse(r.out(), "Entropy");
        assertThat(t.header()).containsExactly("ID", "Database", "Retention Policy", "Start", "End", "Expires", "Status");
        assertThat(t.column("ID")).containsExactly(Long.toString(shard.shardId()));
        assertThat(t.column("Database")).containsExactly("db");
        assertThat(t.column("Retention Policy")).containsExactly("autogen");
        assertThat(t.column("Start")).containsExactly(GoTimes.goStringUtc(shard.group().startTime()));
        assertThat(t.column("End")).containsExactly(GoTimes.goStringUtc(shard.group().endTime()));
        assertThat(t.column("Expires")).as("autogen is infinite").containsExactly("");
        assertThat(t.column("Status")).containsExactly("diff");
        assertThat(r.out()).doesNotContain("Queued Shards");
    }

    @Test
    @Order(2)
    void verboseShowsBothOwners() {
        CtlRunner.Result r = ok("entropy", "show", "-v");
        ParsedTable owners = ParsedTable.parse(r.out(), "Owners");
        assertThat(owners.column("Shard")).containsOnly(Long.toString(shard.shardId())).hasSize(2);
        assertThat(owners.column("TCP Address")).containsExactlyInAnyOrder(cluster.data(0).tcpAddress(),
                cluster.data(1).tcpAddress());
        assertThat(owners.column("Points")).containsExactlyInAnyOrder("100", "105");
        assertThat(owners.column("Digest Root")).doesNotHaveDuplicates().allMatch(s -> s.matches("[0-9a-f]{16}"));
        assertThat(owners.column("Last Modified")).allMatch(s -> s.endsWith(" +0000 UTC"));
    }

    @Test
    @Order(3)
    void aRepairQueuedThroughTheCtlMakesTheReplicasEqual() {
        assertThat(ok("entropy", "repair", Long.toString(shard.shardId())).out())
                .isEqualTo("Repair Shard " + shard.shardId() + " queued\n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(store(cluster.data(0)).stats().pointCount()).isEqualTo(105);
            assertThat(store(cluster.data(0)).digest(Long.MAX_VALUE)).isEqualTo(store(cluster.data(1)).digest(Long.MAX_VALUE));
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !ctl.run("entropy", "show").out().contains(" diff\n"));
        assertThat(cluster.get(cluster.data(1), "/debug/vars").body()).contains("\"ae\": {\"name\":\"ae\"");
    }

    @Test
    @Order(4)
    void aRepairWaitingForAStoppedOwnerIsQueuedUntilKilled() {
        cluster.data(1).stop();
        String id = Long.toString(shard.shardId());
        assertThat(ok("entropy", "repair", id).out()).isEqualTo("Repair Shard " + id + " queued\n");
        assertThat(ok("entropy", "show").out()).endsWith("\nQueued Shards: [" + id + "]\n");
        assertThat(ok("entropy", "kill-repair", id).out()).isEqualTo("Shard " + id + " removed from repair queue\n");
        assertThat(ok("entropy", "show").out()).doesNotContain("Queued Shards");
        cluster.restart(cluster.data(1));
    }

    @Test
    @Order(5)
    void badArgumentsAndUnknownShards() {
        CtlRunner.Result nan = ctl.run("entropy", "repair", "abc");
        assertThat(nan.exitCode()).isEqualTo(2);
        assertThat(nan.errLines()).containsExactly(
                "Error: invalid shard ID \"abc\" (see 'shardline ctl entropy repair -help')");
        CtlRunner.Result unknown = ctl.run("entropy", "kill-repair", "999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines()).containsExactly("Error: shard not found: 999");
        CtlRunner.Result help = ok("entropy");
        assertThat(help.out()).contains("show", "repair", "kill-repair");
    }
}
