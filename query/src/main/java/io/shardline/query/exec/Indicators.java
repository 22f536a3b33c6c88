package io.shardline.query.exec;

import io.shardline.query.plan.Transforms;

/**
 * Creates the indicator of a technical-analysis transformation with 1.x's parameters, and holds the algorithms
 * built from {@link Ema}s (DEMA, TEMA, TRIX, RSI and the smoothed CMO), each a port of 1.x's {@code gota} type
 * with its float operations in the same order. Stateless.
 */
final class Indicators {

    private Indicators() {
    }

    /** The indicator of {@code tr} (its period is {@code n}, its warm-up type {@code warmup}). */
    static Indicator of(Transforms.Transform tr) {
        int period = tr.n();
        boolean simple = "simple".equals(tr.warmup());
        return switch (tr.name()) {
            case "exponential_moving_average" -> new Ema(period, simple);
            case "double_exponential_moving_average" -> new Dema(period, simple);
            case "triple_exponential_moving_average" -> new Tema(period, simple);
            case "triple_exponential_derivative" -> new Trix(period, simple);
            case "relative_strength_index" -> new UpDown(period, simple, false);
            case "chande_momentum_oscillator" -> tr.warmup() == null || tr.warmup().equals("none")
                    ? new ChandeMomentum(period) : new UpDown(period, simple, true);
            case "kaufmans_efficiency_ratio" -> new KaufmanEfficiency(period);
            case "kaufmans_adaptive_moving_average" -> new KaufmanAdaptive(period);
            default -> throw new IllegalArgumentException("not a technical-analysis function: " + tr.name());
        };
    }

    /** Whether 1.x drops infinite outputs of the function (its reducer checks {@code math.IsInf}). */
    static boolean dropsInfinity(String name) {
        return name.equals("triple_exponential_derivative") || name.startsWith("kaufmans_");
    }

    /** gota.DEMA: {@code 2 * ema1 - ema2(ema1)}; the second average starts after the first warmed (simple). */
    static final class Dema implements Indicator {
        private final Ema ema1;
        private final Ema ema2;

        Dema(int period, boolean simple) {
            ema1 = new Ema(period, simple);
            ema2 = new Ema(period, simple);
        }

        @Override
        public double add(double v) {
            double avg1 = ema1.add(v);
            double avg2 = ema1.passTo(ema2, avg1);
            return 2 * avg1 - avg2;
        }

        @Override
        public int warmCount() {
            return ema1.simpleWarmup() ? ema1.warmCount() + ema2.warmCount() : ema1.warmCount();
        }
    }

    /** gota.TEMA: {@code 3 * ema1 - 3 * ema2 + ema3}, each average fed by the previous one. */
    static final class Tema implements Indicator {
        private final Ema ema1;
        private final Ema ema2;
        private final Ema ema3;

        Tema(int period, boolean simple) {
            ema1 = new Ema(period, simple);
            ema2 = new Ema(period, simple);
            ema3 = new Ema(period, simple);
        }

        @Override
        public double add(double v) {
            double avg1 = ema1.add(v);
            double avg2 = ema1.passTo(ema2, avg1);
            double avg3 = ema2.passTo(ema3, avg2);
            return 3 * avg1 - 3 * avg2 + avg3;
        }

        @Override
        public int warmCount() {
            return ema1.simpleWarmup() ? ema1.warmCount() * 3 : ema1.warmCount();
        }
    }

    /**
     * gota.TRIX: the percentage change of a triple-smoothed average from one value to the next (1.x nests the
     * second and third averages; with simple warm-up an average is only fed once the one before it warmed, and
     * stays warmed, so feeding them in a row is the same).
     */
    static final class Trix implements Indicator {
        private final Ema ema1;
        private final Ema ema2;
        private final Ema ema3;
        private double last;
        private int count;

        Trix(int period, boolean simple) {
            ema1 = new Ema(period, simple);
            ema2 = new Ema(period, simple);
            ema3 = new Ema(period, simple);
        }

        @Override
        public double add(double v) {
            double cur = ema2.passTo(ema3, ema1.passTo(ema2, ema1.add(v)));
            double rate = ((cur / last) - 1) * 100;
            last = cur;
            if (count != 2 && ema3.warmed()) {
                count++;
            }
            return rate;
        }

        @Override
        public int warmCount() {
            return ema1.simpleWarmup() ? ema1.warmCount() * 3 + 1 : ema1.warmCount() + 1;
        }
    }

    /**
     * gota.RSI and gota.CMOS: Wilder averages of the rises and of the falls from the previous value (the first
     * value compares with 0); RSI answers {@code 100 - 100 / (1 + up / down)}, CMOS
     * {@code 100 * (up - down) / (up + down)}.
     */
    static final class UpDown implements Indicator {
        private final Ema up;
        private final Ema down;
        private final boolean chande;
        private double lastV;

        UpDown(int period, boolean simple, boolean chande) {
            up = Ema.wilder(period, simple);
            down = Ema.wilder(period, simple);
            this.chande = chande;
        }

        @Override
        public double add(double v) {
            double u = 0;
            double d = 0;
            if (v > lastV) {
                u = v - lastV;
            } else if (v < lastV) {
                d = lastV - v;
            }
            up.add(u);
            down.add(d);
            lastV = v;
            double lu = up.last();
            double ld = down.last();
            return chande ? 100.0 * ((lu - ld) / (lu + ld)) : 100 - (100 / (1 + lu / ld));
        }

        @Override
        public int warmCount() {
            return up.warmCount();
        }
    }
}
