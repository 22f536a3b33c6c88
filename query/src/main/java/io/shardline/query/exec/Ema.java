package io.shardline.query.exec;

/**
 * 1.x's exponential moving average ({@code gota.EMA}): {@code alpha = 2 / (period + 1)} once warmed; during the
 * first {@code period} values either a simple average ({@code simple}) or an exponential average with the
 * alpha scaled to the values seen ({@code exponential}), exactly in 1.x's float operation order. Not thread-safe.
 */
final class Ema implements Indicator {

    private final int period;
    private final boolean simpleWarmup;
    private double alpha;
    private double last;
    private int count;

    Ema(int period, boolean simpleWarmup) {
        this.period = period;
        this.simpleWarmup = simpleWarmup;
        this.alpha = 2 / (double) (period + 1);
    }

    /** The RSI/CMO variant: period + 1 values to warm and {@code alpha = 1 / period}. */
    static Ema wilder(int period, boolean simpleWarmup) {
        Ema ema = new Ema(period + 1, simpleWarmup);
        ema.alpha = 1 / (double) period;
        return ema;
    }

    /**
     * Feeds this average's output {@code avg} to the next average of a chain and answers the next one's output;
     * with simple warm-up the next average starts only once this one is warmed ({@code avg} passes through).
     */
    double passTo(Ema next, double avg) {
        return warmed() || !simpleWarmup ? next.add(avg) : avg;
    }

    boolean simpleWarmup() {
        return simpleWarmup;
    }

    boolean warmed() {
        return count == period;
    }

    double last() {
        return last;
    }

    @Override
    public int warmCount() {
        return period - 1;
    }

    @Override
    public double add(double v) {
        double avg;
        if (count == 0) {
            avg = v;
        } else if (!warmed()) {
            if (simpleWarmup) {
                avg = (last * count + v) / (count + 1);
            } else {
                double a = 2 / (double) (count + 2); // keeps the first values from weighing too much
                avg = (v - last) * a + last;
            }
        } else {
            avg = (v - last) * alpha + last;
        }
        last = avg;
        if (count < period) {
            count++;
        }
        return avg;
    }
}
