package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.PhiFunctions;
import dev.myelin.compiler.expr.Polynomial;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Divided differences of {@code g(l) = exp(l*dt)} at symbolic points {@code l_0..l_k} (the
 * eigenvalues along a dependency chain), as IR trees that stay finite and accurate when points
 * coincide at run time. They are the entries of {@code expm(T*dt)} for a triangular {@code T}:
 * unrolling Parlett's recurrence gives {@code F_ij = sum over chains i -> ... -> j of the product
 * of the off-diagonal entries times g[l_i, ..., l_j]}.
 *
 * <ul>
 *   <li>order 0: {@code exp(l*dt)}.
 *   <li>order 1: {@code dt*exp(a*dt)*exprel((b - a)*dt)}; exact for {@code a == b} at run time.
 *   <li>order 2: {@code dt*dt*exp(a*dt)*G(u, v)} with {@code u = (b - a)*dt}, {@code v = (c - a)*dt}
 *       and {@code G(u, v) = g[0, u, v]} for {@code dt = 1}. G is computed by whichever of its three
 *       recurrences divides by the largest of {@code |u|, |v|, |v - u|} (so cancellation costs at
 *       most a factor 1/0.05 of rounding), or by its Taylor series when all three are below 0.05.
 *       The choice is made at run time with 0/1 masks (the IR has no conditional). Two points that
 *       are structurally equal give the confluent form {@code dt*dt*exp(r*dt)*phi2((s - r)*dt)}.
 *   <li>order 3 and more: the recurrence {@code g[S] = (g[S - q] - g[S - p])/(p - q)} with
 *       {@code p}, {@code q} structurally different points (all points equal: {@code dt^k/k! *
 *       exp(l*dt)}). LIMITATION: if {@code p} and {@code q} are different expressions with equal
 *       values at run time this divides 0 by 0, and it loses accuracy as they approach each other.
 * </ul>
 *
 * <p>A point that is a literal 0 (the constant input, a pure integrator) is used as the base
 * {@code a}, which turns {@code exp(a*dt)} into 1. All forms overflow to NaN when some
 * {@code (l_j - l_i)*dt} exceeds about 700 (time constants more than ~700 times apart relative
 * to dt).
 */
final class ExpDividedDifferences {

    /** Below this size of |u|, |v| and |v - u| the order-2 Taylor series is used. */
    static final double TAYLOR_RADIUS = 0.05;
    private static final int TAYLOR_DEGREE = 7;

    private final Expr dt;
    private final UnaryOperator<Expr> hoist;

    /**
     * @param hoist stores an expression in a local and returns the local's variable; order-2 forms
     *              read their arguments many times, so they are computed once.
     */
    ExpDividedDifferences(Expr dt, UnaryOperator<Expr> hoist) {
        this.dt = dt;
        this.hoist = hoist;
    }

    /** {@code g[points]}; the first point is the preferred base (the updated variable's eigenvalue). */
    Expr of(List<Expr> points) {
        List<Expr> ordered = new ArrayList<>(points);
        for (int i = 0; i < ordered.size(); i++) {
            if (LinearSystem.isStructuralZero(ordered.get(i))) {
                ordered.add(0, ordered.remove(i)); // exp(0*dt) = 1: use the zero as base
                break;
            }
        }
        return switch (ordered.size()) {
            case 1 -> exp(ordered.get(0));
            case 2 -> first(ordered.get(0), ordered.get(1));
            case 3 -> second(ordered.get(0), ordered.get(1), ordered.get(2));
            default -> higher(ordered);
        };
    }

    private Expr exp(Expr lambda) {
        return Expr.Call.of(Function.EXP, Expr.mul(lambda, dt));
    }

    private Expr first(Expr a, Expr b) {
        if (a.equals(b)) {
            return Expr.mul(dt, exp(a));
        }
        Expr difference = Expr.mul(Expr.sub(b, a), dt);
        return Expr.mul(Expr.mul(dt, exp(a)), PhiFunctions.phi1(difference));
    }

    private Expr second(Expr a, Expr b, Expr c) {
        Expr scale = Expr.mul(Expr.mul(dt, dt), exp(a));
        if (a.equals(b) && b.equals(c)) {
            return Expr.div(scale, Expr.num(2.0));
        }
        if (a.equals(b) || a.equals(c) || b.equals(c)) { // g[r, r, s] = dt^2 exp(r*dt) phi2((s - r)*dt)
            Expr repeated = a.equals(b) || a.equals(c) ? a : b;
            Expr single = a.equals(b) ? c : a.equals(c) ? b : a;
            Expr confluentScale = Expr.mul(Expr.mul(dt, dt), exp(repeated));
            return Expr.mul(confluentScale, PhiFunctions.phi2(hoist.apply(Expr.mul(Expr.sub(single, repeated), dt)), hoist));
        }
        Expr u = hoist.apply(Expr.mul(Expr.sub(b, a), dt));
        Expr v = hoist.apply(Expr.mul(Expr.sub(c, a), dt));
        return Expr.mul(scale, robustSecond(u, v));
    }

    /**
     * {@code g[0, u, v]} for {@code dt = 1}, accurate for any u, v (see the class comment). The
     * masks and the series' inner polynomials are hoisted into locals: this keeps the trees shallow
     * (their size and depth would otherwise grow with the series degree) and each is computed once.
     */
    private Expr robustSecond(Expr u, Expr v) {
        Expr w = hoist.apply(Expr.sub(v, u));
        Expr absU = Expr.Call.of(Function.ABS, u);
        Expr absV = Expr.Call.of(Function.ABS, v);
        Expr absW = Expr.Call.of(Function.ABS, w);
        Expr radius = Expr.num(TAYLOR_RADIUS);
        Expr small = and(and(less(absU, radius), less(absV, radius)), less(absW, radius));
        Expr wLargest = and(ge(absW, absU), ge(absW, absV));
        Expr vLarger = ge(absV, absU);
        Expr notSmall = new Expr.Unary(Op.NOT, small);
        Expr notW = new Expr.Unary(Op.NOT, wLargest);
        Expr useTaylor = hoist.apply(mask(small));
        Expr useA = hoist.apply(mask(and(notSmall, wLargest)));
        Expr useB = hoist.apply(mask(and(and(notSmall, notW), vLarger)));
        Expr useC = hoist.apply(mask(and(and(notSmall, notW), new Expr.Unary(Op.NOT, vLarger))));

        // g[0,u,v] = (g[0,v] - g[0,u])/(v - u) = (g[u,v] - g[0,u])/v = (g[v,u] - g[0,v])/u.
        // Each formula reads u and v times its own mask, so the unused ones see 0 and stay finite.
        Expr uA = hoist.apply(Expr.mul(useA, u));
        Expr vA = hoist.apply(Expr.mul(useA, v));
        Expr formulaA = Expr.div(Expr.sub(PhiFunctions.phi1(vA), PhiFunctions.phi1(uA)),
                guard(Expr.sub(vA, uA), useA));
        Expr uB = hoist.apply(Expr.mul(useB, u));
        Expr vB = hoist.apply(Expr.mul(useB, v));
        Expr formulaB = Expr.div(Expr.sub(Expr.mul(Expr.Call.of(Function.EXP, uB), PhiFunctions.phi1(Expr.sub(vB, uB))),
                PhiFunctions.phi1(uB)), guard(vB, useB));
        Expr uC = hoist.apply(Expr.mul(useC, u));
        Expr vC = hoist.apply(Expr.mul(useC, v));
        Expr formulaC = Expr.div(Expr.sub(Expr.mul(Expr.Call.of(Function.EXP, vC), PhiFunctions.phi1(Expr.sub(uC, vC))),
                PhiFunctions.phi1(vC)), guard(uC, useC));
        Expr taylor = taylorSecond(hoist.apply(Expr.mul(useTaylor, u)), hoist.apply(Expr.mul(useTaylor, v)));

        return Expr.add(Expr.add(Expr.add(Expr.mul(useTaylor, taylor), Expr.mul(useA, formulaA)),
                Expr.mul(useB, formulaB)), Expr.mul(useC, formulaC));
    }

    /**
     * {@code sum over j + k <= 7 of u^j v^k / (j + k + 2)!}, the series of {@code g[0, u, v]}, as a
     * polynomial in u whose coefficients (polynomials in v) are locals. The truncation error for
     * |u|, |v| < 0.05 is below 1e-16 relative.
     */
    private Expr taylorSecond(Expr u, Expr v) {
        List<Expr> inner = new ArrayList<>();
        for (int j = 0; j <= TAYLOR_DEGREE; j++) { // sum over k of v^k/(j + k + 2)!
            inner.add(hoist.apply(Polynomial.phiSeries(j + 2, TAYLOR_DEGREE - j).at(v)));
        }
        return Polynomial.estrin(inner, u);
    }

    /** The recurrence for order 3+, pivoting on structurally different points. */
    private Expr higher(List<Expr> points) {
        int p = -1;
        int q = -1;
        for (int i = 1; i < points.size() && p < 0; i++) {
            if (!points.get(i).equals(points.get(0))) {
                p = i;
                q = 0;
            }
        }
        if (p < 0) { // all equal: dt^k/k! * exp(l*dt)
            Expr power = dt;
            double factorial = 1;
            for (int k = 2; k < points.size(); k++) {
                power = Expr.mul(power, dt);
                factorial *= k;
            }
            return Expr.mul(Expr.div(power, Expr.num(factorial)), exp(points.get(0)));
        }
        List<Expr> withoutQ = new ArrayList<>(points);
        withoutQ.remove(q);
        List<Expr> withoutP = new ArrayList<>(points);
        withoutP.remove(p);
        return Expr.div(Expr.sub(of(withoutQ), of(withoutP)), Expr.sub(points.get(p), points.get(q)));
    }

    private static Expr mask(Expr condition) {
        return Expr.Call.of(Function.INT, condition);
    }

    /** {@code d} where the branch is used, 1 elsewhere, so unused branches never divide by 0. */
    private static Expr guard(Expr d, Expr use) {
        return Expr.add(Expr.mul(d, use), Expr.sub(Expr.Num.ofInt(1), use));
    }

    private static Expr and(Expr a, Expr b) {
        return new Expr.Binary(Op.AND, a, b);
    }

    private static Expr less(Expr a, Expr b) {
        return new Expr.Binary(Op.LT, a, b);
    }

    private static Expr ge(Expr a, Expr b) {
        return new Expr.Binary(Op.GE, a, b);
    }
}
