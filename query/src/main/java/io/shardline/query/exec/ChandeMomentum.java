package io.shardline.query.exec;

/**
 * 1.x's Chande momentum oscillator without warm-up ({@code gota.CMO}): {@code 100 * (up - down) / (up + down)}
 * over the rises and falls of the last {@code period - 1} changes, kept as running sums the way 1.x keeps them.
 * 1.x panics on period 1 (an empty ring); that period is refused before it gets here. Not thread-safe.
 */
final class ChandeMomentum implements Indicator {

    private final double[] price;
    private final double[] diff;
    private double sumUp;
    private double sumDown;
    private int count;
    private int idx;

    ChandeMomentum(int period) {
        QueryMemory.reserve(period, 16); // a ring of the last period values: 1.x allocates it too
        price = new double[period - 1];
        diff = new double[period - 1];
    }

    @Override
    public int warmCount() {
        return price.length;
    }

    @Override
    public double add(double v) {
        int oldest = idx + 1 == price.length ? 0 : idx + 1;
        double d = 0;
        if (count != 0) {
            d = v - price[idx];
            if (d > 0) {
                sumUp += d;
            } else if (d < 0) {
                sumDown -= d;
            }
        }
        double out = 0;
        if (sumUp != 0 || sumDown != 0) {
            out = 100.0 * ((sumUp - sumDown) / (sumUp + sumDown));
        }
        if (diff[oldest] > 0) {
            sumUp -= diff[oldest];
        } else if (diff[oldest] < 0) {
            sumDown += diff[oldest];
        }
        price[oldest] = v;
        diff[oldest] = d;
        idx = oldest;
        if (count != price.length + 2) {
            count++;
        }
        return out;
    }
}
