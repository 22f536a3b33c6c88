package io.shardline.ctl.verb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.ctl.CtlRunner;
import io.shardline.ctl.ParsedTable;
import io.shardline.testkit.MetaCluster;
import io.shardline.testkit.MetaNodeSlot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * add-meta and remove-meta against an in-JVM meta cluster: the question and its answers, removing a
 * live follower, adding an un-joined node, and force-removing a node that is down. One cluster for
 * the class, tests in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetaMembershipVerbsTest {

    private static MetaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = MetaCluster.start(3);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A ctl bound to the current leader (the node that stays). */
    private static CtlRunner ctlOnLeader() {
        return new CtlRunner("-bind", cluster.awaitLeader().apiAddress(), "-timeout", "20s");
    }

    private static MetaNodeSlot aFollower() {
        MetaNodeSlot leader = cluster.awaitLeader();
        return cluster.nodes().stream().filter(s -> s != leader && s.running()).findFirst().orElseThrow();
    }

    private static List<String> metaHttpAddresses(CtlRunner ctl) {
        CtlRunner.Result show = ctl.run("show");
        assertThat(show.exitCode()).as("%s", show).isZero();
        return ParsedTable.parse(show.out(), "Meta Nodes").column("HTTP Address");
    }

    @Test
    @Order(1)
    void answeringNoOrNothingRemovesNothing() {
        MetaNodeSlot follower = aFollower();
        CtlRunner ctl = ctlOnLeader();
        for (String answer : List.of("n\n", "", "yes please\n")) {
            CtlRunner.Result r = ctl.runWithInput(answer, "remove-meta", follower.apiAddress());
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.out()).isEqualTo("Remove " + follower.apiAddress() + " from the cluster [y/N]: ");
            assertThat(r.err()).isEmpty();
        }
        assertThat(metaHttpAddresses(ctl)).contains(follower.apiAddress());
    }

    @Test
    @Order(2)
    void removeALiveFollowerAfterYes() {
        MetaNodeSlot follower = aFollower();
        CtlRunner ctl = ctlOnLeader();
        CtlRunner.Result r = ctl.runWithInput("y\n", "remove-meta", follower.apiAddress());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("Remove " + follower.apiAddress() + " from the cluster [y/N]: "
                + "Removed meta node at " + follower.apiAddress() + "\n");
        assertThat(metaHttpAddresses(ctl)).hasSize(2).doesNotContain(follower.apiAddress());
        follower.stop();
    }

    @Test
    @Order(3)
    void addAnUnjoinedMetaNode() {
        MetaNodeSlot fresh = cluster.startUnjoined();
        CtlRunner ctl = ctlOnLeader();
        CtlRunner.Result r = ctl.run("add-meta", fresh.apiAddress());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).matches("Added meta node \\d+ at " + fresh.apiAddress().replace(".", "\\.") + "\n");
        assertThat(r.out()).startsWith("Added meta node 4 at "); // ids never go back: 1..3, then 4
        assertThat(metaHttpAddresses(ctl)).hasSize(3).contains(fresh.apiAddress());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CtlRunner.Result show = ctl.run("show");
            assertThat(show.out()).contains("\"" + fresh.raftAddress() + "\"");
        });
        // The new member serves the ctl too, and metadata writes through it still succeed.
        CtlRunner viaNew = new CtlRunner("-bind", fresh.apiAddress(), "-timeout", "20s");
        assertThat(viaNew.run("truncate-shards").out()).isEqualTo("Truncated shards.\n");
    }

    @Test
    @Order(4)
    void forceRemoveANodeThatIsDown() {
        MetaNodeSlot victim = aFollower();
        victim.stop();
        CtlRunner ctl = ctlOnLeader();
        CtlRunner.Result refused = ctl.run("remove-meta", "-y", victim.apiAddress());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("Error: unable to reach meta node at " + victim.apiAddress())
                .contains("-force -tcpAddr " + victim.raftAddress()));

        CtlRunner.Result r = ctl.runWithInput("y\n", "remove-meta", "-force", "-tcpAddr", victim.raftAddress(),
                victim.apiAddress());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("Force remove " + victim.apiAddress() + " from the cluster [y/N]: "
                + "Removed meta node at " + victim.apiAddress() + "\n");
        assertThat(metaHttpAddresses(ctl)).hasSize(2).doesNotContain(victim.apiAddress());
        assertThat(ctl.run("truncate-shards", "-delay", "0s").out()).isEqualTo("Truncated shards.\n");
    }

    @Test
    @Order(5)
    void addMetaOfNothingFails() {
        CtlRunner.Result r = ctlOnLeader().run("add-meta", "127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("Error: unable to reach meta node at 127.0.0.1:1");
    }
}
