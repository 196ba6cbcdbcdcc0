package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;

/**
 * One differential equation {@code d variable/dt = rhs}, subexpressions already inlined. The
 * variable is the state variable as the right-hand sides refer to it (ARRAY or SHARED kind);
 * integrators match it in expressions by name and kind.
 */
public record StateEquation(Expr.Var variable, Expr rhs) {

    /**
     * Brian2's {@code (unless refractory)} flag: the right-hand side becomes
     * {@code int(not_refractory)*(rhs)} (brian2/equations/refractory.py, add_refractoriness), so the
     * variable is frozen while the neuron is refractory.
     */
    public static StateEquation unlessRefractory(Expr.Var variable, Expr rhs, Expr notRefractory) {
        return new StateEquation(variable, Expr.mul(Expr.Call.of(Function.INT, notRefractory), rhs));
    }

    public String name() {
        return variable.name();
    }

    /** "dv/dt", for messages. */
    public String label() {
        return "d" + name() + "/dt";
    }
}
