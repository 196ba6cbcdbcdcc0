package dev.myelin.compiler.expr;

import java.math.BigDecimal;
import java.math.MathContext;

/** Reference values for tests: exp computed with 90 significant digits. */
public final class HighPrecision {

    public static final MathContext MC = new MathContext(90);

    private HighPrecision() {
    }

    /** exp(x) by halving, a Taylor series, and squaring back. */
    public static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(new BigDecimal("0.5")) > 0) {
            y = y.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal negligible = new BigDecimal("1e-95");
        for (int n = 1; term.abs().compareTo(negligible) > 0; n++) {
            sum = sum.add(term, MC);
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(n), MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }
}
