package io.shardline.datanode.sim;

import io.shardline.datanode.write.LocalShards;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.model.Point;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A data node's shards for simulation: (shard, series, time) to the highest version seen. */
final class SimStore implements LocalShards {

    private final Map<String, Long> entries = new ConcurrentHashMap<>();

    @Override
    public ShardWriteResult write(ShardBatch batch) {
        for (Point p : batch.points()) {
            entries.merge(key(batch.shardId(), p), batch.version(), Math::max);
        }
        return ShardWriteResult.allWritten(batch.points().size());
    }

    boolean has(long shardId, Point p) {
        return entries.containsKey(key(shardId, p));
    }

    private static String key(long shardId, Point p) {
        return shardId + "|" + p.series() + "|" + p.timestamp();
    }
}
