package io.shardline.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark data set: the {@code cpu} schema (tags host/region/dc; fields usage_user,
 * usage_system, usage_idle, ... as floats and one integer field), points 10 s apart per series,
 * pre-generated as line-protocol batch bodies so generation never slows the load. Deterministic
 * for a seed.
 */
public final class CpuDataSet {

    private static final String[] FLOAT_FIELDS = {"usage_user", "usage_system", "usage_idle", "usage_iowait",
            "usage_irq", "usage_softirq", "usage_steal", "usage_guest", "usage_nice"};
    private static final String[] REGIONS = {"us-west-1", "us-east-1", "eu-central-1", "ap-south-1"};
    private static final long STEP_NANOS = 10_000_000_000L;

    private CpuDataSet() {
    }

    /**
     * {@code points} points over {@code series} series with {@code fields} fields each (all floats
     * but the last, an integer), in batches of {@code batchSize} lines, ending just before
     * {@code endNanos}.
     */
    public static List<byte[]> generate(int series, int fields, long points, int batchSize, long endNanos, long seed) {
        Random rnd = new Random(seed);
        String[] keys = new String[series];
        for (int s = 0; s < series; s++) {
            keys[s] = String.format("cpu,dc=dc-%d,host=server-%05d,region=%s ", s % 7, s, REGIONS[s % REGIONS.length]);
        }
        long rounds = (points + series - 1) / series;
        long start = endNanos - rounds * STEP_NANOS;
        List<byte[]> batches = new ArrayList<>();
        StringBuilder b = new StringBuilder(batchSize * 160);
        int inBatch = 0;
        for (long i = 0; i < points; i++) {
            int s = (int) (i % series);
            long t = start + (i / series) * STEP_NANOS;
            b.append(keys[s]);
            for (int f = 0; f < fields - 1; f++) {
                b.append(f == 0 ? "" : ",").append(FLOAT_FIELDS[f % FLOAT_FIELDS.length])
                        .append(f >= FLOAT_FIELDS.length ? "_" + f : "").append('=')
                        .append(Math.round(rnd.nextDouble() * 10_000) / 100.0);
            }
            b.append(fields > 1 ? "," : "").append("usage_count=").append(rnd.nextInt(1_000)).append("i ");
            b.append(t).append('\n');
            if (++inBatch == batchSize) {
                batches.add(b.toString().getBytes(StandardCharsets.UTF_8));
                b.setLength(0);
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            batches.add(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return batches;
    }
}
