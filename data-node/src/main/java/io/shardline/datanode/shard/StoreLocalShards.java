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

/**
 * {@link LocalShards} over the node's shard engine: looks the shard up in the cluster view, refuses
 * it unless this node is an owner, opens (creating on first write) the shard's store and writes
 * the batch with its version. A shard the view does not know yet is {@code UNAVAILABLE} (the view
 * may lag the coordinator's; the sender retries through hinted handoff). Thread-safe.
 */
public final class StoreLocalShards implements LocalShards {

    private final ShardEngine engine;
    private final Supplier<ClusterView> view;
    private final LongSupplier localNodeId;

    public StoreLocalShards(ShardEngine engine, Supplier<ClusterView> view, LongSupplier localNodeId) {
        this.engine = engine;
        this.view = view;
        this.localNodeId = localNodeId;
    }

    @Override
    public ShardWriteResult write(ShardBatch batch) {
        ShardLocation location = locate(batch.shardId());
        WriteResult r = engine.open(shardId(location)).write(batch.points(), batch.version());
        return new ShardWriteResult(r.stored(), r.dropped(), r.firstReason());
    }

    /** The shard's place in the cluster, if this node owns it. */
    public ShardLocation locate(long shardId) {
        ShardLocation location = view.get().shards().shard(shardId).orElseThrow(() -> new ShardlineException(
                ErrorCode.UNAVAILABLE, "shard " + shardId + " is not in this node's cluster view yet"));
        long self = localNodeId.getAsLong();
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
