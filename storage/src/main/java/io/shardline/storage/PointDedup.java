package io.shardline.storage;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import io.shardline.model.SeriesKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 1.x's rule for one write request, applied by the coordinator before it stamps a version: points
 * with the same series and timestamp become one row whose fields are the union, a later point's
 * field replacing an earlier one. Stores themselves resolve equal versions by value (see
 * {@link ShardWriter#write}), which this makes irrelevant for a single request. Stateless.
 */
public final class PointDedup {

    private record RowKey(SeriesKey series, long timestamp) {
    }

    private PointDedup() {
    }

    /** {@code points} with duplicates merged, in first-occurrence order; the same list if none. */
    public static List<Point> lastWins(List<Point> points) {
        if (!mayHaveDuplicates(points)) {
            return points;
        }
        Map<RowKey, List<Point>> rows = new LinkedHashMap<>();
        for (Point p : points) {
            rows.computeIfAbsent(new RowKey(p.series(), p.timestamp()), k -> new ArrayList<>(1)).add(p);
        }
        List<Point> out = new ArrayList<>(rows.size());
        for (Map.Entry<RowKey, List<Point>> e : rows.entrySet()) {
            out.add(e.getValue().size() == 1 ? e.getValue().get(0) : merge(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * A fast, allocation-light check over (series hash, timestamp) in an open-addressing table: false
     * means certainly no duplicates; true (a repeated hash) sends the batch to the exact merge.
     */
    private static boolean mayHaveDuplicates(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            return false;
        }
        int capacity = Integer.highestOneBit(n * 2 - 1) << 1;
        long[] table = new long[capacity];
        boolean[] used = new boolean[capacity];
        int mask = capacity - 1;
        for (Point p : points) {
            long h = p.series().fnv64a() * 0x9E3779B97F4A7C15L + p.timestamp();
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (used[slot]) {
                if (table[slot] == h) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            table[slot] = h;
        }
        return false;
    }

    private static Point merge(RowKey key, List<Point> same) {
        PointBuilder b = Point.builder(key.series().measurement()).tags(key.series().tags());
        for (Point p : same) {
            for (int i = 0; i < p.fieldCount(); i++) {
                String k = p.fieldKey(i);
                FieldType t = p.fieldType(i);
                switch (t) {
                    case FLOAT -> b.floatField(k, p.floatValue(i));
                    case INTEGER -> b.integerField(k, p.integerValue(i));
                    case UNSIGNED -> b.unsignedField(k, p.unsignedValue(i));
                    case BOOLEAN -> b.booleanField(k, p.booleanValue(i));
                    case STRING -> b.stringField(k, p.stringValue(i));
                    default -> throw new AssertionError(t);
                }
            }
        }
        return b.timestamp(key.timestamp()).build();
    }
}
