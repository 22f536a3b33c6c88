package io.shardline.datanode.cq;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.ManualClock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.query.ast.SelectStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two data nodes' continuous-query passes against one fake meta store (leases and last runs with the meta state's
 * rules) and a manual clock: only the lease holder runs, the other takes over after the lease expires and starts
 * from the last recorded run, so every interval is computed exactly once; a failing run is counted and does not
 * stop the service; a node whose lease moved is fenced off.
 */
class CqTickTest {

    private static final long LEASE = Duration.ofSeconds(10).toNanos();
    private static final String CQ = "CREATE CONTINUOUS QUERY cq ON db BEGIN SELECT mean(value) INTO db.autogen.m "
            + "FROM db.autogen.cpu WHERE host = 'a' GROUP BY time(1m), * END";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T23:10:05Z").toEpochMilli());
    private final FakeMeta meta = new FakeMeta();
    private final List<String> executed = new ArrayList<>();
    private final StatsRegistry stats4 = new StatsRegistry();
    private boolean failNext;

    /** Leases and last runs as MetaState applies them, with the meta node's clock being the same manual clock. */
    private final class FakeMeta implements CqTick.Meta {
        ClusterMetadata view = initial();

        private ClusterMetadata initial() {
            TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>(Map.of("autogen",
                    RetentionPolicyInfo.of("autogen", 0, 604_800_000_000_000L, 1)));
            DatabaseInfo db = new DatabaseInfo("db", "autogen", rps, List.of(new ContinuousQueryInfo("cq", CQ, 0)));
            return new ClusterMetadata(List.of(), List.of(), new TreeMap<>(Map.of("db", db)), 5, 0, 0, 1);
        }

        @Override
        public ClusterMetadata view() {
            return view;
        }

        @Override
        public LeaseInfo acquireLease(String name, long nodeId) {
            long now = clock.wallNanos();
            LeaseInfo l = view.lease(name).orElse(null);
            if (l != null && l.nodeId() != nodeId && now < l.expiresAt()) {
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, "another node has the lease");
            }
            LeaseInfo granted = new LeaseInfo(name, nodeId, now + LEASE);
            view = view.withLease(granted);
            return granted;
        }

        @Override
        public void recordRun(String database, String name, long nodeId, long lastRun) {
            if (!view.lease(CqTick.LEASE).map(l -> l.heldBy(nodeId, clock.wallNanos())).orElse(false)) {
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, "another node has the lease");
            }
            DatabaseInfo db = view.database(database).orElseThrow();
            ContinuousQueryInfo cq = db.continuousQuery(name).orElseThrow();
            view = view.withDatabase(db.withContinuousQuery(cq.withLastRun(Math.max(cq.lastRun(), lastRun))));
        }
    }

    private CqTick node(long id, StatsRegistry stats) {
        CqTick.Executor executor = (db, select, now) -> {
            if (failNext) {
                failNext = false;
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "shard 3 is unavailable");
            }
            executed.add(id + " " + range(select));
            return 2;
        };
        return new CqTick(id, meta, executor, clock, new CqStats(stats), true, (d, n, t, w, s, e) -> { });
    }

    private static String range(SelectStatement s) {
        return s.condition().toString();
    }

    private void at(String time) {
        clock.setWallMillis(Instant.parse(time).toEpochMilli());
    }

    /** Both nodes tick every second from {@code from} (inclusive) to {@code to} (exclusive); returns runs. */
    private int tick(String from, String to, CqTick... nodes) {
        int ran = 0;
        for (long t = Instant.parse(from).toEpochMilli(); t < Instant.parse(to).toEpochMilli(); t += 1000) {
            clock.setWallMillis(t);
            for (CqTick n : nodes) {
                ran += n.run();
            }
        }
        return ran;
    }

    @Test
    void oneRunnerPerIntervalAcrossATakeover() {
        CqTick n4 = node(4, stats4);
        CqTick n5 = node(5, new StatsRegistry());
        assertThat(tick("2026-12-06T23:10:05Z", "2026-12-06T23:10:06Z", n4, n5)).isZero();
        assertThat(meta.view.lease(CqTick.LEASE).orElseThrow().nodeId()).isEqualTo(4);
        assertThat(tick("2026-12-06T23:10:06Z", "2026-12-06T23:11:30Z", n4, n5)).isEqualTo(1);
        // node 4 stops ticking; its lease expires and node 5 continues from the recorded last run
        assertThat(tick("2026-12-06T23:11:30Z", "2026-12-06T23:13:30Z", n5)).isEqualTo(2);
        assertThat(meta.view.lease(CqTick.LEASE).orElseThrow().nodeId()).isEqualTo(5);
        // node 4 comes back: the view shows node 5's lease, so it neither asks nor runs
        assertThat(tick("2026-12-06T23:13:30Z", "2026-12-06T23:14:01Z", n4, n5)).isEqualTo(1);
        assertThat(executed).containsExactly(
                "4 host = 'a' AND time >= '2026-12-06T23:10:00Z' AND time < '2026-12-06T23:11:00Z'",
                "5 host = 'a' AND time >= '2026-12-06T23:11:00Z' AND time < '2026-12-06T23:12:00Z'",
                "5 host = 'a' AND time >= '2026-12-06T23:12:00Z' AND time < '2026-12-06T23:13:00Z'",
                "5 host = 'a' AND time >= '2026-12-06T23:13:00Z' AND time < '2026-12-06T23:14:00Z'");
        assertThat(meta.view.database("db").orElseThrow().continuousQuery("cq").orElseThrow().lastRun())
                .isEqualTo(Instant.parse("2026-12-06T23:14:00Z").toEpochMilli() * 1_000_000L);
    }

    @Test
    void aFailedRunIsCountedAndTheServiceGoesOn() {
        CqTick n4 = node(4, stats4);
        n4.run();
        at("2026-12-06T23:11:00Z");
        failNext = true;
        assertThat(n4.run()).isEqualTo(1);
        at("2026-12-06T23:12:00Z");
        assertThat(n4.run()).isEqualTo(1);
        assertThat(executed).containsExactly(
                "4 host = 'a' AND time >= '2026-12-06T23:11:00Z' AND time < '2026-12-06T23:12:00Z'");
        assertThat(stats4.statistic("cq").values()).containsEntry("queryOk", 1L).containsEntry("queryFail", 1L)
                .containsEntry("leaseAcquired", 3L);
        assertThat(stats4.statistic("cq_query_stats", Map.of("db", "db", "cq", "cq")).values())
                .containsEntry("queryOk", 1L).containsEntry("queryFail", 1L).containsEntry("pointsWritten", 2L)
                .containsEntry("lastPointsWritten", 2L);
    }

    @Test
    void aRunOutlivingItsLeaseIsNotRecordedSoTheNextHolderRedoesIt() {
        CqTick n4 = new CqTick(4, meta, (db, select, now) -> {
            // the run takes longer than the lease; node 5 takes over meanwhile
            clock.advance(Duration.ofSeconds(15));
            meta.acquireLease(CqTick.LEASE, 5);
            return 1;
        }, clock, new CqStats(stats4), false, (d, n, t, w, s, e) -> { });
        n4.run();
        long recorded = meta.view.database("db").orElseThrow().continuousQuery("cq").orElseThrow().lastRun();
        at("2026-12-06T23:11:00Z");
        meta.acquireLease(CqTick.LEASE, 4);
        assertThat(n4.run()).isEqualTo(1);
        assertThat(stats4.statistic("cq").values()).containsEntry("recordFail", 1L);
        assertThat(meta.view.database("db").orElseThrow().continuousQuery("cq").orElseThrow().lastRun())
                .isEqualTo(recorded);
        // node 4 now knows it lost the lease: it does not run again while node 5 holds it
        clock.advance(Duration.ofMinutes(1));
        meta.acquireLease(CqTick.LEASE, 5);
        assertThat(n4.run()).isZero();
    }
}
