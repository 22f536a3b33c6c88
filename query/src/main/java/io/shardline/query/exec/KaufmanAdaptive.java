package io.shardline.query.exec;

/**
 * 1.x's Kaufman adaptive moving average ({@code gota.KAMA}): moves towards each value by
 * {@code (er * (2/3 - 2/31) + 2/31)^2} of the distance, {@code er} being the {@link KaufmanEfficiency}; until
 * the ratio is warmed it restarts from the previous value. Not thread-safe.
 */
final class KaufmanAdaptive implements Indicator {

    // Go folds the constant expressions 2.0/(2.0+1.0)-2.0/(30.0+1.0) and 2.0/(30.0+1.0) exactly, rounding once
    private static final double FAST_MINUS_SLOW = 56.0 / 93.0;
    private static final double SLOW = 2.0 / 31.0;

    private final KaufmanEfficiency ker;
    private double last;

    KaufmanAdaptive(int period) {
        ker = new KaufmanEfficiency(period);
    }

    @Override
    public int warmCount() {
        return ker.warmCount();
    }

    @Override
    public double add(double v) {
        if (!ker.warmed()) {
            last = ker.newest();
        }
        double er = ker.add(v);
        double sc = GoMath.pow(er * FAST_MINUS_SLOW + SLOW, 2);
        last = last + sc * (v - last);
        return last;
    }
}
