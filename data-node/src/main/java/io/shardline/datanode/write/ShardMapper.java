package io.shardline.datanode.write;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the points of one write to shards, as InfluxDB does: drop points older than the retention
 * policy allows, find each point's shard group by time, and pick the shard by
 * {@code fnv64a(series key) mod #shards}. Pure: if some point has no shard group yet, it says which
 * timestamp needs one and the caller creates it through meta and maps again.
 */
public final class ShardMapper {

    /** The points of one shard, with its owners. */
    public record ShardPoints(ShardGroupInfo group, ShardInfo shard, List<Point> points) {
    }

    /**
     * The result of mapping: either every point placed, or a timestamp whose group must be created first;
     * {@code viewVersion} is the version of the view the owners come from.
     */
    public record Mapping(List<ShardPoints> shards, int beyondRetention, long missingGroupAt, boolean complete,
                          long viewVersion) {
    }

    private ShardMapper() {
    }

    public static Mapping map(ClusterMetadata meta, String database, RetentionPolicyInfo rp, List<Point> points,
                              long nowNanos) {
        long min = rp.infinite() ? Long.MIN_VALUE : nowNanos - rp.duration();
        Map<Long, ShardPoints> byShard = new LinkedHashMap<>();
        ShardGroupInfo lastGroup = null;
        int beyond = 0;
        for (Point p : points) {
            long t = p.timestamp();
            if (t < min) {
                beyond++;
                continue;
            }
            ShardGroupInfo group = lastGroup != null && lastGroup.contains(t) ? lastGroup
                    : meta.shardGroupAt(database, rp.name(), t).orElse(null);
            if (group == null) {
                return new Mapping(List.of(), beyond, t, false, meta.version());
            }
            lastGroup = group;
            ShardInfo shard = group.shardFor(p.series().fnv64a());
            byShard.computeIfAbsent(shard.id(), id -> new ShardPoints(group, shard, new ArrayList<>())).points().add(p);
        }
        return new Mapping(List.copyOf(byShard.values()), beyond, 0, true, meta.version());
    }
}
