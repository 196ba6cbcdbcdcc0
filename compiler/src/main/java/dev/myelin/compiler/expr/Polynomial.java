package dev.myelin.compiler.expr;

import java.util.ArrayList;
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

    /**
     * The polynomial at {@code x} by Estrin's scheme, {@code (c0 + x*c1) + x**2*(c2 + x*c3) + ...}
     * with {@code x**2, x**4, ...} as repeated products: the tree's depth grows with the logarithm
     * of the degree instead of linearly as with Horner's rule, which keeps trees cheap to walk.
     */
    public Expr at(Expr x) {
        List<Expr> terms = new ArrayList<>();
        for (double c : coefficients) {
            terms.add(Expr.num(c));
        }
        return estrin(terms, x);
    }

    /** {@code terms[0] + x*terms[1] + x**2*terms[2] + ...} by Estrin's scheme, for any coefficient expressions. */
    public static Expr estrin(List<Expr> coefficients, Expr x) {
        List<Expr> terms = new ArrayList<>(coefficients);
        Expr power = x;
        while (terms.size() > 1) {
            List<Expr> pairs = new ArrayList<>();
            for (int i = 0; i < terms.size(); i += 2) {
                pairs.add(i + 1 < terms.size() ? Expr.add(terms.get(i), Expr.mul(power, terms.get(i + 1))) : terms.get(i));
            }
            terms = pairs;
            power = Expr.mul(power, power);
        }
        return terms.get(0);
    }
}
