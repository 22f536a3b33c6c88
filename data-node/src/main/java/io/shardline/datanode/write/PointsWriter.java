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
import java.util.concurrent.Executor;

/**
 * The write coordinator: maps a request's points to shards (creating missing shard groups through
 * meta), stamps them with one HLC version, writes every shard to all its owners in parallel
 * ({@link ShardReplicator}: the local store, or {@code WriteShard} to remote owners, falling back to
 * hinted handoff), and decides each shard by the consistency level within {@code [cluster]
 * write-timeout}. Success returns
 * normally; anything else throws a {@link ShardlineException} whose code and message are what
 * the HTTP layer answers ({@code partial write: ...}, {@code write failed: ...}, {@code timeout}).
 * Thread-safe: many requests run at once.
 */
public final class PointsWriter implements WriteService {

    private final WriteTopology topology;
    private final LocalShards local;
    private final Hlc hlc;
    private final Clock clock;
    private final Statistic stats;
    private final ShardReplicator replicator;
    private final WritesInFlight inFlight;

    public PointsWriter(WriteTopology topology, LocalShards local, ShardTransport transport, Handoff handoff, Hlc hlc,
                        Clock clock, Duration writeTimeout, boolean allowOutOfOrder, Executor callbacks,
                        WritesInFlight inFlight, StatsRegistry stats) {
        this.topology = topology;
        this.local = local;
        this.hlc = hlc;
        this.clock = clock;
        this.inFlight = inFlight;
        this.stats = stats.statistic("write").counters("req", "pointReq", "pointReqLocal", "pointReqRemote",
                "pointReqHH", "writeOk", "writePartial", "writeError", "writeTimeout", "writeDrop");
        // Remote errors that retrying cannot fix: not queued in hinted handoff.
        this.replicator = new ShardReplicator(topology, transport, handoff, clock, writeTimeout, allowOutOfOrder,
                callbacks, inFlight, EnumSet.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.FIELD_TYPE_CONFLICT,
                ErrorCode.PARTIAL_WRITE, ErrorCode.CORRUPTED), "write", new ShardReplicator.Counters(
                        n -> this.stats.add("pointReqLocal", n), n -> this.stats.add("pointReqRemote", n),
                        n -> this.stats.add("pointReqHH", n)));
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
    public long write(String db, String rp, ConsistencyLevel level, List<Point> points) {
        stats.add("req", 1);
        stats.add("pointReq", points.size());
        long deadline = replicator.deadline();
        List<ShardReplicator.Replication> writes = new ArrayList<>();
        long version;
        ShardMapper.Mapping mapping;
        inFlight.start(WritesInFlight.ROUTING);
        try {
            // Within one request the last of several points with the same series and time wins, as in 1.x;
            // the stores then merge across requests by version alone.
            mapping = map(db, rp, PointDedup.lastWins(points));
            version = hlc.next();
            for (ShardMapper.ShardPoints sp : mapping.shards()) {
                ShardBatch batch = new ShardBatch(sp.shard().id(), version, sp.points());
                writes.add(replicator.replicate(new PointsChange(batch, local), sp.shard().owners(), level,
                        mapping.viewVersion()));
            }
        } finally {
            inFlight.end(WritesInFlight.ROUTING);
        }
        int dropped = 0;
        String reason = null;
        for (ShardReplicator.Replication w : writes) {
            WriteQuorum.Outcome outcome;
            try {
                outcome = replicator.await(w, deadline);
            } catch (ShardlineException e) {
                if (e.code() == ErrorCode.TIMEOUT) {
                    stats.add("writeTimeout", 1);
                }
                throw e;
            }
            if (!outcome.success()) {
                stats.add("writeError", 1);
                throw new ShardlineException(outcome.code(), outcome.message());
            }
            ShardWriteResult first = w.firstResult();
            if (first != null && first.dropped() > 0) {
                dropped += first.dropped();
                reason = reason == null ? first.dropReason() : reason;
            }
        }
        if (dropped > 0) {
            stats.add("writePartial", 1);
            throw new ShardlineException(ErrorCode.PARTIAL_WRITE, "partial write: " + reason + " dropped=" + dropped);
        }
        if (mapping.beyondRetention() > 0) {
            stats.add("writePartial", 1);
            stats.add("writeDrop", mapping.beyondRetention());
            throw new ShardlineException(ErrorCode.PARTIAL_WRITE,
                    "partial write: points beyond retention policy dropped=" + mapping.beyondRetention());
        }
        stats.add("writeOk", 1);
        return version;
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

    /** A batch of points as a change to replicate. */
    private record PointsChange(ShardBatch batch, LocalShards local) implements ShardReplicator.Change {
        @Override
        public long shardId() {
            return batch.shardId();
        }

        @Override
        public byte[] encode() {
            return ShardBatchCodec.encode(batch);
        }

        @Override
        public int points() {
            return batch.points().size();
        }

        @Override
        public ShardWriteResult applyLocally() {
            return local.write(batch);
        }
    }
}
