package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.storage.PointDedup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write coordinator: maps a request's points to shards (creating missing shard groups through
 * meta), stamps them with one HLC version, writes every shard to all its owners in parallel (the
 * local store, or {@code WriteShard} to remote owners, falling back to hinted handoff), and decides
 * each shard by the consistency level within {@code [cluster] write-timeout}. Success returns
 * normally; anything else throws a {@link ShardlineException} whose code and message are what
 * the HTTP layer answers ({@code partial write: ...}, {@code write failed: ...}, {@code timeout}).
 * Thread-safe: many requests run at once.
 */
public final class PointsWriter implements WriteService {

    private static final Logger LOG = LoggerFactory.getLogger(PointsWriter.class);
    /** Remote errors that retrying cannot fix: not queued in hinted handoff. */
    private static final Set<ErrorCode> PERMANENT = EnumSet.of(ErrorCode.INVALID_ARGUMENT,
            ErrorCode.FIELD_TYPE_CONFLICT, ErrorCode.PARTIAL_WRITE, ErrorCode.CORRUPTED);

    private final WriteTopology topology;
    private final LocalShards local;
    private final ShardTransport transport;
    private final Handoff handoff;
    private final Hlc hlc;
    private final Clock clock;
    private final Duration writeTimeout;
    private final boolean allowOutOfOrder;
    private final Executor callbacks;
    private final Statistic stats;

    public PointsWriter(WriteTopology topology, LocalShards local, ShardTransport transport, Handoff handoff, Hlc hlc,
                        Clock clock, Duration writeTimeout, boolean allowOutOfOrder, Executor callbacks,
                        StatsRegistry stats) {
        this.topology = topology;
        this.local = local;
        this.transport = transport;
        this.handoff = handoff;
        this.hlc = hlc;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        this.allowOutOfOrder = allowOutOfOrder;
        this.callbacks = callbacks;
        this.stats = stats.statistic("write");
    }

    @Override
    public boolean databaseExists(String database) {
        return topology.metadata().database(database).isPresent();
    }

    /**
     * Writes {@code points} to database {@code db}, retention policy {@code rp} (empty = default).
     *
     * @throws ShardlineException NOT_FOUND ({@code database not found: "db"}), INTERNAL
     *     ({@code retention policy not found: rp}), META_UNAVAILABLE, PARTIAL_WRITE, WRITE_FAILED,
     *     QUEUE_FULL or TIMEOUT
     */
    @Override
    public void write(String db, String rp, ConsistencyLevel level, List<Point> points) {
        stats.add("req", 1);
        stats.add("pointReq", points.size());
        long deadline = clock.monotonicNanos() + writeTimeout.toNanos();
        // Within one request the last of several points with the same series and time wins, as in 1.x;
        // the stores then merge across requests by version alone.
        ShardMapper.Mapping mapping = map(db, rp, PointDedup.lastWins(points));
        long version = hlc.next();
        List<ShardWrite> writes = new ArrayList<>();
        for (ShardMapper.ShardPoints sp : mapping.shards()) {
            writes.add(dispatch(new ShardBatch(sp.shard().id(), version, sp.points()), sp.shard().owners(), level));
        }
        Drops drops = new Drops();
        for (ShardWrite w : writes) {
            await(w, deadline, drops);
        }
        if (drops.dropped > 0) {
            stats.add("writePartial", 1);
            throw new ShardlineException(ErrorCode.PARTIAL_WRITE,
                    "partial write: " + drops.reason + " dropped=" + drops.dropped);
        }
        if (mapping.beyondRetention() > 0) {
            stats.add("writePartial", 1);
            stats.add("writeDrop", mapping.beyondRetention());
            throw new ShardlineException(ErrorCode.PARTIAL_WRITE,
                    "partial write: points beyond retention policy dropped=" + mapping.beyondRetention());
        }
        stats.add("writeOk", 1);
    }

    private ShardMapper.Mapping map(String db, String rp, List<Point> points) {
        ClusterMetadata meta = topology.metadata();
        if (meta.database(db).isEmpty()) {
            throw ShardlineException.notFound("database not found: \"" + db + "\"");
        }
        RetentionPolicyInfo policy = meta.resolveRetentionPolicy(db, rp == null ? "" : rp).orElseThrow(() ->
                new ShardlineException(ErrorCode.INTERNAL, "retention policy not found: " + rp));
        long now = clock.wallNanos();
        ShardMapper.Mapping m = ShardMapper.map(meta, db, policy, points, now);
        while (!m.complete()) {
            meta = topology.createShardGroup(db, policy.name(), m.missingGroupAt());
            ShardMapper.Mapping next = ShardMapper.map(meta, db, policy, points, now);
            if (!next.complete() && next.missingGroupAt() == m.missingGroupAt()) {
                throw new ShardlineException(ErrorCode.META_UNAVAILABLE,
                        "shard group for time " + m.missingGroupAt() + " was not created");
            }
            m = next;
        }
        return m;
    }

    /** Sends one shard batch to all owners; the returned write completes when the level is decided. */
    private ShardWrite dispatch(ShardBatch batch, List<Long> owners, ConsistencyLevel level) {
        ShardWrite w = new ShardWrite(batch, new WriteQuorum(level, owners.size()));
        byte[] encoded = null;
        long self = topology.localNodeId();
        for (long owner : owners) {
            if (owner == self) {
                continue;
            }
            if (encoded == null) {
                encoded = ShardBatchCodec.encode(batch);
            }
            sendRemote(w, owner, encoded);
        }
        if (owners.contains(self)) {
            stats.add("pointReqLocal", batch.points().size());
            try {
                w.record(OwnerResult.acked(self), local.write(batch));
            } catch (ShardlineException e) {
                LOG.warn("Local shard write failed shard={} error=\"{}\"", batch.shardId(), e.getMessage());
                w.record(OwnerResult.failed(self, e.code(), e.getMessage()), null);
            }
        }
        return w;
    }

    private void sendRemote(ShardWrite w, long owner, byte[] encoded) {
        ShardBatch batch = w.batch;
        if (!allowOutOfOrder && handoff.hasPending(owner, batch.shardId())) {
            LOG.debug("write failed for shard {} on node {}: hinted handoff queue not empty", batch.shardId(), owner);
            w.record(enqueue(owner, batch, encoded, ErrorCode.UNAVAILABLE, "hinted handoff queue not empty"), null);
            return;
        }
        stats.add("pointReqRemote", batch.points().size());
        transport.writeShard(owner, List.of(encoded), writeTimeout.toMillis()).whenCompleteAsync((result, error) -> {
            if (error == null) {
                w.record(OwnerResult.acked(owner), result);
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            ShardlineException se = ShardlineException.wrap(cause, ErrorCode.UNAVAILABLE, "node " + owner);
            if (PERMANENT.contains(se.code())) {
                w.record(OwnerResult.failed(owner, se.code(), se.getMessage()), null);
            } else {
                w.record(enqueue(owner, batch, encoded, se.code(), se.getMessage()), null);
            }
        }, callbacks);
    }

    private OwnerResult enqueue(long owner, ShardBatch batch, byte[] encoded, ErrorCode code, String why) {
        try {
            handoff.enqueue(owner, batch.shardId(), encoded, batch.points().size());
            stats.add("pointReqHH", batch.points().size());
            return OwnerResult.queued(owner, code, why);
        } catch (ShardlineException e) {
            return OwnerResult.failed(owner, e.code(), e.getMessage());
        }
    }

    private void await(ShardWrite w, long deadline, Drops drops) {
        long left = deadline - clock.monotonicNanos();
        WriteQuorum.Outcome outcome;
        try {
            outcome = w.decided.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stats.add("writeTimeout", 1);
            throw new ShardlineException(ErrorCode.TIMEOUT, "timeout");
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, "write failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "write failed: interrupted");
        }
        if (!outcome.success()) {
            stats.add("writeError", 1);
            throw new ShardlineException(outcome.code(), outcome.message());
        }
        w.addDrops(drops);
    }

    /** Point-level rejections reported by owners, summed over shards. */
    private static final class Drops {
        int dropped;
        String reason;
    }

    /** One shard's write in flight: the quorum and the future completed when it decides. */
    private static final class ShardWrite {
        final ShardBatch batch;
        final WriteQuorum quorum;
        final CompletableFuture<WriteQuorum.Outcome> decided = new CompletableFuture<>();
        private ShardWriteResult firstResult;

        ShardWrite(ShardBatch batch, WriteQuorum quorum) {
            this.batch = batch;
            this.quorum = quorum;
        }

        synchronized void record(OwnerResult result, ShardWriteResult written) {
            if (written != null && firstResult == null) {
                firstResult = written;
            }
            quorum.record(result).ifPresent(decided::complete);
        }

        synchronized void addDrops(Drops drops) {
            if (firstResult != null && firstResult.dropped() > 0) {
                drops.dropped += firstResult.dropped();
                if (drops.reason == null) {
                    drops.reason = firstResult.dropReason();
                }
            }
        }
    }
}
