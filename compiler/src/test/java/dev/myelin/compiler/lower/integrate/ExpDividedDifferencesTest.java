package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Evaluator;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpDividedDifferencesTest {

    private static final MathContext MC = new MathContext(90);

    /** exp at the points seen so far in this test (JUnit makes one instance per test method). */
    private final Map<BigDecimal, BigDecimal> exps = new HashMap<>();
    private static final Expr.Var A = Vars.param("la");
    private static final Expr.Var B = Vars.param("lb");
    private static final Expr.Var C = Vars.param("lc");
    private static final Expr.Var D = Vars.param("ld");

    /** Eigenvalues (1/s) that are equal, nearly equal, far apart, zero and positive. */
    private static final double[] LAMBDAS = {0, -10, -50, -50 - 1e-7, -50 * (1 + 1e-12), -50.5, -200, -1e4, -3e5, 3};
    private static final double[] DTS = {1e-4, 1e-3};

    @Test
    void firstOrderIsAccurateForAnyPair() {
        checkAll(List.of(A, B), 2e-15);
    }

    @Test
    void secondOrderIsAccurateForAnyTriple() {
        checkAll(List.of(A, B, C), 2e-13);
    }

    @Test
    void structurallyEqualPointsUseConfluentForms() {
        checkAll(List.of(A, A, B), 1e-13);
        checkAll(List.of(B, A, A), 1e-13);
        checkAll(List.of(A, A, A), 2e-15);
        checkAll(List.of(A, A, A, A), 2e-15);
    }

    @Test
    void thirdOrderIsAccurateForWellSeparatedPoints() {
        double[] spread = {-10, -50, -200, -1000};
        for (double dt : DTS) {
            for (double a : spread) {
                for (double b : spread) {
                    for (double c : spread) {
                        for (double d : spread) {
                            if (a == b || a == c || a == d || b == c || b == d || c == d) {
                                continue;
                            }
                            check(List.of(A, B, C, D), new double[] {a, b, c, d}, dt, 1e-11);
                        }
                    }
                }
            }
        }
    }

    @Test
    void literalZeroBecomesTheBase() {
        List<Assignment> hoisted = new ArrayList<>();
        Expr e = differences(hoisted).of(List.of(A, Expr.num(0.0)));
        assertEquals("dt * exprel(la * dt)", ExprFormatter.format(dev.myelin.compiler.expr.Simplifier.symbolic().simplify(e)));
    }

    private void checkAll(List<Expr> points, double tolerance) {
        int n = points.size();
        int[] index = new int[n];
        double worst = 0;
        while (true) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = LAMBDAS[index[i]];
            }
            for (double dt : DTS) {
                worst = Math.max(worst, check(points, values, dt, tolerance));
            }
            int k = 0;
            while (k < n && ++index[k] == LAMBDAS.length) {
                index[k++] = 0;
            }
            if (k == n) {
                break;
            }
        }
        assertTrue(worst <= tolerance, "worst relative error " + worst);
    }

    /** Evaluates g[points] with the given values of la, lb, ... and compares with 90-digit arithmetic. */
    private double check(List<Expr> points, double[] values, double dt, double tolerance) {
        Map<String, Double> scope = new HashMap<>(Map.of("dt", dt));
        String[] names = {"la", "lb", "lc", "ld"};
        for (int i = 0; i < values.length; i++) {
            scope.put(names[i], values[i]);
        }
        List<Assignment> hoisted = new ArrayList<>();
        Expr e = differences(hoisted).of(points);
        for (Assignment a : hoisted) {
            scope.put(a.localName(), Evaluator.evaluate(a.value(), scope));
        }
        double actual = Evaluator.evaluate(e, scope);
        double[] pointValues = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            pointValues[i] = scope.get(((Expr.Var) points.get(i)).name());
        }
        double expected = reference(pointValues, dt);
        // the problem itself amplifies the rounding of each l*dt by |l*dt|, so measure relative to that
        double condition = 1;
        for (double l : pointValues) {
            condition = Math.max(condition, Math.abs(l * dt));
        }
        double error = Math.abs(actual - expected) / Math.abs(expected) / condition;
        assertTrue(error <= tolerance, () -> "g" + java.util.Arrays.toString(pointValues) + " dt=" + dt
                + ": " + actual + " vs " + expected + " (relative error / condition " + error + ")");
        return error;
    }

    private static ExpDividedDifferences differences(List<Assignment> hoisted) {
        return new ExpDividedDifferences(ExactIntegrator.DT, e -> {
            Assignment local = new Assignment("__z" + (hoisted.size() + 1), e);
            hoisted.add(local);
            return local.local();
        });
    }

    /** Divided difference of exp(l*dt) in 90-digit arithmetic; equal points are split by 1e-20. */
    double reference(double[] lambdas, double dt) {
        BigDecimal[] z = new BigDecimal[lambdas.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = new BigDecimal(lambdas[i]).add(new BigDecimal("1e-20").multiply(BigDecimal.valueOf(i)));
        }
        BigDecimal step = new BigDecimal(dt);
        return dividedDifference(z, 0, z.length - 1, step).doubleValue();
    }

    private BigDecimal dividedDifference(BigDecimal[] z, int from, int to, BigDecimal dt) {
        if (from == to) {
            return exps.computeIfAbsent(z[from].multiply(dt, MC), ExpDividedDifferencesTest::exp);
        }
        BigDecimal numerator = dividedDifference(z, from + 1, to, dt).subtract(dividedDifference(z, from, to - 1, dt), MC);
        return numerator.divide(z[to].subtract(z[from], MC), MC);
    }

    static BigDecimal exp(BigDecimal x) {
        return dev.myelin.compiler.expr.HighPrecision.exp(x);
    }
}
