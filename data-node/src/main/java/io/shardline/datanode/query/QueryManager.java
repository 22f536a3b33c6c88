package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.common.unit.GoDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries running on this data node, as InfluxDB 1.x's task manager keeps them: each
 * {@code /query} request gets the next id; {@code [cluster] max-concurrent-queries} refuses one more
 * ({@code max-concurrent-queries limit exceeded(n, limit)}); {@code query-timeout} kills a query
 * that runs too long ({@code query-timeout limit exceeded}) and {@code max-select-point} one that read too many
 * points ({@link #checkPoints}); {@code log-queries-after} logs a slow
 * one once ({@code Detected slow query: ...}); {@code KILL QUERY} stops one ({@code query
 * interrupted}). Timers run on {@code scheduler}. Thread-safe.
 */
public final class QueryManager {

    private static final Logger LOG = LoggerFactory.getLogger(QueryManager.class);

    /** The {@code [cluster]} settings it enforces; zero means "no limit". */
    public record Settings(int maxConcurrentQueries, Duration queryTimeout, Duration logQueriesAfter,
                           long maxSelectPoint) {

        /** Without a {@code max-select-point} limit. */
        public Settings(int maxConcurrentQueries, Duration queryTimeout, Duration logQueriesAfter) {
            this(maxConcurrentQueries, queryTimeout, logQueriesAfter, 0);
        }
    }

    /** How often a query's points are compared with {@code max-select-point}: 1.x's iterator statistics interval. */
    static final Duration POINT_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final QueryMemoryPool memory;
    private final Map<Long, QueryTask> running = new LinkedHashMap<>();
    private long nextId = 1;
    private boolean closed;

    public QueryManager(Settings settings, Clock clock, ScheduledExecutorService scheduler) {
        this(settings, clock, scheduler, new QueryMemoryPool(QueryMemoryPool.defaultLimit()));
    }

    /** @param memory the heap this node's queries may hold ({@link QueryMemoryPool}) */
    public QueryManager(Settings settings, Clock clock, ScheduledExecutorService scheduler, QueryMemoryPool memory) {
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.memory = memory;
        QueryMemoryPool.install();
    }

    /** The memory pool of this node's queries, also charged by the query parts it runs for other nodes. */
    public QueryMemoryPool memory() {
        return memory;
    }

    /** Registers a query that starts now; it must be {@link QueryTask#detach() detached} when done. */
    public QueryTask attach(String text, String database) {
        QueryTask task;
        synchronized (this) {
            if (closed) {
                throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "query engine shutdown");
            }
            int limit = settings.maxConcurrentQueries();
            if (limit > 0 && running.size() >= limit) {
                throw new ShardlineException(ErrorCode.LIMIT_EXCEEDED,
                        "max-concurrent-queries limit exceeded(" + running.size() + ", " + limit + ")");
            }
            task = new QueryTask(this, nextId++, text, database, clock.monotonicNanos(), memory.open());
            running.put(task.id(), task);
        }
        schedule(task);
        return task;
    }

    private void schedule(QueryTask task) {
        try {
            if (!settings.queryTimeout().isZero()) {
                task.addTimer(scheduler.schedule(() -> timeOut(task), settings.queryTimeout().toNanos(),
                        TimeUnit.NANOSECONDS));
            }
            if (settings.maxSelectPoint() > 0) {
                long every = POINT_CHECK_INTERVAL.toNanos();
                task.addTimer(scheduler.scheduleAtFixedRate(() -> checkPoints(task), every, every,
                        TimeUnit.NANOSECONDS));
            }
            if (!settings.logQueriesAfter().isZero()) {
                task.addTimer(scheduler.schedule(() -> LOG.warn("Detected slow query: {} (qid: {}, database: {},"
                        + " threshold: {})", task.text(), Long.toUnsignedString(task.id()), task.database(),
                        GoDurations.format(settings.logQueriesAfter())), settings.logQueriesAfter().toNanos(),
                        TimeUnit.NANOSECONDS));
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("Query timers not scheduled (node closing) qid={}", task.id());
        }
    }

    private void timeOut(QueryTask task) {
        try {
            task.kill(new ShardlineException(ErrorCode.TIMEOUT, QueryInterrupts.TIMED_OUT));
            LOG.info("Query stopped by query-timeout qid={} timeout={}", Long.toUnsignedString(task.id()),
                    GoDurations.format(settings.queryTimeout()));
        } catch (ShardlineException alreadyKilled) {
            LOG.debug("Query already killed qid={}", task.id());
        }
    }

    /**
     * Stops {@code task} once it has read {@code max-select-point} points or more, with 1.x's error (its spelling
     * included). Like 1.x this is looked at once a second, so a query may read past the limit until then, and
     * one that ends within the first second is never stopped.
     */
    void checkPoints(QueryTask task) {
        long read = task.pointsRead();
        long limit = settings.maxSelectPoint();
        if (limit <= 0 || read < limit) {
            return;
        }
        try {
            task.kill(new ShardlineException(ErrorCode.LIMIT_EXCEEDED,
                    "max-select-point limit exceeed: (" + read + "/" + limit + ")"));
            LOG.info("Query stopped by max-select-point qid={} points={} limit={}", Long.toUnsignedString(task.id()),
                    read, limit);
        } catch (ShardlineException alreadyKilled) {
            LOG.debug("Query already killed qid={}", task.id());
        }
    }

    /** Kills query {@code qid}: {@code no such query id: N} when it is not running, {@code already killed}. */
    public void kill(long qid) {
        QueryTask task;
        synchronized (this) {
            task = running.get(qid);
        }
        if (task == null) {
            throw new ShardlineException(ErrorCode.NOT_FOUND, "no such query id: " + Long.toUnsignedString(qid));
        }
        task.kill(new ShardlineException(ErrorCode.CANCELLED, QueryInterrupts.INTERRUPTED));
        LOG.info("Query killed qid={}", Long.toUnsignedString(qid));
    }

    /** The queries running now, oldest id first. */
    public List<RunningQuery> list() {
        List<QueryTask> tasks;
        synchronized (this) {
            tasks = new ArrayList<>(running.values());
        }
        long now = clock.monotonicNanos();
        List<RunningQuery> out = new ArrayList<>(tasks.size());
        for (QueryTask t : tasks) {
            out.add(t.describe(now));
        }
        out.sort(Comparator.comparing(RunningQuery::qid, Long::compareUnsigned));
        return out;
    }

    synchronized void detach(QueryTask task) {
        running.remove(task.id(), task);
    }

    /** Stops every running query ({@code query engine shutdown}) and refuses new ones. */
    public void close() {
        List<QueryTask> tasks;
        synchronized (this) {
            closed = true;
            tasks = new ArrayList<>(running.values());
        }
        for (QueryTask t : tasks) {
            try {
                t.kill(new ShardlineException(ErrorCode.CANCELLED, "query engine shutdown"));
            } catch (ShardlineException alreadyKilled) {
                LOG.debug("Query already killed qid={}", t.id());
            }
        }
    }
}
