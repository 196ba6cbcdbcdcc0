package dev.myelin.compiler.lower.integrate;

import java.util.function.BiFunction;

/** A reference solution: classical RK4 in plain Java with many substeps. */
final class FineRk4 {

    private FineRk4() {
    }

    /** Integrates {@code x' = f(t, x)} from t0 over {@code span} in {@code steps} substeps. */
    static double[] solve(BiFunction<Double, double[], double[]> f, double t0, double[] x0, double span, int steps) {
        double h = span / steps;
        double[] x = x0.clone();
        for (int s = 0; s < steps; s++) {
            double t = t0 + s * h;
            double[] k1 = f.apply(t, x);
            double[] k2 = f.apply(t + h / 2, axpy(x, h / 2, k1));
            double[] k3 = f.apply(t + h / 2, axpy(x, h / 2, k2));
            double[] k4 = f.apply(t + h, axpy(x, h, k3));
            for (int i = 0; i < x.length; i++) {
                x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return x;
    }

    private static double[] axpy(double[] x, double a, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] + a * y[i];
        }
        return r;
    }
}
