package io.shardline.query.exec;

import java.util.function.ToDoubleFunction;

/**
 * 1.x's Nelder-Mead simplex minimiser ({@code query/neldermead}, after Michael F. Hutt): at most 1000
 * iterations, reflection 1, contraction 0.5, expansion 2, stopping when the standard deviation of the vertex
 * values falls below epsilon. Ported operation for operation, including that the objective function may
 * modify the vertex it is given (Holt-Winters constrains its parameters in place). Stateless.
 */
final class NelderMead {

    private static final int MAX_ITERATIONS = 1000;
    private static final double REFLECT = 1.0;
    private static final double CONTRACT = 0.5;
    private static final double EXPAND = 2.0;

    /** The minimum found and the vertex it was found at. */
    record Result(double value, double[] parameters) {
    }

    private NelderMead() {
    }

    static Result optimize(ToDoubleFunction<double[]> objective, double[] start, double epsilon, double scale) {
        int n = start.length;
        double[][] v = new double[n + 1][n];
        double[] f = new double[n + 1];
        double[] vr = new double[n];
        double[] ve = new double[n];
        double[] vc = new double[n];
        double[] vm = new double[n];
        double pn = scale * (Math.sqrt(n + 1) - 1 + n) / (n * Math.sqrt(2));
        double qn = scale * (Math.sqrt(n + 1) - 1) / (n * Math.sqrt(2));
        System.arraycopy(start, 0, v[0], 0, n);
        for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = (i - 1 == j ? pn : qn) + start[j];
            }
        }
        for (int j = 0; j <= n; j++) {
            f[j] = objective.applyAsDouble(v[j]);
        }
        for (int itr = 1; itr <= MAX_ITERATIONS; itr++) {
            int vg = 0;
            int vs = 0;
            for (int i = 0; i <= n; i++) {
                if (f[i] > f[vg]) {
                    vg = i;
                }
                if (f[i] < f[vs]) {
                    vs = i;
                }
            }
            int vh = vs;
            for (int i = 0; i <= n; i++) {
                if (f[i] > f[vh] && f[i] < f[vg]) {
                    vh = i;
                }
            }
            for (int i = 0; i < n; i++) {
                double cent = 0.0;
                for (int m = 0; m <= n; m++) {
                    if (m != vg) {
                        cent += v[m][i];
                    }
                }
                vm[i] = cent / n;
            }
            for (int i = 0; i < n; i++) {
                vr[i] = vm[i] + REFLECT * (vm[i] - v[vg][i]);
            }
            double fr = objective.applyAsDouble(vr);
            if (fr < f[vh] && fr >= f[vs]) {
                System.arraycopy(vr, 0, v[vg], 0, n);
                f[vg] = fr;
            }
            if (fr < f[vs]) {
                for (int i = 0; i < n; i++) {
                    ve[i] = vm[i] + EXPAND * (vr[i] - vm[i]);
                }
                double fe = objective.applyAsDouble(ve);
                if (fe < fr) {
                    System.arraycopy(ve, 0, v[vg], 0, n);
                    f[vg] = fe;
                } else {
                    System.arraycopy(vr, 0, v[vg], 0, n);
                    f[vg] = fr;
                }
            }
            if (fr >= f[vh]) {
                contract(objective, v, f, vr, vc, vm, fr, vg, vh, vs);
            }
            if (converged(f, epsilon)) {
                break;
            }
        }
        int vs = 0;
        for (int i = 0; i <= n; i++) {
            if (f[i] < f[vs]) {
                vs = i;
            }
        }
        double[] parameters = v[vs].clone();
        double min = objective.applyAsDouble(v[vs]);
        return new Result(min, parameters);
    }

    private static void contract(ToDoubleFunction<double[]> objective, double[][] v, double[] f, double[] vr,
            double[] vc, double[] vm, double fr, int vg, int vh, int vs) {
        int n = vr.length;
        if (fr < f[vg] && fr >= f[vh]) {
            for (int i = 0; i < n; i++) {
                vc[i] = vm[i] + CONTRACT * (vr[i] - vm[i]); // outside
            }
        } else {
            for (int i = 0; i < n; i++) {
                vc[i] = vm[i] - CONTRACT * (vm[i] - v[vg][i]); // inside
            }
        }
        double fc = objective.applyAsDouble(vc);
        if (fc < f[vg]) {
            System.arraycopy(vc, 0, v[vg], 0, n);
            f[vg] = fc;
        } else {
            // the contraction failed: halve the distance from the best vertex to every other one
            for (int row = 0; row <= n; row++) {
                if (row != vs) {
                    for (int i = 0; i < n; i++) {
                        v[row][i] = v[vs][i] + (v[row][i] - v[vs][i]) / 2.0;
                    }
                }
            }
            f[vg] = objective.applyAsDouble(v[vg]);
            f[vh] = objective.applyAsDouble(v[vh]);
        }
    }

    private static boolean converged(double[] f, double epsilon) {
        int n = f.length - 1;
        double fsum = 0.0;
        for (double x : f) {
            fsum += x;
        }
        double favg = fsum / (n + 1);
        double s = 0.0;
        for (double x : f) {
            s += GoMath.pow(x - favg, 2) / n;
        }
        return Math.sqrt(s) < epsilon;
    }
}
