package io.shardline.query.exec;

/**
 * 1.x's Kaufman efficiency ratio ({@code gota.KER}): the net change over {@code period} values divided by the
 * sum of the absolute changes between them, over a ring of the last {@code period} values that starts filled
 * with zeros (so the first outputs compare with 0, as in 1.x). Not thread-safe.
 */
final class KaufmanEfficiency implements Indicator {

    private final double[] price;
    private final double[] diff;
    private double noise;
    private int count;
    private int idx;

    KaufmanEfficiency(int period) {
        QueryMemory.reserve(period, 16); // a ring of the last period values: 1.x allocates it too
        price = new double[period];
        diff = new double[period];
    }

    @Override
    public int warmCount() {
        return price.length;
    }

    boolean warmed() {
        return count == price.length + 1;
    }

    /** The newest value (0 before the first). */
    double newest() {
        return price[idx];
    }

    @Override
    public double add(double v) {
        int oldest = idx + 1 >= price.length ? 0 : idx + 1;
        double signal = Math.abs(v - price[oldest]);
        double d = Math.abs(v - price[idx]);
        noise -= diff[oldest];
        noise += d;
        idx = oldest;
        price[idx] = v;
        diff[idx] = d;
        if (!warmed()) {
            count++;
        }
        if (signal == 0 || noise == 0) {
            return 0;
        }
        return signal / noise;
    }
}
