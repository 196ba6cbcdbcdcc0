package dev.myelin.compiler.expr;

import java.util.function.UnaryOperator;

/**
 * The phi-functions of exponential integrators as IR trees that stay accurate at and near 0:
 * {@code phi1(z) = exprel(z) = (exp(z) - 1)/z} is a Brian2 function; {@code phi2(z) =
 * (exprel(z) - 1)/z = (exp(z) - 1 - z)/z**2} is not, so it is built here from a Taylor
 * polynomial for {@code |z| < 0.05} and the direct formula elsewhere.
 *
 * <p>The IR has no conditional, so the choice is arithmetic on a 0/1 mask
 * {@code c = int(abs(z) < 0.05)}: {@code c*P(c*z) + (1 - c)*D(z + c)}. The unused branch is
 * always evaluated at a harmless argument ({@code P(0)}, or {@code D} at {@code z + 1} with
 * {@code |z| < 0.05}), so it is finite and multiplying it by 0 contributes exactly 0. Worst
 * relative error is about 7e-15 (direct branch at the radius; the polynomial's truncation error
 * there is below 2e-17). {@code z} is duplicated in the tree, so pass a variable when it is large.
 */
public final class PhiFunctions {

    /** Below this |z| the Taylor polynomial is used. */
    public static final double TAYLOR_RADIUS = 0.05;

    /** phi2's Taylor polynomial; its truncation error below the radius is under 2e-17. */
    private static final Polynomial PHI2_SERIES = Polynomial.phiSeries(2, 7);

    private PhiFunctions() {
    }

    public static Expr phi1(Expr z) {
        return Expr.Call.of(Function.EXPREL, z);
    }

    /** {@code phi2(z) = (exp(z) - 1 - z)/z**2}, with {@code phi2(0) = 1/2}. */
    public static Expr phi2(Expr z) {
        return phi2(z, UnaryOperator.identity());
    }

    /**
     * {@code phi2(z)} with its repeated parts (the mask and the polynomial's argument) passed
     * through {@code hoist}, which may store them in locals and return the locals' variables.
     */
    public static Expr phi2(Expr z, UnaryOperator<Expr> hoist) {
        Expr mask = hoist.apply(Expr.Call.of(Function.INT,
                new Expr.Binary(Op.LT, Expr.Call.of(Function.ABS, z), Expr.num(TAYLOR_RADIUS))));
        Expr near = Expr.mul(mask, PHI2_SERIES.at(hoist.apply(Expr.mul(mask, z))));
        Expr shifted = Expr.add(z, mask);
        Expr direct = Expr.div(Expr.sub(phi1(shifted), Expr.num(1.0)), shifted);
        Expr far = Expr.mul(Expr.sub(Expr.Num.ofInt(1), mask), direct);
        return Expr.add(near, far);
    }

    /**
     * {@code d/dz exprel(z) = (z*exp(z) - exp(z) + 1)/z**2}, written as {@code exprel(z) -
     * phi2(z)} (an identity) so that it is 1/2 at {@code z = 0} instead of 0/0.
     */
    public static Expr exprelDerivative(Expr z) {
        return Expr.sub(phi1(z), phi2(z));
    }
}
