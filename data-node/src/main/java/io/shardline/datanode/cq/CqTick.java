package io.shardline.datanode.cq;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.query.ast.CreateContinuousQueryStatement;
import io.shardline.query.ast.GroupByTime;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.ast.TimeRanges;
import io.shardline.query.parse.InfluxQLParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the continuous-query service: keep or take the {@code continuous_querier} lease, then run every due
 * continuous query ({@link CqSchedule}) through SELECT ... INTO and record its last run in the meta store, which
 * only the lease holder may do. A query that fails is logged and counted and its interval is not retried, as in
 * 1.x; a node that dies mid-run records nothing, so the next holder computes the same intervals again (same
 * points, same values). Confined to the service's thread.
 */
final class CqTick {

    private static final Logger LOG = LoggerFactory.getLogger(CqTick.class);
    static final String LEASE = "continuous_querier";

    /** What the tick needs from the meta nodes. */
    interface Meta {
        ClusterMetadata view();

        /** @throws ShardlineException {@code ALREADY_EXISTS} when another node holds the lease */
        LeaseInfo acquireLease(String name, long nodeId);

        /** @throws ShardlineException {@code ALREADY_EXISTS} when this node does not hold the lease */
        void recordRun(String database, String name, long nodeId, long lastRun);
    }

    /** Runs a SELECT ... INTO in a database at {@code now}; returns the points written. */
    interface Executor {
        long selectInto(String database, SelectStatement select, long now);
    }

    /** Receives the figures of each execution (query-stats-enabled). */
    interface Executions {
        void executed(String database, String name, long durationNanos, long written, long start, long end);
    }

    private final long nodeId;
    private final Meta meta;
    private final Executor executor;
    private final Clock clock;
    private final CqStats stats;
    private final boolean logEnabled;
    private final Executions executions;
    private final LeaseKeeper lease;
    private final Map<String, Long> lastRuns = new HashMap<>();
    private final Map<String, CreateContinuousQueryStatement> parsed = new HashMap<>();

    CqTick(long nodeId, Meta meta, Executor executor, Clock clock, CqStats stats, boolean logEnabled,
           Executions executions) {
        this.nodeId = nodeId;
        this.meta = meta;
        this.executor = executor;
        this.clock = clock;
        this.stats = stats;
        this.logEnabled = logEnabled;
        this.executions = executions;
        this.lease = new LeaseKeeper(nodeId);
    }

    /** One pass; returns how many continuous queries ran. */
    int run() {
        ClusterMetadata view = meta.view();
        if (view.databases().values().stream().allMatch(db -> db.continuousQueries().isEmpty())) {
            return 0;
        }
        long now = clock.wallNanos();
        keepLease(view, now);
        int ran = 0;
        for (DatabaseInfo db : view.databases().values()) {
            for (ContinuousQueryInfo cq : db.continuousQueries()) {
                if (!lease.holds(clock.wallNanos())) {
                    return ran;
                }
                if (runIfDue(db.name(), cq, now)) {
                    ran++;
                }
            }
        }
        return ran;
    }

    private void keepLease(ClusterMetadata view, long now) {
        if (!lease.shouldAcquire(view.lease(LEASE).orElse(null), now)) {
            return;
        }
        try {
            lease.granted(meta.acquireLease(LEASE, nodeId), now);
            stats.add("leaseAcquired");
        } catch (ShardlineException e) {
            if (e.code() == ErrorCode.ALREADY_EXISTS) {
                lease.refused();
                stats.add("leaseRefused");
            } else {
                LOG.warn("Continuous query lease request failed error=\"{}\"", e.getMessage());
            }
        }
    }

    private boolean runIfDue(String db, ContinuousQueryInfo cq, long now) {
        String key = db + "\u0000" + cq.name() + "\u0000" + cq.query();
        CreateContinuousQueryStatement stmt;
        CqSchedule schedule;
        try {
            stmt = parse(cq.query());
            GroupByTime gbt = GroupByTime.of(stmt.source());
            if (gbt.interval() == 0) {
                return false; // 1.x never runs a continuous query without GROUP BY time()
            }
            String tz = stmt.source().location();
            ZoneId zone = tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
            schedule = new CqSchedule(gbt.interval(), gbt.offset(), stmt.resampleEvery(), stmt.resampleFor(), zone);
        } catch (RuntimeException e) {
            stats.add("queryFail");
            LOG.warn("Continuous query cannot run db={} cq={} error=\"{}\"", db, cq.name(), e.getMessage());
            return false;
        }
        long lastRun = Math.max(cq.lastRun(), lastRuns.getOrDefault(key, 0L));
        CqSchedule.Decision d = schedule.decide(lastRun, now);
        if (!d.due()) {
            return false;
        }
        if (d.run()) {
            execute(db, cq.name(), TimeRanges.bounded(stmt.source(), d.start(), d.end()), d, now);
        }
        lastRuns.put(key, d.lastRun());
        record(db, cq.name(), d.lastRun());
        return d.run();
    }

    private void execute(String db, String name, SelectStatement select, CqSchedule.Decision d, long now) {
        if (logEnabled) {
            LOG.info("Executing continuous query db={} cq={} start={} end={}", db, name, time(d.start()), time(d.end()));
        }
        long t0 = clock.monotonicNanos();
        try {
            long written = executor.selectInto(db, select, now);
            long took = clock.monotonicNanos() - t0;
            stats.ran(db, name, d.lastRun(), took, written);
            executions.executed(db, name, took, written, d.start(), d.end());
            if (logEnabled) {
                LOG.info("Finished continuous query db={} cq={} written={} start={} end={} durationMs={}", db, name,
                        written, time(d.start()), time(d.end()), took / 1_000_000);
            }
        } catch (RuntimeException e) {
            stats.failed(db, name, d.lastRun(), clock.monotonicNanos() - t0);
            LOG.warn("Continuous query failed db={} cq={} start={} end={} error=\"{}\"", db, name, time(d.start()),
                    time(d.end()), e.getMessage());
        }
    }

    private static Instant time(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private void record(String db, String name, long lastRun) {
        try {
            meta.recordRun(db, name, nodeId, lastRun);
        } catch (ShardlineException e) {
            stats.add("recordFail");
            if (e.code() == ErrorCode.ALREADY_EXISTS) {
                lease.refused();
            }
            LOG.warn("Recording a continuous query run failed db={} cq={} error=\"{}\"", db, name, e.getMessage());
        }
    }

    private CreateContinuousQueryStatement parse(String text) {
        CreateContinuousQueryStatement c = parsed.get(text);
        if (c == null) {
            Statement s = InfluxQLParser.parseStatement(text);
            if (!(s instanceof CreateContinuousQueryStatement cq)) {
                throw new IllegalArgumentException("query isn't a valid continuous query");
            }
            c = cq;
            parsed.put(text, c);
        }
        return c;
    }
}
