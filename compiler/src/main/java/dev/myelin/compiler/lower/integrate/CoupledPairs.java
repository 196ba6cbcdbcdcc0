package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact integration of linear systems whose feedback loops are pairs of variables (strongly
 * connected components of size 2, e.g. the adaptive LIF {@code v <-> w}), by a change of basis
 * that makes every pair triangular, so that {@link ExactIntegrator}'s chain/divided-difference
 * machinery applies unchanged to the whole block-triangular system (drivers such as a synaptic
 * current feeding the pair, and variables reading the pair, included).
 *
 * <p>For a pair {@code x1, x2} (declaration order) with block {@code [[a, b], [c, d]]}: let
 * {@code h = (a - d)/2}, {@code m = (a + d)/2}, {@code s = sqrt(h^2 + b*c)}; the eigenvalues are
 * {@code m +- s}. With {@code y2 = x2 - p*x1} and {@code p} a root of {@code b p^2 + 2h p - c = 0},
 * the block becomes {@code [[l1, b], [0, l2]]} with {@code l1 = a + b*p}, {@code l2 = d - b*p}.
 * The root is taken in the cancellation-free form {@code p = c/(h + sigma*s)}, {@code sigma =
 * sign(h)} (+1 at 0), so {@code l1 = m + sigma*s}, {@code l2 = m - sigma*s}; it involves no
 * division by {@code s}, and the divided differences of {@code exp} at {@code l1, l2} stay exact
 * when the eigenvalues coincide ({@code s -> 0}, critical damping). Then {@code x1 = y1} and
 * {@code x2 = y2 + p*x1}: rows read {@code x1} with coefficient {@code A[r][x1] + p*A[r][x2]}, and
 * {@code y2}'s row is {@code row(x2) - p*row(x1)}. The new value of {@code x2} is computed from the
 * new {@code y2} and the new {@code x1} at the end.
 *
 * <p>Complex eigenvalues ({@code h^2 + b*c < 0}): Brian2 2.5.1 (stateupdaters/exact.py) rejects
 * the system when its sympy solution contains {@code I}, which happens when the coefficients are
 * plain numbers; when they involve named values (constants with units, parameters) the symbolic
 * solution has {@code sqrt(...)} of an unknown sign, Brian2 accepts it and the run produces NaN
 * (checked with Brian2: {@code R = 500*Mohm, a = 20*nS} gives {@code v = nan}). Here the
 * coefficients are folded to literals wherever they are known at compile time, so a literal
 * negative {@code h^2 + b*c} is rejected with Brian2's reason, and otherwise the generated sqrt
 * gives NaN at run time like Brian2's code does.
 *
 * <p>LIMITATIONS: when {@code h} and {@code b*c} are both (near) 0 at run time, {@code p} is
 * (near) {@code c/0}: the result is NaN/inf if {@code h = b*c = 0} exactly (a pair whose coupling
 * is switched off by a parameter that is 0 and equal diagonal entries), and loses accuracy
 * roughly by the factor {@code |p|} when {@code h = 0} and {@code |b| << |c|}. A singular block
 * (an eigenvalue 0) is integrated like the singular triangular systems ExactIntegrator already
 * accepts, where Brian2 may refuse.
 */
final class CoupledPairs {

    private CoupledPairs() {
    }

    static StateUpdate integrate(LinearSystem linear, List<int[]> pairs) throws UnsupportedEquationsException {
        Simplifier simplifier = Simplifier.symbolic();
        int n = linear.size();
        List<Expr.Var> variables = new ArrayList<>(linear.variables());
        List<List<Expr>> matrix = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            matrix.add(new ArrayList<>(linear.matrix().get(r)));
        }
        List<Expr> constants = new ArrayList<>(linear.constants());
        List<Assignment> prelude = new ArrayList<>();
        List<Assignment> epilogue = new ArrayList<>();

        for (int[] pair : pairs) {
            int i = pair[0];
            int j = pair[1];
            Expr.Var x1 = linear.variables().get(i);
            Expr.Var x2 = linear.variables().get(j);
            String tag = x2.name();
            Expr a = linear.coefficient(i, i);
            Expr b = linear.coefficient(i, j);
            Expr c = linear.coefficient(j, i);
            Expr d = linear.coefficient(j, j);
            Expr h = local(prelude, simplifier, "__h_" + tag, Expr.div(Expr.sub(a, d), Expr.num(2.0)));
            Expr mean = local(prelude, simplifier, "__m_" + tag, Expr.div(Expr.add(a, d), Expr.num(2.0)));
            Expr discriminant = simplifier.simplify(Expr.add(Expr.mul(h, h), Expr.mul(b, c)));
            if (discriminant instanceof Expr.Num num && num.value() < 0) {
                throw new UnsupportedEquationsException("The solution to the linear system contains complex values"
                        + " which is currently not implemented: the feedback between " + x1.name() + " and "
                        + x2.name() + " oscillates (eigenvalues " + format(simplifier.simplify(mean)) + " +- "
                        + format(simplifier.simplify(Expr.Call.of(Function.SQRT, Expr.neg(discriminant))))
                        + "*i); use method 'rk4'");
            }
            Expr s = local(prelude, simplifier, "__s_" + tag, Expr.Call.of(Function.SQRT, discriminant));
            // sigma = sign(h), +1 at h = 0, as an INT: 2*int(h >= 0) - 1
            Expr sigma = local(prelude, simplifier, "__sg_" + tag, Expr.sub(Expr.mul(Expr.Num.ofInt(2),
                    Expr.Call.of(Function.INT, new Expr.Binary(Op.GE, h, Expr.num(0.0)))), Expr.Num.ofInt(1)));
            Expr root = local(prelude, simplifier, "__sr_" + tag, Expr.mul(sigma, s));
            Expr p = local(prelude, simplifier, "__p_" + tag, Expr.div(c, Expr.add(h, root)));
            Expr l1 = local(prelude, simplifier, "__l1_" + tag, Expr.add(mean, root));
            Expr l2 = local(prelude, simplifier, "__l2_" + tag, Expr.sub(mean, root));
            Expr.Var y2 = new Expr.Var("__y_" + tag, VarKind.LOCAL, ValueType.DOUBLE, "");
            prelude.add(new Assignment(y2.name(), simplifier.simplify(Expr.sub(x2, Expr.mul(p, x1)))));

            // columns: other rows read x1 with A[r][i] + p*A[r][j], y2 with A[r][j]
            for (int r = 0; r < n; r++) {
                if (r != i && r != j) {
                    Expr viaX2 = matrix.get(r).get(j);
                    if (!LinearSystem.isStructuralZero(viaX2)) {
                        matrix.get(r).set(i, simplifier.simplify(Expr.add(matrix.get(r).get(i), Expr.mul(p, viaX2))));
                    }
                }
            }
            // rows: y2's row is row(x2) - p*row(x1) outside the pair
            for (int k = 0; k < n; k++) {
                if (k != i && k != j) {
                    Expr fromX1 = matrix.get(i).get(k);
                    if (!LinearSystem.isStructuralZero(fromX1)) {
                        matrix.get(j).set(k, simplifier.simplify(Expr.sub(matrix.get(j).get(k), Expr.mul(p, fromX1))));
                    }
                }
            }
            if (!LinearSystem.isStructuralZero(constants.get(i))) {
                constants.set(j, simplifier.simplify(Expr.sub(constants.get(j), Expr.mul(p, constants.get(i)))));
            }
            matrix.get(i).set(i, l1);
            matrix.get(i).set(j, b);
            matrix.get(j).set(i, Expr.num(0.0));
            matrix.get(j).set(j, l2);
            variables.set(j, y2);
            // x2(t + dt) = y2(t + dt) + p*x1(t + dt)
            epilogue.add(new Assignment("_" + x2.name(), simplifier.simplify(Expr.add(
                    Expr.Var.local("_" + y2.name()), Expr.mul(p, Expr.Var.local("_" + x1.name()))))));
        }

        StateUpdate triangular = new ExactIntegrator.Build(new LinearSystem(variables, matrix, constants), prelude)
                .update();
        List<Assignment> steps = new ArrayList<>(triangular.steps());
        steps.addAll(epilogue);
        List<StateUpdate.Write> writes = new ArrayList<>();
        for (Expr.Var x : linear.variables()) {
            writes.add(new StateUpdate.Write(x, Expr.Var.local("_" + x.name())));
        }
        return new StateUpdate(steps, writes);
    }

    /** {@code value} simplified; a literal or variable as it is, anything else in a new local. */
    private static Expr local(List<Assignment> prelude, Simplifier simplifier, String name, Expr value) {
        Expr simplified = simplifier.simplify(value);
        if (simplified instanceof Expr.Num || simplified instanceof Expr.Var) {
            return simplified;
        }
        Assignment assignment = new Assignment(name, simplified);
        prelude.add(assignment);
        return assignment.local();
    }

    private static String format(Expr e) {
        return ExprFormatter.format(e);
    }
}
