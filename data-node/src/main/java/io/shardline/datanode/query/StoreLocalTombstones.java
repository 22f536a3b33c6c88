package io.shardline.datanode.query;

import io.shardline.datanode.shard.StoreLocalShards;
import io.shardline.datanode.write.LocalTombstones;
import io.shardline.datanode.write.TombstoneBatch;
import io.shardline.storage.ShardEngine;

/**
 * {@link LocalTombstones} over the node's shard engine: checks ownership in the cluster view like writes do
 * ({@link StoreLocalShards#locateWritable}), opens (or creates) the shard and records the tombstone. Thread-safe.
 */
public final class StoreLocalTombstones implements LocalTombstones {

    private final ShardEngine engine;
    private final StoreLocalShards shards;

    public StoreLocalTombstones(ShardEngine engine, StoreLocalShards shards) {
        this.engine = engine;
        this.shards = shards;
    }

    @Override
    public void delete(TombstoneBatch batch) {
        engine.open(StoreLocalShards.shardId(shards.locateWritable(batch.shardId()))).delete(batch.tombstone());
    }
}
