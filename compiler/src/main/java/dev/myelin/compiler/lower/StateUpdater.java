package dev.myelin.compiler.lower;

import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.integrate.Assignment;
import dev.myelin.compiler.lower.integrate.IntegrationMethod;
import dev.myelin.compiler.lower.integrate.MethodChoice;
import dev.myelin.compiler.lower.integrate.OdeSystem;
import dev.myelin.compiler.lower.integrate.StateUpdate;
import dev.myelin.compiler.lower.integrate.UnknownMethodException;
import dev.myelin.compiler.lower.integrate.UnsupportedEquationsException;
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.Method;
import dev.myelin.compiler.model.NeuronGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses and applies the integration method of a group and turns the result into code steps.
 *
 * <p>{@code (unless refractory)}: Brian2 multiplies the right-hand side by {@code int(not_refractory)}
 * and writes the variable only where the neuron is not refractory. The code is specialised for the
 * two values: when not refractory the factor is 1 and drops out exactly ({@code 1*x == x}); when
 * refractory the flagged variables keep their values, so their right-hand sides are 0 and their
 * writes are skipped, while the other variables are integrated as usual.
 */
final class StateUpdater {

    private final Diagnostics diagnostics;

    StateUpdater(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    StateUpdatePlan plan(NeuronGroup g, boolean refractoriness, Expr.Var notRefractory) {
        return plan(new Owner(g.name(), "group", g.method()), g.equations(), refractoriness, notRefractory);
    }

    /** What owns the equations: a group or synapses, with the method asked for. */
    record Owner(String name, String what, Method method) {
    }

    StateUpdatePlan plan(Owner g, List<DiffEquation> equations, boolean refractoriness, Expr.Var notRefractory) {
        if (equations.isEmpty()) {
            if (!g.method().automatic()) methodNamed(g);
            return new StateUpdatePlan("none", List.of(), List.of(), false);
        }
        List<Expr.Var> vars = new ArrayList<>();
        Map<String, Expr> rhs = new LinkedHashMap<>();
        for (DiffEquation eq : equations) {
            vars.add(new Expr.Var(eq.variable(), VarKind.ARRAY, ValueType.DOUBLE, g.name()));
            rhs.put(eq.variable(), eq.rhs());
        }
        Set<String> frozen = refractoriness
                ? equations.stream().filter(DiffEquation::unlessRefractory).map(DiffEquation::variable).collect(Collectors.toSet())
                : Set.of();
        boolean split = !frozen.isEmpty();

        Map<String, Expr> active = split ? withRefractoriness(rhs, notRefractory, true, Set.of()) : rhs;
        MethodChoice.Chosen chosen = choose(g, OdeSystem.of(vars, active));
        if (chosen == null) return new StateUpdatePlan("none", List.of(), List.of(), false);
        String method = chosen.method().brianName;
        List<Step> activeSteps = steps(chosen.update(), Set.of());
        if (!split) return new StateUpdatePlan(method, activeSteps, List.of(), false);

        Map<String, Expr> refractory = withRefractoriness(rhs, notRefractory, false, frozen);
        try {
            StateUpdate update = chosen.method().integrate(OdeSystem.of(vars, refractory));
            return new StateUpdatePlan(method, activeSteps, steps(update, frozen), true);
        } catch (UnsupportedEquationsException e) {
            // The same system with some right-hand sides set to 0 stays integrable by the same method.
            throw new IllegalStateException("refractory branch of " + g.name() + " not integrable: " + e.getMessage(), e);
        }
    }

    /** The named method, or Brian2's automatic choice (exact if it applies, else euler). */
    private MethodChoice.Chosen choose(Owner g, OdeSystem system) {
        if (g.method().automatic()) {
            try {
                MethodChoice.Chosen chosen = MethodChoice.automatic(system);
                String whyNotExact = chosen.rejected().get(IntegrationMethod.EXACT);
                if (whyNotExact != null && whyNotExact.contains("feedback")) {
                    // Brian2 solves such linear systems exactly; say so rather than differ silently.
                    diagnostics.warning(g.method().span(), g.what() + " " + g.name() + " is integrated with " + chosen.method().brianName
                                    + " because " + whyNotExact.replaceFirst("; use method 'rk4'$", ""),
                            "Brian2 integrates such equations exactly when their solution is real, so results may differ from Brian2's by the integration error; name a method (rk4) to choose it yourself");
                }
                return chosen;
            } catch (UnsupportedEquationsException e) {
                String[] reason = reasonAndAdvice(e.getMessage());
                diagnostics.error(g.method().span(), "no integration method can integrate the equations of " + g.what() + " " + g.name() + ": " + reason[0],
                        reason[1].isEmpty() ? "name a method with 'method ...' that suits the equations" : reason[1]);
                return null;
            }
        }
        String name = g.method().name();
        IntegrationMethod method = methodNamed(g);
        if (method == null) return null;
        try {
            return new MethodChoice.Chosen(method, method.integrate(system), Map.of());
        } catch (UnsupportedEquationsException e) {
            // Some reasons already say what to do; that becomes the help.
            String[] reason = reasonAndAdvice(e.getMessage());
            String help = !reason[1].isEmpty() ? reason[1]
                    : method == IntegrationMethod.EXACT ? "use a numerical method such as euler, rk2 or rk4 (or exponential_euler for Hodgkin-Huxley-type equations)"
                    : "choose another method, or leave 'method' out for Brian2's automatic choice";
            diagnostics.error(g.method().span(), "method '" + name + "' cannot integrate the equations of " + g.what() + " " + g.name() + ": " + reason[0], help);
            return null;
        }
    }

    /** An integrator's reason split into what is wrong and the advice after "; use ..." or "; write ...", if any. */
    private static String[] reasonAndAdvice(String message) {
        String tried = "";
        int t = message.lastIndexOf(" (tried ");
        if (t >= 0) {
            tried = message.substring(t);
            message = message.substring(0, t);
        }
        for (String verb : List.of("; use ", "; write ")) {
            int at = message.indexOf(verb);
            if (at >= 0) return new String[] {message.substring(0, at) + tried, message.substring(at + 2)};
        }
        return new String[] {message + tried, ""};
    }


    private IntegrationMethod methodNamed(Owner g) {
        try {
            return MethodChoice.byName(g.method().name());
        } catch (UnknownMethodException e) {
            diagnostics.error(g.method().span(), e.getMessage(), "or leave 'method' out for Brian2's automatic choice");
            return null;
        }
    }

    /**
     * The right-hand sides for one value of not_refractory: user references to it become the
     * literal, and frozen variables (refractory branch) get 0.
     */
    private static Map<String, Expr> withRefractoriness(Map<String, Expr> rhs, Expr.Var notRefractory, boolean value, Set<String> frozen) {
        Substitution fix = Substitution.of(notRefractory, new Expr.Bool(value));
        Simplifier simplifier = Simplifier.exact();
        Map<String, Expr> out = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> e : rhs.entrySet()) {
            out.put(e.getKey(), frozen.contains(e.getKey()) ? Expr.Num.of(0) : simplifier.simplify(fix.apply(e.getValue())));
        }
        return out;
    }

    private static List<Step> steps(StateUpdate update, Set<String> skipWrites) {
        List<Step> out = new ArrayList<>();
        for (Assignment a : update.steps()) out.add(Step.local(a.localName(), a.value()));
        for (StateUpdate.Write w : update.writes()) {
            if (!skipWrites.contains(w.state().name())) out.add(Step.write(w.state().name(), w.value()));
        }
        return withoutDeadLocals(out);
    }

    /** Drops locals nothing reads (the new values of frozen variables in the refractory branch). */
    private static List<Step> withoutDeadLocals(List<Step> steps) {
        Set<String> live = new java.util.HashSet<>();
        java.util.ArrayDeque<Step> kept = new java.util.ArrayDeque<>();
        for (int k = steps.size() - 1; k >= 0; k--) {
            Step s = steps.get(k);
            if (s.local() && !live.contains(s.target())) continue;
            kept.addFirst(s);
            for (Expr.Var v : FreeVariables.of(s.value())) {
                if (v.kind() == VarKind.LOCAL) live.add(v.name());
            }
        }
        return new ArrayList<>(kept);
    }
}
