package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one change of one shard (a batch of points, a tombstone) to every owner of the shard in
 * parallel, as Enterprise's coordinator does: the local store directly, remote owners with
 * {@code WriteShard}. An owner that fails with a transient error, or already has hinted-handoff
 * entries for the shard, gets the change queued behind them (queue-first, unless
 * {@code allow-out-of-order-writes}); a permanent error counts as that owner's failure. The shard is
 * decided by the consistency level ({@link WriteQuorum}); the caller waits for it until its
 * deadline. Shared by {@link PointsWriter} and {@link TombstoneWriter}. Thread-safe.
 */
final class ShardReplicator {

    private static final Logger LOG = LoggerFactory.getLogger(ShardReplicator.class);

    /** One change to replicate. */
    interface Change {
        long shardId();

        /** The bytes sent to remote owners and queued in hinted handoff (called at most once). */
        byte[] encode();

        /** Points carried, for hinted-handoff accounting (0 for a delete). */
        int points();

        /** Applies the change to the local store; what it wrote, or null when there is nothing to report. */
        ShardWriteResult applyLocally();
    }

    /** How the caller's statistics follow a replication: points written locally, sent, queued. */
    record Counters(IntConsumer local, IntConsumer remote, IntConsumer queued) {
    }

    private final WriteTopology topology;
    private final ShardTransport transport;
    private final Handoff handoff;
    private final Clock clock;
    private final Duration writeTimeout;
    private final boolean allowOutOfOrder;
    private final Executor callbacks;
    private final WritesInFlight inFlight;
    private final Set<ErrorCode> permanent;
    private final String what;
    private final Counters counters;

    /**
     * @param inFlight  counts each change until every owner answered (what a copy onto a new owner waits for)
     * @param permanent remote errors that retrying cannot fix (never queued in hinted handoff)
     * @param what      the change's name in logs and errors ("write", "delete")
     */
    ShardReplicator(WriteTopology topology, ShardTransport transport, Handoff handoff, Clock clock,
                    Duration writeTimeout, boolean allowOutOfOrder, Executor callbacks, WritesInFlight inFlight,
                    Set<ErrorCode> permanent, String what, Counters counters) {
        this.topology = topology;
        this.transport = transport;
        this.handoff = handoff;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        this.allowOutOfOrder = allowOutOfOrder;
        this.callbacks = callbacks;
        this.inFlight = inFlight;
        this.permanent = Set.copyOf(permanent);
        this.what = what;
        this.counters = counters;
    }

    /** The deadline of a request starting now ({@code [cluster] write-timeout}). */
    long deadline() {
        return clock.monotonicNanos() + writeTimeout.toNanos();
    }

    /**
     * Sends {@code change} to all {@code owners}, taken from the view of version {@code viewVersion}; the
     * returned replication decides by {@code level}.
     */
    Replication replicate(Change change, List<Long> owners, ConsistencyLevel level, long viewVersion) {
        return replicate(change, owners, level, false, viewVersion);
    }

    /**
     * As {@link #replicate(Change, List, ConsistencyLevel, long)}; with {@code awaitAll} the replication decides
     * only once every owner answered ({@link WriteQuorum}).
     */
    Replication replicate(Change change, List<Long> owners, ConsistencyLevel level, boolean awaitAll,
                          long viewVersion) {
        inFlight.start(viewVersion);
        Replication r = new Replication(change.shardId(), new WriteQuorum(level, owners.size(), awaitAll),
                owners.size(), () -> inFlight.end(viewVersion));
        try {
            byte[] encoded = null;
            long self = topology.localNodeId();
            for (long owner : owners) {
                if (owner != self) {
                    if (encoded == null) {
                        encoded = change.encode();
                    }
                    sendRemote(r, change, owner, encoded);
                }
            }
            if (owners.contains(self)) {
                counters.local().accept(change.points());
                try {
                    r.record(OwnerResult.acked(self), change.applyLocally());
                } catch (ShardlineException e) {
                    LOG.warn("Local {} failed shard={} error=\"{}\"", what, change.shardId(), e.getMessage());
                    r.record(OwnerResult.failed(self, e.code(), e.getMessage()), null);
                }
            }
        } catch (RuntimeException e) {
            r.abandon(); // owners not reached never answer: the change no longer counts as in flight
            throw e;
        }
        return r;
    }

    private void sendRemote(Replication r, Change change, long owner, byte[] encoded) {
        if (!allowOutOfOrder && handoff.hasPending(owner, change.shardId())) {
            r.record(enqueue(owner, change, encoded, ErrorCode.UNAVAILABLE, "hinted handoff queue not empty"), null);
            return;
        }
        counters.remote().accept(change.points());
        transport.writeShard(owner, List.of(encoded), writeTimeout.toMillis()).whenCompleteAsync((result, error) -> {
            if (error == null) {
                r.record(OwnerResult.acked(owner), result);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            ShardlineException se = ShardlineException.wrap(cause, ErrorCode.UNAVAILABLE, "node " + owner);
            r.record(permanent.contains(se.code()) ? OwnerResult.failed(owner, se.code(), se.getMessage())
                    : enqueue(owner, change, encoded, se.code(), se.getMessage()), null);
        }, callbacks);
    }

    private OwnerResult enqueue(long owner, Change change, byte[] encoded, ErrorCode code, String why) {
        try {
            handoff.enqueue(owner, change.shardId(), encoded, change.points());
            counters.queued().accept(change.points());
            LOG.debug("{} queued in hinted handoff shard={} owner={} reason=\"{}\"", what, change.shardId(), owner, why);
            return OwnerResult.queued(owner, code, why);
        } catch (ShardlineException e) {
            return OwnerResult.failed(owner, e.code(), e.getMessage());
        }
    }

    /**
     * Waits until the shard is decided or {@code deadline} (monotonic nanoseconds) passes.
     *
     * @throws ShardlineException TIMEOUT ({@code timeout}) at the deadline, CANCELLED if interrupted
     */
    WriteQuorum.Outcome await(Replication r, long deadline) {
        try {
            return r.decided.get(Math.max(0, deadline - clock.monotonicNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ShardlineException(ErrorCode.TIMEOUT, "timeout");
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, what + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, what + " failed: interrupted");
        }
    }

    /** One shard's change in flight: the quorum, the future completed when it decides, the first owner's result. */
    static final class Replication {
        private final long shardId;
        private final WriteQuorum quorum;
        private final CompletableFuture<WriteQuorum.Outcome> decided = new CompletableFuture<>();
        private final Runnable allAnswered;
        private int unanswered;
        private ShardWriteResult firstResult;

        private Replication(long shardId, WriteQuorum quorum, int owners, Runnable allAnswered) {
            this.shardId = shardId;
            this.quorum = quorum;
            this.unanswered = owners;
            this.allAnswered = allAnswered;
            if (owners == 0) {
                allAnswered.run();
            }
        }

        /** Stops waiting for the owners that have not answered (the change could not be sent to them). */
        private synchronized void abandon() {
            if (unanswered > 0) {
                unanswered = 0;
                allAnswered.run();
            }
        }

        long shardId() {
            return shardId;
        }

        private synchronized void record(OwnerResult result, ShardWriteResult written) {
            if (written != null && firstResult == null) {
                firstResult = written;
            }
            quorum.record(result).ifPresent(decided::complete);
            if (unanswered > 0 && --unanswered == 0) {
                allAnswered.run();
            }
        }

        /** Whether some owner acked so far. */
        synchronized boolean anyAcked() {
            return quorum.acked() > 0;
        }

        /** What the first owner to answer wrote (null if none reported). */
        synchronized ShardWriteResult firstResult() {
            return firstResult;
        }
    }
}
