package io.shardline.datanode.handoff;

import io.shardline.common.rate.RateLimiter;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.stats.Statistic;
import io.shardline.common.time.Clock;
import io.shardline.datanode.write.ShardTransport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the queues held for one destination node, on its own thread. Each round sends the head
 * block (up to {@code batch-size} bytes) of up to {@code retry-concurrency} shard queues at once,
 * acknowledges what was delivered, drops entries the destination rejects for good, and after any
 * failure waits per {@link HandoffSchedule}, resetting after a success. Writers call {@link #wake()}
 * after enqueueing; the thread is otherwise idle.
 */
final class NodeProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeProcessor.class);
    /**
     * Remote rejections that retrying cannot fix: the entry is dropped and counted. NOT_FOUND is the
     * owner's answer for a shard of a deleted group (this node's view had not seen the deletion yet).
     */
    private static final Set<ErrorCode> PERMANENT = EnumSet.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.NOT_FOUND,
            ErrorCode.FIELD_TYPE_CONFLICT, ErrorCode.PARTIAL_WRITE, ErrorCode.CORRUPTED);

    private final DestinationQueues queues;
    private final ShardTransport transport;
    private final ShardOwnership ownership;
    private final Clock clock;
    private final HandoffSchedule schedule;
    private final RateLimiter limiter;
    private final long batchBytes;
    private final int concurrency;
    private final long timeoutMillis;
    private final ScheduledExecutorService thread;
    private int failures;
    private ScheduledFuture<?> scheduled;
    private long scheduledAtNanos;
    private long notBeforeNanos;
    private boolean closed;

    NodeProcessor(DestinationQueues queues, ShardTransport transport, ShardOwnership ownership, Clock clock,
                  HandoffSchedule schedule, long rateLimit, long batchBytes, int concurrency, long timeoutMillis) {
        this.queues = queues;
        this.transport = transport;
        this.ownership = ownership;
        this.clock = clock;
        this.schedule = schedule;
        this.limiter = new RateLimiter(rateLimit);
        this.batchBytes = batchBytes;
        this.concurrency = concurrency;
        this.timeoutMillis = timeoutMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("hh-node-" + queues.nodeId(), true));
    }

    /**
     * Asks for a round as soon as the back-off allows, moving an already scheduled round earlier if
     * the back-off was reset. Cheap; safe from any thread.
     */
    synchronized void wake() {
        if (closed) {
            return;
        }
        long now = clock.monotonicNanos();
        long due = Math.max(now, notBeforeNanos);
        if (scheduled != null && !scheduled.isDone()) {
            if (scheduledAtNanos <= due) {
                return;
            }
            scheduled.cancel(false);
        }
        scheduledAtNanos = due;
        scheduled = thread.schedule(this::tick, due - now, TimeUnit.NANOSECONDS);
    }

    /**
     * Forgets the back-off and replays now: the destination was seen alive again, so waiting out a
     * back-off grown during a long outage would only delay the drain.
     */
    void resetBackoff() {
        synchronized (this) {
            if (failures == 0) {
                return;
            }
            failures = 0;
            notBeforeNanos = 0;
        }
        wake();
    }

    /** Consecutive failed rounds (0 after a success). */
    synchronized int failures() {
        return failures;
    }

    private void tick() {
        synchronized (this) {
            scheduled = null;
            if (closed) {
                return;
            }
        }
        boolean ok;
        try {
            ok = round();
        } catch (RuntimeException e) {
            LOG.warn("Hinted-handoff round failed node={}", queues.nodeId(), e);
            ok = false;
        }
        synchronized (this) {
            failures = ok ? 0 : failures + 1;
            notBeforeNanos = schedule.nextAttemptAt(clock.monotonicNanos(), failures);
        }
        if (!queues.nonEmpty().isEmpty()) {
            wake();
        }
    }

    /** One round over up to {@code concurrency} shard queues; true if every send succeeded. */
    private boolean round() {
        List<Map.Entry<Long, HandoffQueue>> pending = queues.nonEmpty();
        List<Send> sends = new ArrayList<>();
        for (Map.Entry<Long, HandoffQueue> e : pending) {
            if (sends.size() == concurrency) {
                break;
            }
            List<QueuedEntry> block = e.getValue().peek(batchBytes);
            if (!ownership.owns(queues.nodeId(), e.getKey())) {
                drop(e.getKey(), e.getValue(), block, "node no longer owns the shard");
                continue;
            }
            long bytes = block.stream().mapToLong(b -> b.payload().length).sum();
            long wait = limiter.acquire(bytes, clock.monotonicNanos());
            if (wait > 0) {
                LockSupportSleep.parkNanos(wait);
            }
            List<byte[]> payloads = block.stream().map(QueuedEntry::payload).toList();
            sends.add(new Send(e.getKey(), e.getValue(), block,
                    transport.writeShard(queues.nodeId(), payloads, timeoutMillis)));
        }
        boolean allOk = true;
        for (Send s : sends) {
            allOk &= finish(s);
        }
        return allOk;
    }

    private boolean finish(Send s) {
        Statistic st = queues.processorStats(s.shardId);
        st.add("writeNodeReq", 1);
        st.add("bytesRead", s.block.stream().mapToLong(b -> b.frameBytes()).sum());
        try {
            s.result.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
            s.queue.ack(last(s.block));
            st.add("writeNodeReqPoints", s.block.stream().mapToLong(b -> lines(b.payload())).sum());
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ShardlineException se && PERMANENT.contains(se.code())) {
                drop(s.shardId, s.queue, s.block, se.getMessage());
                return true;
            }
            st.add("writeNodeReqFail", 1);
            LOG.debug("Hinted-handoff replay failed node={} shard={}", queues.nodeId(), s.shardId, cause);
            return false;
        } catch (TimeoutException e) {
            st.add("writeNodeReqFail", 1);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drop(long shardId, HandoffQueue queue, List<QueuedEntry> block, String reason) {
        queue.ack(last(block));
        queues.processorStats(shardId).add("writeDropped", block.size());
        LOG.warn("Dropped hinted-handoff entries node={} shard={} entries={} reason=\"{}\"", queues.nodeId(), shardId,
                block.size(), reason);
    }

    private static QueuePosition last(List<QueuedEntry> block) {
        return block.get(block.size() - 1).next();
    }

    private static long lines(byte[] payload) {
        long n = 0;
        for (byte b : payload) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Send(long shardId, HandoffQueue queue, List<QueuedEntry> block,
                        CompletableFuture<?> result) {
    }
}
