package io.shardline.datanode.entropy;

import static io.shardline.datanode.entropy.SimEntropyCluster.DIRECT;
import static io.shardline.datanode.entropy.SimEntropyCluster.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.Tombstone;
import io.shardline.storage.digest.Digest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed scenarios on simulated nodes with a manual clock: missing shards, diff detection and
 * repair (manual and automatic), hot shards, deletes, the owner chain, the queue across restarts,
 * the per-pass byte budget, routing, cancelling and the merged status. Shard 1 is owned by {4, 5}
 * (order [5, 4]), shard 2 by {4, 5, 6} (order [6, 4, 5]), shard 3 by {6} alone.
 */
class EntropyScenariosTest {

    private static final Map<Long, List<Long>> OWNERS = Map.of(1L, List.of(4L, 5L), 2L, List.of(4L, 5L, 6L),
            3L, List.of(6L));
    private static final Map<Long, String> POLICIES = Map.of(1L, "two", 2L, "three", 3L, "one");
    private static final long SEC = 1_000_000_000L;

    @TempDir
    Path dir;

    private SimEntropyCluster cluster(boolean autoRepairDiff, boolean copier, long maxBytes) {
        return new SimEntropyCluster(SimEntropyCluster.config(Duration.ofSeconds(10), autoRepairDiff, maxBytes, 10),
                copier, dir, OWNERS, POLICIES, 4, 5, 6);
    }

    private static List<Point> points(String host, int from, int count) {
        List<Point> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(Point.builder("cpu").tag("host", host).floatField("usage", i).floatField("idle", 100 - i)
                    .timestamp(T0 - SimEntropyCluster.HOUR + i * 10 * SEC).build());
        }
        return out;
    }

    private static long version(SimEntropyCluster c) {
        return Hlc.minVersionAt(c.clock.wallMillis()) + 1;
    }

    private static void write(SimEntropyCluster c, long shard, List<Point> points, long... nodes) {
        long v = version(c);
        for (long n : nodes) {
            c.node(n).open(shard).write(points, v);
        }
    }

    private static EntropyPass.Report pass(SimEntropyCluster c, long node) {
        return c.node(node).ae.runPass(DIRECT);
    }

    private static List<String> statuses(SimEntropyCluster c, long node, long shard) {
        return c.node(node).ae.status(true, false).shards().stream().filter(s -> s.id() == shard)
                .map(ShardEntropy::status).toList();
    }

    @Test
    void aWipedOwnersMissingShardIsCopiedBackInOnePass() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 100), 4, 5);
        c.crash(5);
        c.wipe(5);
        c.restart(5);
        EntropyPass.Report r = pass(c, 5);
        assertThat(r.copiesQueued()).isEqualTo(1);
        assertThat(c.node(5).ae.status(true, false).queued()).containsExactly(1L);
        c.drain();
        assertThat(c.converged(1)).isTrue();
        assertThat(c.node(5).stats.value("copies")).isEqualTo(1);
        assertThat(c.node(5).stats.value("bytesRx")).isPositive();
        assertThat(c.node(5).ae.status(true, false).queued()).isEmpty();
    }

    @Test
    void withoutTheCopyServiceTheRepairChainRestoresAMissingShard() {
        SimEntropyCluster c = cluster(false, false, 1 << 20);
        write(c, 2, points("a", 0, 50), 4, 5, 6);
        c.crash(4);
        c.wipe(4);
        c.restart(4);
        c.clock.advance(Duration.ofSeconds(20)); // a repair leaves out the settle window
        pass(c, 4);
        c.drain();
        assertThat(c.converged(2)).as("roots %s; 6: %s %s", c.roots(2), c.node(6).stats.value("errors"),
                c.node(4).ae.status(false, false)).isTrue();
    }

    @Test
    void aNeverWrittenShardIsNotMissing() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        EntropyPass.Report r = pass(c, 4);
        assertThat(r.copiesQueued()).isZero();
        assertThat(r.missing()).isZero();
        assertThat(c.drain()).isZero();
    }

    @Test
    void anRf1ShardThatWasLostIsReportedMissingAndNotRetried() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 3, points("a", 0, 10), 6);
        pass(c, 6);
        c.crash(6);
        c.loseShards(6);
        c.restart(6);
        assertThat(pass(c, 6).missing()).isEqualTo(1);
        assertThat(statuses(c, 6, 3)).containsExactly("missing");
        assertThat(c.node(6).ae.status(true, false).queued()).isEmpty();
        assertThat(c.drain()).isZero();
        c.clock.advance(Duration.ofMinutes(5));
        assertThat(pass(c, 6).missing()).isEqualTo(1);
        assertThat(c.drain()).as("reported, not retried").isZero();
    }

    @Test
    void aDifferenceIsDiffOnlyWhenSeenTwiceAndARepairRequestedAnywhereRunsFromTheFirstOwner() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 50), 4, 5);
        write(c, 1, points("b", 0, 10), 4);
        c.clock.advance(Duration.ofSeconds(20));
        assertThat(pass(c, 4).suspected()).isEqualTo(1);
        assertThat(statuses(c, 4, 1)).isEmpty();
        c.clock.advance(Duration.ofSeconds(30));
        assertThat(pass(c, 4).diff()).isEqualTo(1);
        assertThat(statuses(c, 4, 1)).containsExactly("diff");
        EntropyReport merged = c.node(6).ae.status(false, false);
        assertThat(merged.shards()).extracting(ShardEntropy::id, ShardEntropy::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "diff"));
        assertThat(merged.shards().get(0).expires()).as("infinite policy").isZero();

        assertThat(c.node(6).ae.repair(1, false)).as("queued on the first owner of [5, 4]").isEqualTo(5);
        assertThat(c.node(5).ae.status(true, false).queued()).containsExactly(1L);
        assertThat(c.node(6).ae.repair(1, false)).as("idempotent").isEqualTo(5);
        assertThat(c.node(5).ae.status(true, false).queued()).containsExactly(1L);
        c.drain();
        assertThat(c.converged(1)).isTrue();
        assertThat(c.node(5).stats.value("repairs") + c.node(4).stats.value("repairs")).as("5 -> 4 -> 5").isEqualTo(2);
        c.clock.advance(Duration.ofSeconds(30));
        pass(c, 4);
        assertThat(statuses(c, 4, 1)).isEmpty();
    }

    @Test
    void verboseStatusGivesEveryOwnersFigures() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 50), 4, 5);
        write(c, 1, points("b", 0, 10), 4);
        c.clock.advance(Duration.ofSeconds(20));
        pass(c, 4);
        c.clock.advance(Duration.ofSeconds(30));
        pass(c, 4);
        EntropyReport r = c.node(6).ae.status(false, true);
        assertThat(r.owners()).extracting(OwnerDetail::nodeId).containsExactly(5L, 4L);
        OwnerDetail five = r.owners().get(0);
        OwnerDetail four = r.owners().get(1);
        assertThat(four.points()).isEqualTo(60);
        assertThat(five.points()).isEqualTo(50);
        assertThat(four.digestRoot()).isNotEqualTo(five.digestRoot());
        assertThat(four.estimatedRepairBytes()).as("10 points of 2 values").isEqualTo(20 * DiffNarrowing.PATCH_BYTES_PER_VALUE);
        assertThat(five.estimatedRepairBytes()).as("never compared").isEqualTo(-1);
        assertThat(four.tcpAddress()).isEqualTo("n4:8088");
        assertThat(four.lastModified()).isPositive();
    }

    @Test
    void aDifferenceThatHandoffClosesIsNeverReported() {
        SimEntropyCluster c = cluster(true, true, 1 << 20);
        write(c, 1, points("z", 0, 5), 4, 5);
        List<Point> late = points("a", 0, 10);
        long v = version(c);
        c.node(4).open(1).write(late, v);
        c.clock.advance(Duration.ofSeconds(20));
        assertThat(pass(c, 4).suspected()).isEqualTo(1);
        c.node(5).open(1).write(late, v); // hinted handoff delivers it
        c.clock.advance(Duration.ofSeconds(30));
        EntropyPass.Report r = pass(c, 4);
        assertThat(r.diff()).isZero();
        assertThat(r.repairsRequested()).isZero();
    }

    @Test
    void hotShardsAreComparedWithoutFalseDiffsAndTheirRealDiffsAreRepaired() {
        SimEntropyCluster c = cluster(true, true, 1 << 20);
        List<Point> inFlight = List.of();
        long inFlightVersion = 0;
        int diffsSeen = 0;
        for (int i = 0; i < 60; i++) {
            c.clock.advance(Duration.ofSeconds(3));
            if (!inFlight.isEmpty()) {
                c.node(5).open(1).write(inFlight, inFlightVersion); // replication lag of 3 s < settle window
            }
            long now = c.clock.wallNanos();
            inFlight = List.of(Point.builder("cpu").tag("host", "hot").floatField("usage", i).timestamp(now).build());
            inFlightVersion = version(c);
            c.node(4).open(1).write(inFlight, inFlightVersion);
            if (i % 10 == 9) {
                diffsSeen += pass(c, 4).diff() + pass(c, 5).diff();
            }
        }
        assertThat(diffsSeen).as("steady writes never look like entropy").isZero();
        write(c, 1, points("cold", 0, 30), 5); // lost on 4: its handoff queue was purged
        for (int i = 0; i < 40; i++) {
            c.clock.advance(Duration.ofSeconds(3));
            c.node(5).open(1).write(inFlight, inFlightVersion);
            inFlight = List.of(Point.builder("cpu").tag("host", "hot").floatField("usage", i)
                    .timestamp(c.clock.wallNanos()).build());
            inFlightVersion = version(c);
            c.node(4).open(1).write(inFlight, inFlightVersion);
            if (i % 10 == 9) {
                pass(c, 4);
                pass(c, 5);
                c.drain();
            }
        }
        c.node(5).open(1).write(inFlight, inFlightVersion);
        assertThat(c.converged(1)).as("the cold points reached node 4 while writes went on").isTrue();
        assertThat(c.node(4).stats.value("repairs") + c.node(5).stats.value("repairs")).isPositive();
    }

    @Test
    void anRf3RepairGoesRoundOnceAndAHalf() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 2, points("a", 0, 20), 4);
        write(c, 2, points("b", 0, 20), 5);
        write(c, 2, points("c", 0, 20), 6);
        c.clock.advance(Duration.ofSeconds(20));
        assertThat(c.node(4).ae.repair(2, false)).as("first owner of [6, 4, 5]").isEqualTo(6);
        c.drain();
        assertThat(c.converged(2)).isTrue();
        long steps = c.node(4).stats.value("repairs") + c.node(5).stats.value("repairs") + c.node(6).stats.value("repairs");
        assertThat(steps).as("6 -> 4 -> 5 -> 6 -> 4").isEqualTo(4);
        assertThat(c.node(4).store(2).stats().pointCount()).isEqualTo(60);
    }

    @Test
    void anRf1RepairIsANoOp() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 3, points("a", 0, 5), 6);
        assertThat(c.node(4).ae.repair(3, false)).isEqualTo(6);
        assertThat(c.node(6).ae.status(true, false).queued()).isEmpty();
    }

    @Test
    void deletesMadeWhileAnOwnerWasDownStayDeletedAfterRepair() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 20), 4, 5);
        write(c, 1, points("b", 0, 20), 4, 5);
        c.clock.advance(Duration.ofSeconds(1));
        c.node(4).open(1).delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "a"), version(c)));
        c.clock.advance(Duration.ofSeconds(20));
        c.node(4).ae.repair(1, false);
        c.drain();
        for (long n : List.of(4L, 5L)) {
            assertThat(c.node(n).store(1).series("cpu", TagPredicate.eq("host", "a"))).as("node %d", n).isEmpty();
            assertThat(c.node(n).store(1).stats().pointCount()).isEqualTo(20);
        }
        assertThat(c.converged(1)).isTrue();
    }

    @Test
    void aQueuedRepairSurvivesARestartAndRetriesWithBackOff() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 20), 4);
        write(c, 1, points("b", 0, 20), 5);
        c.clock.advance(Duration.ofSeconds(20));
        c.crash(4);
        assertThat(c.node(5).ae.repair(1, false)).isEqualTo(5);
        c.drain();
        assertThat(c.node(5).stats.value("errors")).isEqualTo(1);
        assertThat(c.node(5).ae.status(true, false).queued()).containsExactly(1L);
        c.crash(5);
        c.restart(5);
        c.restart(4);
        assertThat(c.node(5).ae.status(true, false).queued()).as("reloaded").containsExactly(1L);
        c.drain();
        assertThat(c.converged(1)).isTrue();
        assertThat(c.node(5).ae.status(true, false).queued()).isEmpty();
    }

    @Test
    void aRestoredQueueWaitsForTheClusterViewInsteadOfBeingDropped() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 20), 4);
        write(c, 1, points("b", 0, 20), 5);
        c.clock.advance(Duration.ofSeconds(20));
        c.crash(4);
        c.node(5).ae.repair(1, false);
        c.drain();
        c.crash(5);
        c.node(5).viewLoaded = false;
        c.restart(5);
        c.restart(4);
        c.clock.advance(Duration.ofMinutes(10));
        assertThat(c.drain()).as("no job runs before the view is known").isZero();
        assertThat(c.node(5).ae.status(true, false).queued()).containsExactly(1L);
        c.node(5).viewLoaded = true;
        assertThat(c.drain()).isPositive();
        assertThat(c.converged(1)).isTrue();
        assertThat(c.node(5).ae.status(true, false).queued()).isEmpty();
    }

    @Test
    void aFailedRepairWaitsForItsBackOff() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("z", 0, 1), 4, 5);
        write(c, 1, points("a", 0, 20), 5);
        c.clock.advance(Duration.ofSeconds(20));
        c.cut(4, 5);
        c.node(5).ae.repair(1, false);
        c.drain();
        c.cuts.clear();
        assertThat(c.drain()).as("back-off of 1 s not over").isZero();
        c.clock.advance(Duration.ofMillis(1_000));
        assertThat(c.drain()).isPositive();
        assertThat(c.converged(1)).isTrue();
    }

    /** 10,000 points a second apart into shard 1 on {@code full}, every other one on {@code half}. */
    private static void writeEveryOtherPointMissing(SimEntropyCluster c, long full, long half) {
        List<Point> all = new ArrayList<>();
        List<Point> even = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Point p = Point.builder("cpu").tag("host", "a").floatField("usage", i).timestamp(T0 - 3 * SimEntropyCluster.HOUR
                    + i * SEC).build();
            all.add(p);
            if (i % 2 == 0) {
                even.add(p);
            }
        }
        long v = version(c);
        c.node(full).open(1).write(all, v);
        c.node(half).open(1).write(even, v);
    }

    @Test
    void maxRepairBytesPerPassSpreadsABigRepairOverPasses() {
        SimEntropyCluster c = cluster(false, true, 1);
        writeEveryOtherPointMissing(c, 5, 4);
        c.clock.advance(Duration.ofSeconds(20));
        c.node(5).ae.repair(1, false);
        int passes = 0;
        long sentBefore = 0;
        while (!c.converged(1) && passes < 10) {
            c.passAll();
            c.drain();
            long sent = c.node(5).stats.value("patchBytesTx");
            assertThat(sent - sentBefore).as("one chunk per pass").isLessThan(RepairStep.MAX_RANGES_PER_CALL * 40L);
            sentBefore = sent;
            passes++;
        }
        assertThat(c.converged(1)).isTrue();
        assertThat(passes).as("5,000 row ranges in chunks of 2,048, one chunk per pass").isEqualTo(3);
    }

    @Test
    void aHintedPushThatRunsOutOfBudgetComparesAfreshNextPassAndConverges() {
        SimEntropyCluster c = cluster(false, true, 1);
        writeEveryOtherPointMissing(c, 4, 5); // node 5 (first of [5, 4]) lacks half: node 4 pushes from 5's hint
        c.clock.advance(Duration.ofSeconds(20));
        c.node(5).ae.repair(1, false);
        int passes = 0;
        while (!c.converged(1) && passes < 10) {
            c.passAll();
            c.drain();
            passes++;
        }
        assertThat(c.converged(1)).as("a paused hinted push must not start over from the same hint").isTrue();
        assertThat(passes).isLessThanOrEqualTo(4);
    }

    @Test
    void aShardWithAJobRunningIsSkippedByThePass() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 5), 4, 5);
        c.node(4).ae.state().offerRepair(1, List.of(), 2);
        List<Runnable> jobs = c.node(4).ae.takeJobs();
        EntropyPass.Report r = pass(c, 4);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(c.node(4).stats.value("skips")).isEqualTo(1);
        jobs.forEach(Runnable::run);
        assertThat(pass(c, 4).skipped()).isZero();
    }

    @Test
    void aRequestGoesToTheNextOwnerWhenTheFirstIsDownAndStatusToleratesTheDownNode() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 5), 4, 5);
        c.crash(5);
        assertThat(c.node(6).ae.repair(1, false)).isEqualTo(4);
        EntropyReport merged = c.node(6).ae.status(false, false);
        assertThat(merged.queued()).containsExactly(1L);
        assertThat(merged.unreachable()).containsExactly("n5:8088");
    }

    @Test
    void cancelRemovesAQueuedRepairFromEveryNodeOrOnlyThisOne() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 5), 4, 5);
        c.node(5).ae.repair(1, false);
        c.node(6).ae.cancelRepair(1, true);
        assertThat(c.node(5).ae.status(true, false).queued()).as("local to node 6 only").containsExactly(1L);
        c.node(6).ae.cancelRepair(1, false);
        assertThat(c.node(6).ae.status(false, false).queued()).isEmpty();
    }

    @Test
    void theBytesCountersCompareWhatWasSentWithTheDifference() {
        SimEntropyCluster c = cluster(false, true, 1 << 20);
        write(c, 1, points("a", 0, 400), 4, 5);
        write(c, 1, points("b", 0, 100), 5);
        c.clock.advance(Duration.ofSeconds(20));
        c.node(5).ae.repair(1, false);
        c.drain();
        EntropyStats s = c.node(5).stats;
        assertThat(s.value("bytesDiff")).as("100 points x 2 floats").isEqualTo(1600);
        assertThat(s.value("patchBytesTx")).isBetween(1600L, 3200L);
        assertThat(s.value("bytesTx")).isGreaterThanOrEqualTo(s.value("patchBytesTx"));
        assertThat(c.node(4).stats.value("bytesRx")).isGreaterThanOrEqualTo(s.value("patchBytesTx"));
        assertThat(s.value("jobs")).isEqualTo(1);
        assertThat(c.node(4).store(1).digest(Digest.NO_CUTOFF)).isEqualTo(c.node(5).store(1).digest(Digest.NO_CUTOFF));
    }

    @Test
    void aLossSpreadThinIsRepairedWithAtMostTwiceItsBytesOnTheWireAndOneComparison() {
        SimEntropyCluster c = cluster(false, true, 1 << 30);
        long seed = Long.getLong("shardline.seed", 20261206L);
        java.util.Random rnd = new java.util.Random(seed);
        long v = version(c);
        long missingValues = 0;
        for (int h = 0; h < 50; h++) {
            List<Point> all = new ArrayList<>();
            List<Point> some = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                Point p = Point.builder("cpu").tag("host", "host_" + h).tag("region", "r" + h % 4)
                        .floatField("a", rnd.nextDouble()).floatField("b", rnd.nextDouble())
                        .floatField("c", rnd.nextDouble()).floatField("d", rnd.nextDouble())
                        .integerField("n", rnd.nextInt(1000)).timestamp(T0 - 6 * SimEntropyCluster.HOUR + i * 10 * SEC)
                        .build();
                all.add(p);
                if (rnd.nextInt(100) == 0) {
                    missingValues += 5;
                } else {
                    some.add(p);
                }
            }
            c.node(4).open(1).write(all, v);
            c.node(5).open(1).write(some, v);
        }
        c.clock.advance(Duration.ofSeconds(20));
        c.node(5).ae.repair(1, false); // node 5, the first owner of [5, 4], lacks the points
        c.drain();
        assertThat(c.node(4).store(1).digest(Digest.NO_CUTOFF)).isEqualTo(c.node(5).store(1).digest(Digest.NO_CUTOFF));
        long diffBytes = missingValues * 8;
        long sent = c.node(4).stats.value("bytesTx") + c.node(5).stats.value("bytesTx");
        assertThat(c.node(4).stats.value("bytesDiff")).isEqualTo(diffBytes);
        assertThat(sent).as("digest, presence, hint and patch bytes for %d missing values (seed %d)", missingValues,
                seed).isLessThanOrEqualTo(2 * diffBytes);
        assertThat(c.calls("rowDigest", 5)).as("the presence level found every missing row").isZero();
        assertThat(c.calls("digest", 4)).as("node 4 pushed what node 5's hint named, comparing nothing").isZero();
        assertThat(c.calls("digest", 5)).isEqualTo(1);
    }
}
