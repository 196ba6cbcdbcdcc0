package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Derivative;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.NotDifferentiableException;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a system is linear with coefficients constant over a time step, {@code dx/dt = A x + b}
 * (the condition of Brian2's exact integrator: brian2/stateupdaters/exact.py, get_linear_system
 * and the is_constant_over_dt checks in LinearStateUpdater).
 *
 * <p>{@code A[i][j] = d rhs_i / d x_j} must be free of all state variables, which makes
 * {@code rhs_i} affine in the state, so {@code b_i} is {@code rhs_i} with every state variable
 * set to 0. Both are simplified with {@link Simplifier#symbolic()}. {@code t} and random calls
 * are rejected because they are not constant over a step.
 */
public sealed interface LinearForm permits LinearForm.Linear, LinearForm.NotLinear {

    record Linear(LinearSystem system) implements LinearForm {
    }

    /** {@code reason} is a sentence for the user, naming the equation and the offending term. */
    record NotLinear(String reason) implements LinearForm {
    }

    static LinearForm of(OdeSystem system) {
        List<String> names = system.names();
        Substitution allZero = Substitution.none();
        for (StateEquation eq : system.equations()) {
            allZero = allZero.and(eq.variable(), Expr.num(0.0));
        }
        List<List<Expr>> matrix = new ArrayList<>();
        List<Expr> constants = new ArrayList<>();
        for (StateEquation eq : system.equations()) {
            Expr rhs = eq.rhs();
            if (RandomCalls.in(rhs)) {
                return new NotLinear(eq.label() + " draws random numbers, which are not constant over a time step;"
                        + " exact integration does not support that");
            }
            // A timed array is constant over a step (as Brian2's TimedArray.is_locally_constant): its t does not count.
            if (dependsOnTime(rhs)) {
                return new NotLinear(eq.label() + " depends on t, which exact integration does not support");
            }
            List<Expr> row = new ArrayList<>();
            for (String x : names) {
                Expr coefficient;
                try {
                    coefficient = Derivative.of(rhs, x);
                } catch (NotDifferentiableException e) {
                    return notLinearIn(eq, x);
                }
                if (FreeVariables.references(coefficient, x)) {
                    return notLinearIn(eq, x);
                }
                for (String other : names) {
                    if (FreeVariables.references(coefficient, other)) {
                        return new NotLinear("the coefficient of " + x + " in " + eq.label() + " depends on " + other
                                + " (" + ExprFormatter.format(coefficient) + ")");
                    }
                }
                row.add(coefficient);
            }
            matrix.add(row);
            constants.add(Simplifier.symbolic().simplify(allZero.apply(rhs)));
        }
        return new Linear(new LinearSystem(
                system.equations().stream().map(StateEquation::variable).toList(), matrix, constants));
    }

    private static NotLinear notLinearIn(StateEquation eq, String x) {
        Expr culprit = NonlinearTerm.in(eq.rhs(), x);
        return new NotLinear(eq.label() + " is not linear in " + x + ": it contains " + ExprFormatter.format(culprit));
    }

    /** Whether {@code e} depends on t other than through timed arrays, which are constant over a step. */
    static boolean dependsOnTime(Expr e) {
        return FreeVariables.referencesKind(withoutTables(e), VarKind.TIME);
    }

    /** The expression with timed-array lookups replaced by a constant stand-in. */
    private static Expr withoutTables(Expr e) {
        if (e instanceof Expr.Call c && c.fn() == dev.myelin.compiler.expr.Function.TABLE) return Expr.Num.of(1);
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), withoutTables(u.operand()));
        if (e instanceof Expr.Binary b) return new Expr.Binary(b.op(), withoutTables(b.left()), withoutTables(b.right()));
        if (e instanceof Expr.Call c) return new Expr.Call(c.fn(), c.args().stream().map(LinearForm::withoutTables).toList(), c.site());
        return e;
    }
}
