package io.shardline.datanode.shard;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.LocalShards;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.WriteResult;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LocalShards} over the node's shard engine: looks the shard up in the cluster view, refuses
 * it unless this node is an owner, opens (creating on first write) the shard's store and writes
 * the batch with its version. A shard newer than every shard of the view (its id above the view's
 * highest) was created after the view was taken: the view is refreshed from meta once (one refresh
 * at a time) before the write is judged, because the coordinator that created the shard group may
 * write before this node's watch has delivered it (right after a meta leader change the watches
 * re-subscribe and lag by a second or more). A shard still unknown is {@code UNAVAILABLE} (the
 * sender retries through hinted handoff). Thread-safe.
 */
public final class StoreLocalShards implements LocalShards {

    private static final Logger LOG = LoggerFactory.getLogger(StoreLocalShards.class);

    private final ShardEngine engine;
    private final Supplier<ClusterView> view;
    private final LongSupplier localNodeId;
    private final Runnable refresh;
    private final Object refreshing = new Object();
    private ShardStatistics statistics;

    /** Without refreshing: a shard the view does not know is refused at once. */
    public StoreLocalShards(ShardEngine engine, Supplier<ClusterView> view, LongSupplier localNodeId) {
        this(engine, view, localNodeId, null);
    }

    /** @param refresh brings the view up to date with meta (blocking; may throw) */
    public StoreLocalShards(ShardEngine engine, Supplier<ClusterView> view, LongSupplier localNodeId,
                            Runnable refresh) {
        this.engine = engine;
        this.view = view;
        this.localNodeId = localNodeId;
        this.refresh = refresh;
    }

    /** Counts every batch in the {@code shard} statistics; only while the node is being wired. */
    public StoreLocalShards counting(ShardStatistics shardStatistics) {
        this.statistics = shardStatistics;
        return this;
    }

    @Override
    public ShardWriteResult write(ShardBatch batch) {
        WriteResult r;
        try {
            ShardLocation location = locateWritable(batch.shardId());
            r = engine.open(shardId(location)).write(batch.points(), batch.version());
        } catch (RuntimeException e) {
            if (statistics != null) {
                statistics.failed(batch.shardId(), batch.points().size());
            }
            throw e;
        }
        if (statistics != null) {
            statistics.written(batch.shardId(), r);
        }
        return new ShardWriteResult(r.stored(), r.dropped(), r.firstReason());
    }

    /**
     * The shard's place in the cluster, if this node owns it and its group is not deleted:
     * {@code NOT_FOUND} for a shard of a group that retention (or an operator) deleted, which the
     * meta data keeps for a while; opening it would recreate the shard the sweep just dropped. A
     * sender whose view has not seen the deletion yet gets a permanent error and drops its copy.
     */
    public ShardLocation locateWritable(long shardId) {
        ShardLocation location = locate(shardId);
        if (location.group().deleted()) {
            throw new ShardlineException(ErrorCode.NOT_FOUND,
                    "shard " + shardId + " belongs to deleted shard group " + location.group().id());
        }
        return location;
    }

    /** The shard's place in the cluster, if this node owns it. */
    public ShardLocation locate(long shardId) {
        ClusterView v = view.get();
        if (refresh != null && shardId > v.metadata().maxShardId()) {
            synchronized (refreshing) {
                if (shardId > view.get().metadata().maxShardId()) {
                    try {
                        refresh.run();
                    } catch (ShardlineException e) {
                        LOG.debug("Cluster view refresh for shard {} failed: {}", shardId, e.getMessage());
                    }
                }
            }
            v = view.get();
        }
        return locate(v, localNodeId.getAsLong(), shardId);
    }

    /**
     * The shard's place in {@code view} if node {@code self} owns it: {@code UNAVAILABLE} when the
     * view does not know the shard yet, {@code FAILED_PRECONDITION} when another node owns it.
     */
    public static ShardLocation locate(ClusterView view, long self, long shardId) {
        ShardLocation location = view.shards().shard(shardId).orElseThrow(() -> new ShardlineException(
                ErrorCode.UNAVAILABLE, "shard " + shardId + " is not in this node's cluster view yet"));
        if (!location.shard().ownedBy(self)) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                    "data node " + self + " does not own shard " + shardId);
        }
        return location;
    }

    /** The storage id of a located shard. */
    public static ShardId shardId(ShardLocation location) {
        return new ShardId(location.database(), location.retentionPolicy(), location.shardId());
    }
}
