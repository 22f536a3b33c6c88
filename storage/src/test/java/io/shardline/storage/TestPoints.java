package io.shardline.storage;

import io.shardline.model.FieldType;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import io.shardline.model.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders for test points and versions. */
public final class TestPoints {

    /** 2020-01-01T00:00:00Z, the default start of ManualClock. */
    public static final long START_MS = 1_577_836_800_000L;
    public static final long HOUR = 3_600_000_000_000L;
    public static final long T0 = START_MS * 1_000_000L;

    private TestPoints() {
    }

    /** Version {@code n} at the clock's start. */
    public static long v(int n) {
        return Hlc.version(START_MS, n);
    }

    public static SeriesKey series(String measurement, String... tags) {
        return SeriesKey.of(measurement, tagMap(tags));
    }

    public static Map<String, String> tagMap(String... tags) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            m.put(tags[i], tags[i + 1]);
        }
        return m;
    }

    /** cpu,host=h value=v at t. */
    public static Point cpu(String host, double value, long t) {
        return Point.builder("cpu").tag("host", host).floatField("value", value).timestamp(t).build();
    }

    /** A point with tags {@code k,v,...} and one float field. */
    public static Point point(String measurement, String field, double value, long t, String... tags) {
        PointBuilder b = Point.builder(measurement).tags(tagMap(tags)).floatField(field, value);
        return b.timestamp(t).build();
    }

    /** The cpu schema: host/region/dc tags, 4 floats and 1 integer. */
    public static Point cpuFull(int host, long t, double base) {
        return Point.builder("cpu").tag("host", "h" + host).tag("region", "r" + (host % 4)).tag("dc", "dc" + (host % 2))
                .floatField("usage_user", base).floatField("usage_system", base / 2).floatField("usage_idle", 100 - base)
                .floatField("usage_iowait", base / 10).integerField("processes", (long) base * 3).timestamp(t).build();
    }

    public static List<Point> cpuBatch(int hosts, int timestamps, long start, long step, double base) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < timestamps; i++) {
            for (int h = 0; h < hosts; h++) {
                out.add(cpuFull(h, start + i * step, base + h + i * 0.25));
            }
        }
        return out;
    }

    /** Loads every field of every point as a run of one value. */
    public static void load(ShardLoader shard, List<Point> points, long version) {
        for (Point p : points) {
            loadRuns(shard, List.of(p), version, 1);
        }
    }

    /**
     * Loads {@code points} as a converter would: grouped by series and field (in key order), ascending in time, in
     * runs of at most {@code run} values.
     */
    public static void loadRuns(ShardLoader shard, List<Point> points, long version, int run) {
        java.util.TreeMap<String, List<Point>> byKey = new java.util.TreeMap<>();
        java.util.Map<String, SeriesKey> seriesOf = new java.util.HashMap<>();
        for (Point p : points) {
            for (int i = 0; i < p.fieldCount(); i++) {
                String key = p.series() + "#!~#" + p.fieldKey(i);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                seriesOf.put(key, p.series());
            }
        }
        byKey.forEach((key, ps) -> {
            String field = key.substring(key.lastIndexOf("#!~#") + 4);
            ps.sort(java.util.Comparator.comparingLong(Point::timestamp));
            for (int from = 0; from < ps.size(); from += run) {
                int n = Math.min(run, ps.size() - from);
                long[] times = new long[n];
                long[] bits = new long[n];
                String[] strings = new String[n];
                FieldType type = null;
                for (int k = 0; k < n; k++) {
                    Point p = ps.get(from + k);
                    int i = p.fieldIndex(field);
                    type = p.fieldType(i);
                    times[k] = p.timestamp();
                    bits[k] = type == FieldType.STRING ? 0 : p.rawBits(i);
                    strings[k] = type == FieldType.STRING ? p.stringValue(i) : null;
                }
                shard.load(seriesOf.get(key), field, type, times, bits, strings, n, version);
            }
        });
    }
}
