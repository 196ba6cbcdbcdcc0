package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhiFunctionsTest {

    private static final Expr.Var Z = Expr.Var.local("z");
    private static final MathContext MC = new MathContext(60);

    @Test
    void phi2IsAccurateEverywhereIncludingZero() {
        Expr phi2 = PhiFunctions.phi2(Z);
        double[] points = {0.0, -0.0, 1e-300, 1e-12, -1e-8, 1e-4, 0.0499999, 0.05, -0.05, 0.050001, 0.3, -1, 5, -40, 100};
        for (double z : points) {
            double expected = phi2Reference(z);
            double actual = Evaluator.evaluate(phi2, Map.of("z", z));
            assertEquals(expected, actual, 1e-14 * Math.abs(expected), "phi2(" + z + ")");
        }
    }

    @Test
    void phiSeriesCoefficients() {
        assertEquals(java.util.List.of(0.5, 1.0 / 6, 1.0 / 24), Polynomial.phiSeries(2, 2).coefficients());
        assertEquals(java.util.List.of(1.0, 1.0, 0.5), Polynomial.phiSeries(0, 2).coefficients());
    }

    /** (e^z - 1 - z)/z^2 in 60-digit arithmetic (series for small z). */
    static double phi2Reference(double z) {
        BigDecimal x = new BigDecimal(z);
        if (Math.abs(z) < 1) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal term = new BigDecimal("0.5");
            for (int n = 0; n < 80; n++) {
                sum = sum.add(term, MC);
                term = term.multiply(x, MC).divide(BigDecimal.valueOf(n + 3), MC);
            }
            return sum.doubleValue();
        }
        BigDecimal e = exp(x);
        return e.subtract(BigDecimal.ONE).subtract(x).divide(x.multiply(x), MC).doubleValue();
    }

    static BigDecimal exp(BigDecimal x) {
        return dev.myelin.compiler.expr.HighPrecision.exp(x);
    }
}
