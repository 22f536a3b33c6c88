package io.shardline.datanode.query;

import io.grpc.Context;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;

/**
 * How a query learns it must stop. A query runs inside a cancellable gRPC {@link Context} (its
 * {@link QueryTask}): every thread working for it inherits that context (the executors are wrapped
 * by {@link #propagating}), every call it makes to another data node carries its cancellation and
 * deadline to the owner, and the owner's scan runs in the call's context. So killing the task or
 * reaching {@code query-timeout} stops the coordinator, the remote calls and the owners' scans
 * alike; they notice through {@link #check()}. Stateless.
 */
public final class QueryInterrupts {

    /** InfluxDB's errors for a killed query and a timed-out one. */
    public static final String INTERRUPTED = "query interrupted";
    public static final String TIMED_OUT = "query-timeout limit exceeded";

    private QueryInterrupts() {
    }

    /** Throws the query's stop reason when the current context was cancelled. */
    public static void check() {
        Context c = Context.current();
        if (c.isCancelled()) {
            throw failure(c);
        }
    }

    /** The error a query stopped by {@code c} reports. */
    public static ShardlineException failure(Context c) {
        Throwable cause = c.cancellationCause();
        if (cause instanceof ShardlineException se) {
            return new ShardlineException(se.code(), se.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return new ShardlineException(ErrorCode.TIMEOUT, TIMED_OUT);
        }
        return new ShardlineException(ErrorCode.CANCELLED, INTERRUPTED);
    }

    /** {@code delegate}, running each task in the context current when it was submitted. */
    public static ExecutorService propagating(ExecutorService delegate) {
        return new AbstractExecutorService() {
            @Override
            public void execute(Runnable command) {
                delegate.execute(Context.current().wrap(command));
            }

            @Override
            public void shutdown() {
                delegate.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return delegate.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return delegate.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return delegate.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return delegate.awaitTermination(timeout, unit);
            }
        };
    }
}
