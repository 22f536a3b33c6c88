package io.shardline.datanode.write;

import io.shardline.model.Point;
import java.util.List;
import java.util.Objects;

/**
 * The unit of replication: points for one shard, all stamped with one version by the coordinating
 * node. The same batch is written locally, sent to remote owners, or queued in hinted handoff,
 * and keeps its version on every path. Immutable.
 */
public record ShardBatch(long shardId, long version, List<Point> points) {

    public ShardBatch {
        Objects.requireNonNull(points, "points");
        points = List.copyOf(points);
    }
}
