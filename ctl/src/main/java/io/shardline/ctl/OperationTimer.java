package io.shardline.ctl;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.unit.GoDurations;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each operation of a ctl verb on a daemon worker thread and gives up on it after the
 * {@code -timeout}, so no verb waits longer than that on any node, whatever retries or slow
 * membership changes happen underneath. Used by the one thread running the verb; close it to stop
 * the workers.
 */
final class OperationTimer implements AutoCloseable {

    private final String verb;
    private final Duration timeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(new NamedThreadFactory("ctl-operation", true));

    OperationTimer(String verb, Duration timeout) {
        this.verb = verb;
        this.timeout = timeout;
    }

    /**
     * The result of {@code operation}.
     *
     * @throws ShardlineException the operation's own failure, or {@link ErrorCode#TIMEOUT} once the
     *     timeout has passed (the operation is then interrupted and abandoned)
     */
    <T> T run(Callable<T> operation) {
        return run(operation, "");
    }

    /**
     * As {@link #run(Callable)}; a timeout's message ends with {@code " (" + where + ")"} when {@code where} is
     * not empty, so the operator sees which node did not answer in time.
     */
    <T> T run(Callable<T> operation, String where) {
        Future<T> future = workers.submit(operation);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ShardlineException(ErrorCode.TIMEOUT, verb + ": operation timed out after "
                    + GoDurations.format(timeout) + (where.isEmpty() ? "" : " (" + where + ")"));
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, verb);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, verb + ": interrupted");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
