package dev.myelin.compiler.expr;

import java.util.List;

/** A polynomial with literal coefficients, lowest degree first, printed in Horner form. */
public record Polynomial(List<Double> coefficients) {

    public Polynomial {
        coefficients = List.copyOf(coefficients);
        if (coefficients.isEmpty()) {
            throw new IllegalArgumentException("a polynomial needs at least one coefficient");
        }
    }

    /**
     * The Taylor polynomial of {@code phi_k(z) = sum over n >= 0 of z^n/(n + k)!} up to
     * {@code z^degree} ({@code phi_0 = exp}, {@code phi_1 = exprel}, {@code phi_2 = (exprel(z) - 1)/z}).
     */
    public static Polynomial phiSeries(int k, int degree) {
        Double[] c = new Double[degree + 1];
        double factorial = 1;
        for (int i = 2; i <= k; i++) {
            factorial *= i;
        }
        for (int n = 0; n <= degree; n++) {
            c[n] = 1 / factorial; // factorials up to 18! are exact doubles
            factorial *= n + k + 1;
        }
        return new Polynomial(List.of(c));
    }

    /** {@code c0 + x*(c1 + x*(c2 + ...))}. */
    public Expr at(Expr x) {
        Expr sum = Expr.num(coefficients.get(coefficients.size() - 1));
        for (int i = coefficients.size() - 2; i >= 0; i--) {
            sum = Expr.add(Expr.num(coefficients.get(i)), Expr.mul(x, sum));
        }
        return sum;
    }
}
