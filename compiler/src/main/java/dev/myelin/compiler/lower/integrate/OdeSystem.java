package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differential equations of one group, in declaration order. Every variable not integrated
 * here (parameters, other groups' variables, {@code not_refractory}, ...) is treated as constant
 * over a time step; {@code t} is the time at the start of the step.
 */
public record OdeSystem(List<StateEquation> equations) {

    public OdeSystem {
        equations = List.copyOf(equations);
        Set<String> seen = new HashSet<>();
        for (StateEquation eq : equations) {
            if (!seen.add(eq.name())) {
                throw new IllegalArgumentException("two equations for " + eq.name());
            }
        }
    }

    /** The state variables in order, with each one's right-hand side looked up by name. */
    public static OdeSystem of(List<Expr.Var> variables, Map<String, Expr> rhs) {
        List<StateEquation> equations = new ArrayList<>();
        for (Expr.Var v : variables) {
            Expr r = rhs.get(v.name());
            if (r == null) {
                throw new IllegalArgumentException("no right-hand side for " + v.name());
            }
            equations.add(new StateEquation(v, r));
        }
        return new OdeSystem(equations);
    }

    public int size() {
        return equations.size();
    }

    public StateEquation equation(int i) {
        return equations.get(i);
    }

    /** The noise terms (xi, xi_*) the equations use, sorted by name. */
    public List<String> noiseNames() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (StateEquation eq : equations) {
            for (Expr.Var v : dev.myelin.compiler.expr.FreeVariables.of(eq.rhs())) {
                if (v.kind() == dev.myelin.compiler.expr.VarKind.NOISE) out.add(v.name());
            }
        }
        return List.copyOf(out);
    }

    public boolean isStochastic() {
        return !noiseNames().isEmpty();
    }

    public List<String> names() {
        return equations.stream().map(StateEquation::name).toList();
    }
}
