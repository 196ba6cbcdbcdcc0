package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Derivative;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.NotDifferentiableException;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brian2's stochastic state updaters (brian2/stateupdaters/explicit.py) for equations
 * {@code dx/dt = f(x, t) + sum_k g_k(x, t) * xi_k}:
 * <ul>
 * <li>{@code euler} (Euler-Maruyama, additive noise only): {@code x + dt*f + sum_k g_k*dW_k};</li>
 * <li>{@code heun} (Stratonovich): per noise k, {@code x_k = x + g_k*dW_k}, then
 * {@code x + dt*f + sum_k dW_k*(g_k(x, t) + g_k(x_k, t+dt))/2};</li>
 * <li>{@code milstein} (derivative-free, Stratonovich, diagonal noise): per noise k,
 * {@code x_k = x + dt*f + sqrt(dt)*g_k}, then {@code x + dt*f + sum_k (g_k*dW_k
 * + (g_k(x_k, t) - g_k(x, t))*dW_k**2/(2*sqrt(dt)))}.</li>
 * </ul>
 * {@code dW_k = sqrt(dt)*randn()} is drawn once per neuron and step for each noise name and shared
 * by every equation that uses that name, as in Brian2. {@code f} and {@code g_k} are found
 * symbolically ({@code g_k = d rhs / d xi_k}); the noise must enter linearly.
 */
public final class StochasticIntegrator {

    /** Call sites of the noise draws, apart from the user's rand() sites and their re-draws. */
    static final int NOISE_SITES = 1 << 24;

    private StochasticIntegrator() {
    }

    /** The deterministic part and the factor of each noise term of one equation. */
    private record Split(StateEquation equation, Expr f, Map<String, Expr> g) {
        Expr g(String noise) {
            return g.getOrDefault(noise, Expr.num(0.0));
        }
    }

    public static StateUpdate euler(OdeSystem system) throws UnsupportedEquationsException {
        List<Split> splits = split(system);
        for (Split s : splits) {
            for (Map.Entry<String, Expr> g : s.g().entrySet()) {
                String why = multiplicative(g.getValue(), system);
                if (why != null) {
                    throw new UnsupportedEquationsException("the noise of " + s.equation().label() + " is multiplicative (the factor of "
                            + g.getKey() + " depends on " + why + "), which euler cannot integrate; use method 'heun' or 'milstein'");
                }
            }
        }
        List<Assignment> steps = draws(system);
        List<StateUpdate.Write> writes = new ArrayList<>();
        for (Split s : splits) {
            Expr value = Expr.add(s.equation().variable(), Expr.mul(ExplicitScheme.DT, s.f()));
            for (String noise : s.g().keySet()) value = Expr.add(value, Expr.mul(s.g(noise), dW(noise)));
            writes.add(write(steps, s.equation(), value));
        }
        return new StateUpdate(steps, writes);
    }

    public static StateUpdate heun(OdeSystem system) throws UnsupportedEquationsException {
        List<Split> splits = split(system);
        List<Assignment> steps = draws(system);
        List<String> noises = system.noiseNames();
        Expr later = Expr.add(ExplicitScheme.T, ExplicitScheme.DT);
        for (String noise : noises) {
            for (Split s : splits) steps.add(new Assignment(support(s, noise), Expr.add(s.equation().variable(), Expr.mul(s.g(noise), dW(noise)))));
            Substitution atSupport = atSupport(splits, noise, later);
            for (Split s : splits) {
                if (s.g().containsKey(noise)) steps.add(new Assignment(gSupport(s, noise), RandomCalls.drawAgain(atSupport.apply(s.g(noise)), 1)));
            }
        }
        List<StateUpdate.Write> writes = new ArrayList<>();
        for (Split s : splits) {
            Expr value = Expr.add(s.equation().variable(), Expr.mul(ExplicitScheme.DT, s.f()));
            for (String noise : s.g().keySet()) {
                Expr mean = Expr.mul(Expr.num(0.5), Expr.mul(dW(noise), Expr.add(s.g(noise), Expr.Var.local(gSupport(s, noise)))));
                value = Expr.add(value, mean);
            }
            writes.add(write(steps, s.equation(), value));
        }
        return new StateUpdate(steps, writes);
    }

    public static StateUpdate milstein(OdeSystem system) throws UnsupportedEquationsException {
        List<Split> splits = split(system);
        diagonal(splits);
        List<Assignment> steps = draws(system);
        List<String> noises = system.noiseNames();
        Expr sqrtDt = Expr.Call.of(Function.SQRT, ExplicitScheme.DT);
        for (String noise : noises) {
            for (Split s : splits) {
                Expr drift = Expr.add(s.equation().variable(), Expr.mul(ExplicitScheme.DT, s.f()));
                steps.add(new Assignment(support(s, noise), Expr.add(drift, Expr.mul(sqrtDt, s.g(noise)))));
            }
            Substitution atSupport = atSupport(splits, noise, ExplicitScheme.T);
            for (Split s : splits) {
                if (!s.g().containsKey(noise)) continue;
                Expr gSupport = RandomCalls.drawAgain(atSupport.apply(s.g(noise)), 1);
                Expr correction = Expr.mul(Expr.mul(Expr.div(Expr.num(1.0), Expr.mul(Expr.num(2.0), sqrtDt)), Expr.sub(gSupport, s.g(noise))),
                        Expr.mul(dW(noise), dW(noise)));
                steps.add(new Assignment(correction(s, noise), correction));
            }
        }
        List<StateUpdate.Write> writes = new ArrayList<>();
        for (Split s : splits) {
            Expr value = Expr.add(s.equation().variable(), Expr.mul(ExplicitScheme.DT, s.f()));
            for (String noise : s.g().keySet()) value = Expr.add(value, Expr.Var.local(correction(s, noise)));
            for (String noise : s.g().keySet()) value = Expr.add(value, Expr.mul(s.g(noise), dW(noise)));
            writes.add(write(steps, s.equation(), value));
        }
        return new StateUpdate(steps, writes);
    }

    /** f = rhs with every noise term 0; g_k = d rhs / d xi_k, which must not contain any noise term. */
    private static List<Split> split(OdeSystem system) throws UnsupportedEquationsException {
        List<Split> out = new ArrayList<>();
        Substitution silent = Substitution.none();
        for (String noise : system.noiseNames()) silent = silent.and(noiseVar(noise), Expr.num(0.0));
        for (StateEquation eq : system.equations()) {
            Map<String, Expr> g = new LinkedHashMap<>();
            for (String noise : system.noiseNames()) {
                if (!FreeVariables.references(eq.rhs(), noise)) continue;
                Expr factor;
                try {
                    factor = Derivative.of(eq.rhs(), noise);
                } catch (NotDifferentiableException e) {
                    throw new UnsupportedEquationsException(eq.label() + " uses the noise term " + noise + " inside " + e.getMessage()
                            + "; write the noise as a term g*" + noise + " added to the right-hand side");
                }
                if (FreeVariables.referencesKind(factor, VarKind.NOISE)) {
                    throw new UnsupportedEquationsException(eq.label() + " is not linear in its noise terms; write the noise as a term g*" + noise
                            + " added to the right-hand side");
                }
                g.put(noise, factor);
            }
            out.add(new Split(eq, Simplifier.symbolic().simplify(silent.apply(eq.rhs())), g));
        }
        return out;
    }

    /** Why the factor makes the noise multiplicative (a state variable or t it depends on), or null for additive noise. */
    private static String multiplicative(Expr factor, OdeSystem system) {
        for (Expr.Var v : FreeVariables.of(factor)) {
            if (system.names().contains(v.name()) && (v.kind() == VarKind.ARRAY || v.kind() == VarKind.SHARED)) return v.name();
        }
        return LinearForm.dependsOnTime(factor) ? "t" : null;
    }

    /** Milstein needs diagonal noise: at most one noise term per equation, each in one equation only. */
    private static void diagonal(List<Split> splits) throws UnsupportedEquationsException {
        Map<String, String> owner = new LinkedHashMap<>();
        for (Split s : splits) {
            if (s.g().size() > 1) {
                throw new UnsupportedEquationsException(s.equation().label() + " has several noise terms " + s.g().keySet()
                        + ", but milstein needs diagonal noise (one noise term per equation); use method 'heun'");
            }
            for (String noise : s.g().keySet()) {
                String other = owner.put(noise, s.equation().label());
                if (other != null) {
                    throw new UnsupportedEquationsException("the noise term " + noise + " appears in " + other + " and " + s.equation().label()
                            + ", but milstein needs diagonal noise (each noise term in one equation); use method 'heun'");
                }
            }
        }
    }

    /** {@code __dW_xi = sqrt(dt)*randn()} for each noise name, with call sites of their own. */
    private static List<Assignment> draws(OdeSystem system) {
        List<Assignment> steps = new ArrayList<>();
        List<String> noises = system.noiseNames();
        for (int k = 0; k < noises.size(); k++) {
            Expr normal = new Expr.Call(Function.RANDN, List.of(), NOISE_SITES + k);
            steps.add(new Assignment(dW(noises.get(k)).name(), Expr.mul(Expr.Call.of(Function.SQRT, ExplicitScheme.DT), normal)));
        }
        return steps;
    }

    /**
     * Every state variable at its support value for one noise, and t at {@code time}. Supports no
     * factor reads are dropped later as dead locals.
     */
    private static Substitution atSupport(List<Split> splits, String noise, Expr time) {
        Substitution at = Substitution.of(ExplicitScheme.T, time);
        for (Split s : splits) at = at.and(s.equation().variable(), Expr.Var.local(support(s, noise)));
        return at;
    }

    private static StateUpdate.Write write(List<Assignment> steps, StateEquation eq, Expr value) {
        String local = "_" + eq.name();
        steps.add(new Assignment(local, value));
        return new StateUpdate.Write(eq.variable(), Expr.Var.local(local));
    }

    private static Expr.Var dW(String noise) {
        return Expr.Var.local("__dW_" + noise);
    }

    private static Expr.Var noiseVar(String noise) {
        return new Expr.Var(noise, VarKind.NOISE, dev.myelin.compiler.expr.ValueType.DOUBLE, "");
    }

    private static String support(Split s, String noise) {
        return "__xs_" + s.equation().name() + "_" + noise;
    }

    private static String gSupport(Split s, String noise) {
        return "__gs_" + s.equation().name() + "_" + noise;
    }

    private static String correction(Split s, String noise) {
        return "__mk_" + s.equation().name() + "_" + noise;
    }
}
