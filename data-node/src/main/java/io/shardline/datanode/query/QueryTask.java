package io.shardline.datanode.query;

import io.grpc.Context;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;

/**
 * One running query of a {@link QueryManager}: its id, text, database and start, and the
 * cancellable context it runs in (see {@link QueryInterrupts}), which carries its memory account and the count of
 * points it read ({@link ScannedPoints}). Killing it, or its
 * {@code query-timeout}, cancels that context; the status then reads {@code killed}, as in 1.x.
 * Thread-safe.
 */
public final class QueryTask {

    private final QueryManager manager;
    private final long id;
    private final String text;
    private final String database;
    private final long startNanos;
    private final QueryMemoryPool.Account memory;
    private final ScannedPoints points = new ScannedPoints();
    private final Context.CancellableContext context;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private boolean killed;

    QueryTask(QueryManager manager, long id, String text, String database, long startNanos,
              QueryMemoryPool.Account memory) {
        this.manager = manager;
        this.id = id;
        this.text = text;
        this.database = database == null ? "" : database;
        this.startNanos = startNanos;
        this.memory = memory;
        this.context = points.attachTo(memory.attachTo(Context.current())).withCancellation();
    }

    public long id() {
        return id;
    }

    /** Runs {@code work} (the statements of the query) inside the query's context. */
    public <T> T run(Callable<T> work) {
        try {
            return context.call(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw ShardlineException.wrap(e, ErrorCode.INTERNAL, "query failed");
        }
    }

    /** Stops the query with {@code reason}; fails with {@code already killed} the second time. */
    void kill(ShardlineException reason) {
        synchronized (this) {
            if (killed) {
                throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "already killed");
            }
            killed = true;
        }
        context.cancel(reason);
    }

    /** The query finished: it leaves the manager, and anything still working for it is cancelled. */
    public void detach() {
        synchronized (this) {
            timers.forEach(t -> t.cancel(false));
            timers.clear();
        }
        manager.detach(this);
        context.cancel(null);
        memory.close();
    }

    /** The points the query has read from storage so far, on every node. */
    long pointsRead() {
        return points.total();
    }

    synchronized void addTimer(ScheduledFuture<?> timer) {
        timers.add(timer);
    }

    RunningQuery describe(long nowNanos) {
        synchronized (this) {
            return new RunningQuery(id, text, database, Math.max(0, nowNanos - startNanos), killed ? "killed" : "running");
        }
    }

    String text() {
        return text;
    }

    String database() {
        return database;
    }
}
