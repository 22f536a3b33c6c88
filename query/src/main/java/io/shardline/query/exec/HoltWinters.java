package io.shardline.query.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * 1.x's {@code holt_winters} / {@code holt_winters_with_fit} ({@code FloatHoltWintersReducer}): the points of one
 * series are put on the interval grid (rounded to the nearest multiple of the interval, later points of a
 * bucket dropped, gaps as NaN), the damped (seasonal when {@code m >= 2}) triple exponential smoothing is fitted
 * with {@link NelderMead} from 16 starting guesses, and {@code h} values are forecast after the last point (with
 * the fitted values from the first point too for {@code _with_fit}). A port of 1.x's float operations in their
 * order, including its quirks: the recursion feeds its own forecasts back instead of the data, the objective
 * constrains the simplex vertex in place and rotates its seasonal part. Not thread-safe.
 */
final class HoltWinters {

    private static final double WEIGHT = 0.5;
    private static final double EPSILON = 1.0e-4;
    private static final double GUESS_LOWER = 0.3;
    private static final double GUESS_UPPER = 1.0;
    private static final double GUESS_STEP = 0.4;

    /** One output point. */
    record Point(long time, double value) {
    }

    private final int h;
    private final int m;
    private final boolean seasonal;
    private final boolean withFit;
    private final long interval;
    private double[] y;

    HoltWinters(int h, int m, boolean withFit, long interval) {
        this.h = h;
        this.m = m;
        this.seasonal = m >= 2;
        this.withFit = withFit;
        this.interval = interval;
    }

    private long roundTime(long t) {
        long remainder = t % interval;
        if (remainder > interval / 2) {
            return (t / interval + 1) * interval;
        }
        return (t / interval) * interval;
    }

    /** The forecast of the points (in output order; 1.x yields nothing for descending time). */
    List<Point> emit(long[] times, double[] values) {
        int l = values.length;
        if (l < 2 || seasonal && l < m || h <= 0) {
            return List.of();
        }
        long start = roundTime(times[0]);
        long stop = roundTime(times[l - 1]);
        if ((stop - start) / interval <= 0) {
            return List.of();
        }
        y = grid(times, values, start, stop);
        double[] best = fit();
        double[] forecasted = forecast(h, best);
        List<Point> out = new ArrayList<>();
        if (withFit) {
            for (int i = 0; i < forecasted.length; i++) {
                if (!Double.isNaN(forecasted[i])) {
                    out.add(new Point(times[0] + interval * i, forecasted[i]));
                }
            }
        } else {
            for (int i = y.length; i < forecasted.length; i++) {
                if (!Double.isNaN(forecasted[i])) {
                    out.add(new Point(times[l - 1] + interval * (i - y.length + 1), forecasted[i]));
                }
            }
        }
        return out;
    }

    private double[] grid(long[] times, double[] values, long start, long stop) {
        long slots = (stop - start) / interval + 1;
        QueryMemory.reserve(slots, 2 * Double.BYTES); // the grid and each forecast of the fit (1.x's too)
        double[] grid = new double[(int) Math.min(slots, Integer.MAX_VALUE - 8)];
        int n = 0;
        grid[n++] = values[0];
        long t = start;
        for (int i = 1; i < values.length; i++) {
            long rounded = roundTime(times[i]);
            if (rounded <= t) {
                continue; // a later point of the same bucket
            }
            t += interval;
            while (rounded != t) {
                grid[n++] = Double.NaN;
                t += interval;
            }
            grid[n++] = values[i];
        }
        return n == grid.length ? grid : java.util.Arrays.copyOf(grid, n);
    }

    /** The starting level, trend and seasonal factors, then the best of the 16 Nelder-Mead runs. */
    private double[] fit() {
        double l0 = 0.0;
        double b0 = 0.0;
        double[] s = new double[seasonal ? m : 0];
        if (seasonal) {
            for (int i = 0; i < m; i++) {
                if (!Double.isNaN(y[i])) {
                    l0 += (1 / (double) m) * y[i];
                }
            }
            for (int i = 0; i < m && m + i < y.length; i++) {
                if (!Double.isNaN(y[i]) && !Double.isNaN(y[m + i])) {
                    b0 += 1 / (double) (m * m) * (y[m + i] - y[i]);
                }
            }
            for (int i = 0; i < m; i++) {
                s[i] = Double.isNaN(y[i]) ? 0 : y[i] / l0;
            }
        } else {
            l0 += WEIGHT * y[0];
            if (!Double.isNaN(y[1])) {
                b0 = WEIGHT * (y[1] - y[0]);
            }
        }
        double[] parameters = new double[6 + s.length];
        parameters[4] = l0;
        parameters[5] = b0;
        System.arraycopy(s, 0, parameters, 6, s.length);
        double minSse = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (double alpha = GUESS_LOWER; alpha < GUESS_UPPER; alpha += GUESS_STEP) {
            for (double beta = GUESS_LOWER; beta < GUESS_UPPER; beta += GUESS_STEP) {
                for (double gamma = GUESS_LOWER; gamma < GUESS_UPPER; gamma += GUESS_STEP) {
                    for (double phi = GUESS_LOWER; phi < GUESS_UPPER; phi += GUESS_STEP) {
                        parameters[0] = alpha;
                        parameters[1] = beta;
                        parameters[2] = gamma;
                        parameters[3] = phi;
                        NelderMead.Result r = NelderMead.optimize(this::sse, parameters, EPSILON, 1);
                        if (r.value() < minSse || best == null) {
                            minSse = r.value();
                            best = r.parameters();
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The fitted values followed by {@code horizon} forecasts; constrains and rotates {@code params} in place. */
    private double[] forecast(int horizon, double[] params) {
        constrain(params);
        double yT = y[0];
        double phi = params[3];
        double phiH = phi;
        double lT = params[4];
        double bT = params[5];
        int so = 0;
        if (seasonal) {
            if (m == 1) {
                params[6] = 1;
            }
            so = m - 1;
        }
        int l = y.length;
        double[] forecasted = new double[l + horizon];
        forecasted[0] = yT;
        double stm = 1.0;
        double stmh = 1.0;
        for (int t = 1; t < l + horizon; t++) {
            if (seasonal) {
                int hm = t % m;
                stm = params[6 + (t - m + so) % m];
                stmh = params[6 + (t - m + hm + so) % m];
            }
            double alpha = params[0];
            double beta = params[1];
            double gamma = params[2];
            double lTp = lT;
            double bTp = bT;
            lT = alpha * (yT / stm) + (1 - alpha) * (lTp + phi * bTp);
            bT = beta * (lT - lTp) + (1 - beta) * phi * bTp;
            double sT = gamma * (yT / (lTp + phi * bTp)) + (1 - gamma) * stm;
            yT = (lT + phiH * bT) * stmh;
            phiH += GoMath.pow(phi, t);
            if (seasonal) {
                params[6 + (t + so) % m] = sT;
                so++;
            }
            forecasted[t] = yT;
        }
        return forecasted;
    }

    /** The sum of squared errors of the fit (NaN gaps skipped, a NaN forecast is infinitely bad). */
    private double sse(double[] params) {
        double sse = 0.0;
        double[] forecasted = forecast(0, params);
        for (int i = 0; i < forecasted.length; i++) {
            if (!Double.isNaN(y[i])) {
                if (Double.isNaN(forecasted[i])) {
                    return Double.POSITIVE_INFINITY;
                }
                double diff = forecasted[i] - y[i];
                sse += diff * diff;
            }
        }
        return sse;
    }

    private static void constrain(double[] x) {
        for (int i = 0; i < 4; i++) {
            if (x[i] > 1) {
                x[i] = 1;
            }
            if (x[i] < 0) {
                x[i] = 0;
            }
        }
    }
}
