package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Derivative;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.NotDifferentiableException;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.Substitution;

import java.util.ArrayList;
import java.util.List;

/**
 * Brian2's exponential Euler (brian2/stateupdaters/exponential_euler.py): each right-hand side
 * must be conditionally linear in its own variable, {@code f = A*x + B} with A and B free of
 * {@code x} (they may depend on other state variables and on {@code t}). Then, with every
 * variable's update reading the OLD values of all variables:
 *
 * <pre>
 *   A == 0:  _x = x + dt*B
 *   B == 0:  _x = x*exp(A*dt)
 *   else:    __BA_x = B/A
 *            _x = (x + __BA_x)*exp(A*dt) - __BA_x
 * </pre>
 *
 * which is Brian2's code except that A and B are not rearranged by sympy. {@code A = df/dx} and
 * {@code B = f[x := 0]}, both simplified symbolically; "A == 0" and "B == 0" are structural.
 */
public final class ExponentialEuler {

    private ExponentialEuler() {
    }

    public static StateUpdate integrate(OdeSystem system) throws UnsupportedEquationsException {
        Simplifier simplifier = Simplifier.symbolic();
        Expr dt = ExactIntegrator.DT;
        List<Assignment> steps = new ArrayList<>();
        List<StateUpdate.Write> writes = new ArrayList<>();
        for (StateEquation eq : system.equations()) {
            Expr.Var x = eq.variable();
            if (RandomCalls.in(eq.rhs())) {
                throw new UnsupportedEquationsException(eq.label() + " draws random numbers; exponential Euler"
                        + " would use the right-hand side twice and so draw twice");
            }
            Expr a = coefficient(eq);
            Expr b = simplifier.simplify(Substitution.of(x, Expr.num(0.0)).apply(eq.rhs()));
            Expr update;
            if (LinearSystem.isStructuralZero(a)) {
                update = Expr.add(x, Expr.mul(dt, b));
            } else if (LinearSystem.isStructuralZero(b)) {
                update = Expr.mul(x, exp(a, dt));
            } else {
                Assignment ba = new Assignment("__BA_" + x.name(), Expr.div(b, a));
                steps.add(ba);
                update = Expr.sub(Expr.mul(Expr.add(x, ba.local()), exp(a, dt)), ba.local());
            }
            steps.add(new Assignment("_" + x.name(), update));
            writes.add(new StateUpdate.Write(x, Expr.Var.local("_" + x.name())));
        }
        return new StateUpdate(steps, writes);
    }

    /** {@code A = df/dx}, or the reason the equation is not conditionally linear. */
    private static Expr coefficient(StateEquation eq) throws UnsupportedEquationsException {
        String x = eq.name();
        Expr a;
        try {
            a = Derivative.of(eq.rhs(), x);
        } catch (NotDifferentiableException e) {
            throw notConditionallyLinear(eq);
        }
        if (FreeVariables.references(a, x)) {
            throw notConditionallyLinear(eq);
        }
        return a;
    }

    private static UnsupportedEquationsException notConditionallyLinear(StateEquation eq) {
        Expr culprit = NonlinearTerm.in(eq.rhs(), eq.name());
        return new UnsupportedEquationsException(eq.label() + " is not conditionally linear in " + eq.name()
                + " (it contains " + ExprFormatter.format(culprit) + "); exponential Euler needs "
                + eq.label() + " = A*" + eq.name() + " + B with A and B independent of " + eq.name());
    }

    private static Expr exp(Expr a, Expr dt) {
        return Expr.Call.of(Function.EXP, Expr.mul(a, dt));
    }
}
