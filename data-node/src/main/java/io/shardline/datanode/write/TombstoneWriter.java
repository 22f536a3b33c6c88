package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicates deletes exactly like {@link PointsWriter} replicates writes: each shard's tombstone goes to every
 * owner in parallel (the local store, or {@code WriteShard} to remote owners), an owner that fails or already has
 * hinted-handoff entries for the shard gets it queued behind them (queue-first, unless
 * {@code allow-out-of-order-writes}), and each shard is decided by the consistency level within
 * {@code [cluster] write-timeout}. Replays keep the tombstone's version, so a delete is never undone by a write
 * it was meant to cover. Thread-safe.
 */
public final class TombstoneWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TombstoneWriter.class);
    private static final Set<ErrorCode> PERMANENT = EnumSet.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.CORRUPTED);

    private final WriteTopology topology;
    private final LocalTombstones local;
    private final ShardTransport transport;
    private final Handoff handoff;
    private final Clock clock;
    private final Duration writeTimeout;
    private final boolean allowOutOfOrder;
    private final Executor callbacks;
    private final Statistic stats;

    public TombstoneWriter(WriteTopology topology, LocalTombstones local, ShardTransport transport, Handoff handoff,
                           Clock clock, Duration writeTimeout, boolean allowOutOfOrder, Executor callbacks,
                           StatsRegistry stats) {
        this.topology = topology;
        this.local = local;
        this.transport = transport;
        this.handoff = handoff;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        this.allowOutOfOrder = allowOutOfOrder;
        this.callbacks = callbacks;
        this.stats = stats.statistic("delete");
    }

    /**
     * Writes every batch to all owners of its shard and returns once each shard reached {@code level}.
     *
     * @throws ShardlineException WRITE_FAILED ({@code delete failed: ...}, {@code partial delete}), QUEUE_FULL or
     *     TIMEOUT
     */
    public void delete(List<TombstoneBatch> batches, ConsistencyLevel level) {
        stats.add("req", 1);
        long deadline = clock.monotonicNanos() + writeTimeout.toNanos();
        List<Pending> pending = new ArrayList<>();
        for (TombstoneBatch b : batches) {
            List<Long> owners = topology.metadata().shardOwners(b.shardId());
            if (owners.isEmpty()) {
                continue; // the shard was dropped meanwhile: nothing left to delete
            }
            pending.add(dispatch(b, owners, level));
        }
        for (Pending p : pending) {
            await(p, deadline);
        }
        stats.add("ok", 1);
    }

    private Pending dispatch(TombstoneBatch batch, List<Long> owners, ConsistencyLevel level) {
        Pending p = new Pending(batch, new WriteQuorum(level, owners.size()));
        byte[] encoded = TombstoneBatchCodec.encode(batch);
        long self = topology.localNodeId();
        for (long owner : owners) {
            if (owner != self) {
                sendRemote(p, owner, encoded);
            }
        }
        if (owners.contains(self)) {
            try {
                local.delete(batch);
                p.record(OwnerResult.acked(self));
            } catch (ShardlineException e) {
                LOG.warn("Local delete failed shard={} error=\"{}\"", batch.shardId(), e.getMessage());
                p.record(OwnerResult.failed(self, e.code(), e.getMessage()));
            }
        }
        return p;
    }

    private void sendRemote(Pending p, long owner, byte[] encoded) {
        long shard = p.batch.shardId();
        if (!allowOutOfOrder && handoff.hasPending(owner, shard)) {
            p.record(enqueue(owner, shard, encoded, ErrorCode.UNAVAILABLE, "hinted handoff queue not empty"));
            return;
        }
        transport.writeShard(owner, List.of(encoded), writeTimeout.toMillis()).whenCompleteAsync((result, error) -> {
            if (error == null) {
                p.record(OwnerResult.acked(owner));
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            ShardlineException se = ShardlineException.wrap(cause, ErrorCode.UNAVAILABLE, "node " + owner);
            p.record(PERMANENT.contains(se.code()) ? OwnerResult.failed(owner, se.code(), se.getMessage())
                    : enqueue(owner, shard, encoded, se.code(), se.getMessage()));
        }, callbacks);
    }

    private OwnerResult enqueue(long owner, long shard, byte[] encoded, ErrorCode code, String why) {
        try {
            handoff.enqueue(owner, shard, encoded, 0);
            stats.add("hh", 1);
            LOG.debug("Delete queued in hinted handoff shard={} owner={} reason=\"{}\"", shard, owner, why);
            return OwnerResult.queued(owner, code, why);
        } catch (ShardlineException e) {
            return OwnerResult.failed(owner, e.code(), e.getMessage());
        }
    }

    private void await(Pending p, long deadline) {
        WriteQuorum.Outcome outcome;
        try {
            outcome = p.decided.get(Math.max(0, deadline - clock.monotonicNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stats.add("timeout", 1);
            throw new ShardlineException(ErrorCode.TIMEOUT, "timeout");
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, "delete failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "delete failed: interrupted");
        }
        if (!outcome.success()) {
            stats.add("error", 1);
            throw new ShardlineException(outcome.code(), outcome.message().replaceFirst("^(partial )?write", "$1delete"));
        }
    }

    /** One shard's delete in flight. */
    private static final class Pending {
        final TombstoneBatch batch;
        final WriteQuorum quorum;
        final CompletableFuture<WriteQuorum.Outcome> decided = new CompletableFuture<>();

        Pending(TombstoneBatch batch, WriteQuorum quorum) {
            this.batch = batch;
            this.quorum = quorum;
        }

        synchronized void record(OwnerResult result) {
            quorum.record(result).ifPresent(decided::complete);
        }
    }
}
