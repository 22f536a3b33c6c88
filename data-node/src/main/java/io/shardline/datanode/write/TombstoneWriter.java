package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.meta.model.ClusterMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Replicates deletes exactly as {@link PointsWriter} replicates writes, through the same
 * {@link ShardReplicator}: each shard's tombstone goes to every owner in parallel, an owner that
 * fails or already has hinted-handoff entries for the shard gets it queued behind them
 * (queue-first, unless {@code allow-out-of-order-writes}), and each shard is decided by the
 * consistency level within {@code [cluster] write-timeout} once every owner answered (so a read on any node
 * right after the delete no longer sees what it removed; an owner that does not answer within the timeout
 * gets it through hinted handoff, and the delete succeeds if the level was met). Replays keep the tombstone's
 * version, so a delete is never undone by a write it was meant to cover. Thread-safe.
 */
public final class TombstoneWriter {

    private final WriteTopology topology;
    private final Statistic stats;
    private final LocalTombstones local;
    private final ShardReplicator replicator;
    private final WritesInFlight inFlight;

    public TombstoneWriter(WriteTopology topology, LocalTombstones local, ShardTransport transport, Handoff handoff,
                           Clock clock, Duration writeTimeout, boolean allowOutOfOrder, Executor callbacks,
                           WritesInFlight inFlight, StatsRegistry stats) {
        this.topology = topology;
        this.local = local;
        this.inFlight = inFlight;
        this.stats = stats.statistic("delete").counters("req", "ok", "error", "timeout", "hh");
        this.replicator = new ShardReplicator(topology, transport, handoff, clock, writeTimeout, allowOutOfOrder,
                callbacks, inFlight, EnumSet.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.CORRUPTED), "delete",
                new ShardReplicator.Counters(n -> { }, n -> { }, n -> this.stats.add("hh", 1)));
    }

    /**
     * Writes every batch to all owners of its shard and returns once each shard reached {@code level}.
     *
     * @throws ShardlineException WRITE_FAILED ({@code delete failed: ...}, {@code partial delete}), QUEUE_FULL or
     *     TIMEOUT
     */
    public void delete(List<TombstoneBatch> batches, ConsistencyLevel level) {
        stats.add("req", 1);
        long deadline = replicator.deadline();
        List<ShardReplicator.Replication> pending = new ArrayList<>();
        inFlight.start(WritesInFlight.ROUTING);
        try {
            for (TombstoneBatch b : batches) {
                ClusterMetadata view = topology.metadata();
                List<Long> owners = view.shardOwners(b.shardId());
                if (owners.isEmpty()) {
                    continue; // the shard was dropped meanwhile: nothing left to delete
                }
                pending.add(replicator.replicate(new TombstoneChange(b, local), owners, level, true, view.version()));
            }
        } finally {
            inFlight.end(WritesInFlight.ROUTING);
        }
        for (ShardReplicator.Replication p : pending) {
            WriteQuorum.Outcome outcome;
            try {
                outcome = replicator.await(p, deadline);
            } catch (ShardlineException e) {
                if (e.code() == ErrorCode.TIMEOUT && (level == ConsistencyLevel.ONE || level == ConsistencyLevel.ANY)
                        && p.anyAcked()) {
                    // an owner is still silent at the deadline: its own request times out and queues the
                    // delete in hinted handoff; for ONE and ANY the ack already there decides
                    continue;
                }
                if (e.code() == ErrorCode.TIMEOUT) {
                    stats.add("timeout", 1);
                }
                throw e;
            }
            if (!outcome.success()) {
                stats.add("error", 1);
                throw new ShardlineException(outcome.code(),
                        outcome.message().replaceFirst("^(partial )?write", "$1delete"));
            }
        }
        stats.add("ok", 1);
    }

    /** A shard's tombstone as a change to replicate. */
    private record TombstoneChange(TombstoneBatch batch, LocalTombstones local) implements ShardReplicator.Change {
        @Override
        public long shardId() {
            return batch.shardId();
        }

        @Override
        public byte[] encode() {
            return TombstoneBatchCodec.encode(batch);
        }

        @Override
        public int points() {
            return 0;
        }

        @Override
        public ShardWriteResult applyLocally() {
            local.delete(batch);
            return null;
        }
    }
}
