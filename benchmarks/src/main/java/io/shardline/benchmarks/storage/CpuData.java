package io.shardline.benchmarks.storage;

import io.shardline.model.FieldLayout;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code cpu} data set of the storage benchmarks: 1,000 series (tags host, region, dc), five
 * fields (usage_user, usage_system, usage_idle, usage_iowait as floats, processes as an integer),
 * one point per series every 10 s, in batches of 5,000 lines (5 timestamps x 1,000 hosts). Float
 * values are random walks, either at full double precision (like TSBS) or rounded to 2 decimals
 * (like most collected metrics). Deterministic for a given seed; not thread-safe.
 */
final class CpuData {

    static final int SERIES = 1_000;
    static final int LINES = 5_000;
    static final int FIELDS = 5;
    static final int VALUES_PER_BATCH = LINES * FIELDS;
    static final long STEP = 10_000_000_000L;
    /** 2024-01-01T00:00:00Z. */
    static final long START = 1_704_067_200_000_000_000L;

    private static final FieldLayout LAYOUT = FieldLayout.ofSorted("processes", "usage_idle", "usage_iowait",
            "usage_system", "usage_user");
    private static final FieldType[] TYPES = {FieldType.INTEGER, FieldType.FLOAT, FieldType.FLOAT, FieldType.FLOAT,
            FieldType.FLOAT};

    private final SeriesKey[] series = new SeriesKey[SERIES];
    private final double[][] walk = new double[SERIES][4];
    private final long[] processes = new long[SERIES];
    private final boolean rounded;
    private long rnd;

    CpuData(long seed, boolean rounded) {
        this.rnd = seed;
        this.rounded = rounded;
        for (int h = 0; h < SERIES; h++) {
            series[h] = SeriesKey.of("cpu", Map.of("host", String.format("host_%04d", h), "region",
                    "region_" + (h % 8), "dc", "dc_" + (h % 32)));
            for (int f = 0; f < 4; f++) {
                walk[h][f] = 50 * uniform();
            }
            processes[h] = 100 + h % 300;
        }
    }

    SeriesKey series(int host) {
        return series[host];
    }

    /** Batch number {@code k}: timestamps {@code START + (5k .. 5k+4) * 10 s}. */
    List<Point> batch(int k) {
        List<Point> out = new ArrayList<>(LINES);
        for (int i = 0; i < LINES / SERIES; i++) {
            long ts = START + ((long) k * (LINES / SERIES) + i) * STEP;
            for (int h = 0; h < SERIES; h++) {
                out.add(point(h, ts));
            }
        }
        return out;
    }

    Point point(int h, long ts) {
        long[] bits = new long[FIELDS];
        processes[h] += (long) (uniform() * 5) - 2;
        bits[0] = processes[h];
        for (int f = 0; f < 4; f++) {
            double v = Math.min(100, Math.max(0, walk[h][f] + (uniform() - 0.5) * 2));
            walk[h][f] = v;
            bits[f + 1] = Double.doubleToRawLongBits(rounded ? Math.round(v * 100) / 100.0 : v);
        }
        return Point.ofOwnedArrays(series[h], LAYOUT, TYPES, bits, null, ts);
    }

    private double uniform() {
        rnd ^= rnd << 13;
        rnd ^= rnd >>> 7;
        rnd ^= rnd << 17;
        return (rnd >>> 11) * 0x1.0p-53;
    }
}
