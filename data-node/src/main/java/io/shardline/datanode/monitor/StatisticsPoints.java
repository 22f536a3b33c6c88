package io.shardline.datanode.monitor;

import io.shardline.common.stats.StatSnapshot;
import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns statistics into the points 1.x's monitor writes: measurement = the statistic's name, tags =
 * the node's global tags ({@code hostname}, {@code nodeID}) plus the statistic's own, fields = its
 * values (integers, floats, strings), all stamped with the tick time. Tags with empty values are left
 * out (line protocol has none); a statistic without values gives no point. Stateless.
 */
public final class StatisticsPoints {

    private StatisticsPoints() {
    }

    public static List<Point> of(List<StatSnapshot> stats, Map<String, String> globalTags, long timestampNanos) {
        List<Point> out = new ArrayList<>(stats.size());
        for (StatSnapshot s : stats) {
            if (s.values().isEmpty()) {
                continue;
            }
            PointBuilder b = Point.builder(s.name());
            globalTags.forEach((k, v) -> tag(b, k, v));
            s.tags().forEach((k, v) -> tag(b, k, v));
            s.values().forEach((k, v) -> {
                if (v instanceof Long l) {
                    b.integerField(k, l);
                } else if (v instanceof Double d) {
                    b.floatField(k, Double.isFinite(d) ? d : 0);
                } else {
                    b.stringField(k, String.valueOf(v));
                }
            });
            out.add(b.timestamp(timestampNanos).build());
        }
        return out;
    }

    private static void tag(PointBuilder b, String key, String value) {
        if (value != null && !value.isEmpty()) {
            b.tag(key, value);
        }
    }

    /** The first tick at or after {@code nowNanos + 1} that is a whole multiple of {@code intervalNanos} (1.x's even interval). */
    public static long nextTick(long nowNanos, long intervalNanos) {
        return Math.floorDiv(nowNanos, intervalNanos) * intervalNanos + intervalNanos;
    }
}
