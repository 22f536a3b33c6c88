package io.shardline.benchmarks.entropy;

import io.shardline.model.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code cpu} data of the anti-entropy figures: {@code series} hosts, five fields (four floats
 * at full precision, one integer), one point per host every 10 s from 2024-01-01, in batches of 5
 * timestamps. Deterministic for a seed; not thread-safe.
 */
final class BenchData {

    static final long START = 1_704_067_200_000_000_000L;
    static final long STEP = 10_000_000_000L;
    static final int FIELDS = 5;

    private final int series;
    private final SplittableRandom rnd;

    BenchData(int series, long seed) {
        this.series = series;
        this.rnd = new SplittableRandom(seed);
    }

    /** Batch {@code k}: timestamps {@code START + (5k .. 5k+4) * 10 s} for every host. */
    List<Point> batch(int k) {
        List<Point> out = new ArrayList<>(series * 5);
        for (int i = 0; i < 5; i++) {
            long ts = START + ((long) k * 5 + i) * STEP;
            for (int h = 0; h < series; h++) {
                out.add(Point.builder("cpu").tag("host", String.format("host_%04d", h)).tag("region", "r" + h % 8)
                        .floatField("usage_user", rnd.nextDouble() * 100).floatField("usage_system", rnd.nextDouble() * 100)
                        .floatField("usage_idle", rnd.nextDouble() * 100).floatField("usage_iowait", rnd.nextDouble() * 10)
                        .integerField("processes", 100 + rnd.nextInt(300)).timestamp(ts).build());
            }
        }
        return out;
    }
}
