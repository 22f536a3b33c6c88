package io.shardline.datanode.cq;

import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code cq} statistics in {@code /debug/vars}: 1.x's {@code queryOk} / {@code queryFail} plus lease
 * changes, and per continuous query ({@code cq_query_stats}, tags {@code db} and {@code cq}) the last run time, its
 * duration, the points written by the last run and in total, and failures. Thread-safe.
 */
final class CqStats {

    private final StatsRegistry registry;
    private final Statistic cq;
    private final Map<String, PerQuery> queries = new ConcurrentHashMap<>();

    /** Gauges of one continuous query. */
    private record PerQuery(Statistic stat, AtomicLong lastRun, AtomicLong lastDuration, AtomicLong lastWritten) {
    }

    CqStats(StatsRegistry registry) {
        this.registry = registry;
        this.cq = registry.statistic("cq").counters("queryOk", "queryFail", "leaseAcquired", "leaseRefused",
                "recordFail");
    }

    void add(String counter) {
        cq.add(counter, 1);
    }

    void ran(String db, String name, long lastRun, long durationNanos, long written) {
        PerQuery q = query(db, name);
        q.lastRun.set(lastRun);
        q.lastDuration.set(durationNanos);
        q.lastWritten.set(written);
        q.stat.add("pointsWritten", written);
        q.stat.add("queryOk", 1);
        cq.add("queryOk", 1);
    }

    void failed(String db, String name, long lastRun, long durationNanos) {
        PerQuery q = query(db, name);
        q.lastRun.set(lastRun);
        q.lastDuration.set(durationNanos);
        q.lastWritten.set(0);
        q.stat.add("queryFail", 1);
        cq.add("queryFail", 1);
    }

    private PerQuery query(String db, String name) {
        return queries.computeIfAbsent(db + "\u0000" + name, k -> {
            AtomicLong lastRun = new AtomicLong();
            AtomicLong duration = new AtomicLong();
            AtomicLong written = new AtomicLong();
            Statistic s = registry.statistic("cq_query_stats", Map.of("db", db, "cq", name))
                    .counters("queryOk", "queryFail", "pointsWritten")
                    .gauge("lastRunNs", lastRun::get).gauge("lastDurationNs", duration::get)
                    .gauge("lastPointsWritten", written::get);
            return new PerQuery(s, lastRun, duration, written);
        });
    }
}
