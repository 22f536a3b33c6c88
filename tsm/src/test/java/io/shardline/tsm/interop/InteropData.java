package io.shardline.tsm.interop;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import io.shardline.model.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The data set of the interop tests, chosen so that InfluxDB's blocks use every encoding: RLE,
 * packed and raw timestamps (10 s steps, jittered milliseconds, gaps beyond 2^60 ns), RLE, packed
 * and raw integers, Gorilla floats with repeats and edge values, bit-packed booleans, Snappy
 * strings (empty, unicode, quotes and backslashes, long), escaped names, blocks of 1000 plus a
 * remainder, single-value blocks. Every time lies in [0, 10000 weeks) so one shard of a
 * 10000-week retention policy holds it all.
 */
final class InteropData {

    static final long T0 = 1_600_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    private static final String[] STRINGS = {"", "héllo wörld", "日本語 ✓", "quote\" back\\slash", "tab\there",
        "x".repeat(200), "same"};

    private InteropData() {
    }

    static List<Point> points(long seed) {
        Random r = new Random(seed);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            double v = Math.round(Math.sin(i / 10.0) * 1000) / 8.0;
            out.add(p("flo at,s").tag("k e=y", "v,a l").floatField("x y", i % 7 == 0 ? 2.5 : v)
                    .timestamp(T0 + i * 10 * SECOND).build());
        }
        double[] floats = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.MIN_NORMAL, 1.0, 1.0, 0.1, -1e300, Math.PI, 123456789.125};
        long[] ints = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 42, -42, 7};
        for (int i = 0; i < floats.length; i++) {
            out.add(p("edge").floatField("f", floats[i]).integerField("i", ints[i % ints.length])
                    .timestamp(T0 + i * 1_234_567L + (long) i * i).build());
        }
        long t = T0;
        for (int i = 0; i < 1200; i++) {
            t += 1000 * 1_000_000L + r.nextInt(50) * 1_000_000L;
            out.add(p("ints").integerField("rle", 5L * i).integerField("small", r.nextInt(101) - 50)
                    .integerField("raw", i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE).integerField("neg", -(long) i * i)
                    .timestamp(t).build());
        }
        for (int i = 0; i < 1100; i++) {
            out.add(p("bools").booleanField("mix", r.nextBoolean()).booleanField("same", true)
                    .timestamp(T0 + i * SECOND).build());
        }
        for (int i = 0; i < 1050; i++) {
            out.add(p("strings").stringField("s", STRINGS[(i * 5 + r.nextInt(2)) % STRINGS.length])
                    .timestamp(T0 + i * 60 * SECOND).build());
        }
        for (int i = 0; i < 5; i++) {
            out.add(p("we ather,x=y").tag("t a,g", "v=a l u").tag("é", "東京").floatField("f i,e=l\"d", 1.5 + i)
                    .stringField("s", "v" + i).timestamp(T0 + i * 3 * SECOND + 17).build());
        }
        runs(out);
        out.add(p("far").integerField("v", 1).timestamp(0).build());
        out.add(p("far").integerField("v", 2).timestamp(1L << 61).build());
        out.add(p("far").integerField("v", 3).timestamp((1L << 61) + 7).build());
        out.add(p("one").floatField("v", 0.5).timestamp(123_456_789L).build());
        for (String tag : new String[] {"keep", "gone"}) {
            for (int i = 0; i < 100; i++) {
                out.add(p("del").tag("t", tag).floatField("v", i).timestamp(T0 + i * SECOND).build());
            }
        }
        return out;
    }

    /**
     * Runs of ones for simple8b's run words: timestamps 1 ns apart with jumps (240-value windows of
     * ones), integers falling by 1 (zig-zag 1) with jumps, and 150 trailing ones (a 120-ones word).
     */
    private static void runs(List<Point> out) {
        long t = T0 + 7_777;
        long v = 1_000_000;
        for (int i = 0; i < 1000; i++) {
            t += i == 250 ? 1000 : 1;
            v -= i == 130 || i == 700 ? 7 : 1;
            out.add(p("runs").tag("t", "a").integerField("down", v).timestamp(t).build());
        }
        t = T0 + 5_000_000;
        for (int i = 0; i < 152; i++) {
            t += i == 151 ? 2 : 1;
            out.add(p("runs").tag("t", "b").integerField("down", i == 0 ? 3 : i == 1 ? 8 : 8 - i + 1)
                    .timestamp(t).build());
        }
    }

    /**
     * Unsigned values (the line protocol of Debian's 1.6.7 build cannot write them, but its engine
     * reads and queries them): 0, 1, 2^63 and 2^64-1, RLE and packed.
     */
    static List<Point> unsigned() {
        List<Point> out = new ArrayList<>();
        long[] values = {0, 1, Long.MIN_VALUE, -1L, 12345};
        for (int i = 0; i < 1100; i++) {
            out.add(p("uns").unsignedField("edge", values[i % values.length]).unsignedField("step", 3L * i)
                    .timestamp(T0 + i * SECOND).build());
        }
        return out;
    }

    /** Later writes that overwrite ten values of {@code ints.rle} and add new ones. */
    static List<Point> overwrites(List<Point> base) {
        List<Point> out = new ArrayList<>();
        int n = 0;
        long last = 0;
        for (Point p : base) {
            if (p.measurement().equals("ints")) {
                if (n++ < 10) {
                    out.add(p("ints").integerField("rle", 999_999).timestamp(p.timestamp()).build());
                }
                last = p.timestamp();
            }
        }
        for (int i = 1; i <= 20; i++) {
            out.add(p("ints").integerField("rle", -i).timestamp(last + i * SECOND).build());
        }
        return out;
    }

    private static PointBuilder p(String measurement) {
        return io.shardline.model.Point.builder(measurement);
    }

    /** What a store holds: TSM key text to time to value text. */
    static final class Expected {
        final TreeMap<String, TreeMap<Long, String>> keys = new TreeMap<>();

        void add(List<Point> points) {
            for (Point p : points) {
                for (int i = 0; i < p.fieldCount(); i++) {
                    String v = p.fieldType(i) == FieldType.STRING ? p.stringValue(i) : Long.toString(p.rawBits(i));
                    keys.computeIfAbsent(p.series() + "#!~#" + p.fieldKey(i), k -> new TreeMap<>())
                            .put(p.timestamp(), p.fieldType(i) + " " + v);
                }
            }
        }

        void deleteRange(SeriesKey series, long min, long max) {
            keys.forEach((k, v) -> {
                if (k.startsWith(series + "#!~#")) {
                    v.subMap(min, true, max, true).clear();
                }
            });
            keys.values().removeIf(Map::isEmpty);
        }
    }
}
