package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.expr.Substitution;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands an {@link ExplicitScheme} for a system, as Brian2's ExplicitStateUpdater does: each
 * stage is computed for ALL variables before the next stage, {@code f(state, time)} meaning the
 * right-hand side with every state variable {@code y} replaced by the stage's state template for
 * {@code y} (e.g. {@code y + __k1_y/2}) and {@code t} by the time template (e.g. {@code t + dt/2}).
 *
 * <p>Steps: {@code __<stage>_<var> = dt*f(...)} per stage and variable, then {@code _<var> =
 * output}; writes {@code var = _var}. The right-hand sides are not simplified, so the arithmetic
 * is what the user wrote. A right-hand side that calls {@code rand()} is copied into each stage,
 * and each copy draws anew (its call sites are moved by {@link RandomCalls#drawAgain}).
 */
public final class ExplicitIntegrator {

    private ExplicitIntegrator() {
    }

    public static StateUpdate integrate(OdeSystem system, ExplicitScheme scheme) {
        List<Assignment> steps = new ArrayList<>();
        int copy = 0;
        for (ExplicitScheme.Stage stage : scheme.stages()) {
            Substitution arguments = Substitution.of(ExplicitScheme.T, stage.time());
            for (StateEquation eq : system.equations()) {
                arguments = arguments.and(eq.variable(), scheme.instantiate(stage.state(), eq.variable()));
            }
            for (StateEquation eq : system.equations()) {
                // Each stage evaluates the right-hand side anew, so rand() draws anew, as in Brian2.
                steps.add(new Assignment(stageLocal(stage, eq.variable()),
                        Expr.mul(ExplicitScheme.DT, RandomCalls.drawAgain(arguments.apply(eq.rhs()), copy))));
            }
            copy++;
        }
        List<StateUpdate.Write> writes = new ArrayList<>();
        for (StateEquation eq : system.equations()) {
            String local = "_" + eq.name();
            steps.add(new Assignment(local, scheme.instantiate(scheme.output(), eq.variable())));
            writes.add(new StateUpdate.Write(eq.variable(), Expr.Var.local(local)));
        }
        return new StateUpdate(steps, writes);
    }

    /** {@code __k1_v}: the value of stage {@code k1} for variable {@code v}. */
    static String stageLocal(ExplicitScheme.Stage stage, Expr.Var variable) {
        return "__" + stage.name() + "_" + variable.name();
    }
}
