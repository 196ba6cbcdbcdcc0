package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An explicit integration scheme as data, in the shape of Brian2's state updater descriptions
 * (brian2/stateupdaters/explicit.py): stages {@code k = dt*f(state, time)} evaluated in order,
 * then {@code x_new = output}. Templates are expressions over the placeholders {@link #X} (the
 * variable's old value), {@link #T} ({@code t}), {@link #DT} ({@code dt}) and earlier stages
 * ({@link #stage(String)}); {@link ExplicitIntegrator} instantiates them for every state variable.
 *
 * <p>Brian2 writes a final {@code f} evaluation inline ({@code x_new = x + dt*f(...)}); here it
 * is a last stage and the output adds it ({@code x + k2}), which rounds identically.
 */
public record ExplicitScheme(String name, List<Stage> stages, Expr output) {

    /** {@code name = dt*f(state, time)}. */
    public record Stage(String name, Expr state, Expr time) {
    }

    public static final Expr.Var X = Expr.Var.local("x");
    public static final Expr.Var T = new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, "");
    public static final Expr.Var DT = ExactIntegrator.DT;

    public static Expr.Var stage(String name) {
        return Expr.Var.local(name);
    }

    public ExplicitScheme {
        stages = List.copyOf(stages);
        Set<String> known = new HashSet<>(Set.of(X.name()));
        for (Stage s : stages) {
            checkTemplate(name, s.state(), known);
            checkTemplate(name, s.time(), known);
            if (!known.add(s.name())) {
                throw new IllegalArgumentException(name + ": stage name " + s.name() + " is used twice");
            }
        }
        checkTemplate(name, output, known);
    }

    /** A template may read x, t, dt and earlier stages only. */
    private static void checkTemplate(String scheme, Expr template, Set<String> known) {
        for (Expr.Var v : FreeVariables.of(template)) {
            boolean ok = v.kind() == VarKind.TIME || v.kind() == VarKind.DT
                    || v.kind() == VarKind.LOCAL && known.contains(v.name());
            if (!ok) {
                throw new IllegalArgumentException(scheme + ": template reads unknown " + v);
            }
        }
    }

    private static Expr half(Expr e) {
        return Expr.div(e, Expr.num(2.0));
    }

    /** Brian2 {@code euler}: {@code x_new = x + dt*f(x,t)}. */
    public static final ExplicitScheme EULER = new ExplicitScheme("euler",
            List.of(new Stage("k", X, T)),
            Expr.add(X, stage("k")));

    /** Brian2 {@code rk2} (midpoint): {@code k = dt*f(x,t); x_new = x + dt*f(x + k/2, t + dt/2)}. */
    public static final ExplicitScheme RK2 = new ExplicitScheme("rk2",
            List.of(new Stage("k", X, T),
                    new Stage("k2", Expr.add(X, half(stage("k"))), Expr.add(T, half(DT)))),
            Expr.add(X, stage("k2")));

    /**
     * Brian2 {@code rk4}: {@code k_1 = dt*f(x,t); k_2 = dt*f(x+k_1/2,t+dt/2); k_3 = dt*f(x+k_2/2,t+dt/2);
     * k_4 = dt*f(x+k_3,t+dt); x_new = x+(k_1+2*k_2+2*k_3+k_4)/6}.
     */
    public static final ExplicitScheme RK4 = new ExplicitScheme("rk4",
            List.of(new Stage("k1", X, T),
                    new Stage("k2", Expr.add(X, half(stage("k1"))), Expr.add(T, half(DT))),
                    new Stage("k3", Expr.add(X, half(stage("k2"))), Expr.add(T, half(DT))),
                    new Stage("k4", Expr.add(X, stage("k3")), Expr.add(T, DT))),
            Expr.add(X, Expr.div(
                    Expr.add(Expr.add(Expr.add(stage("k1"), Expr.mul(Expr.num(2.0), stage("k2"))),
                            Expr.mul(Expr.num(2.0), stage("k3"))), stage("k4")),
                    Expr.num(6.0))));

    /**
     * Brian2 {@code heun}: the stochastic Heun method for Stratonovich equations. Its description is
     * {@code x_support = x + g(x,t)*dW; g_support = g(x_support,t+dt);
     * x_new = x + dt*f(x,t) + .5*dW*(g(x,t)+g_support)}, so the deterministic part is exactly
     * forward Euler; without noise terms this scheme equals {@link #EULER}.
     */
    public static final ExplicitScheme HEUN = new ExplicitScheme("heun", EULER.stages(), EULER.output());

    /** The template with {@code x} and the stages bound for one state variable. */
    Expr instantiate(Expr template, Expr.Var variable) {
        Substitution binding = Substitution.of(X, variable);
        for (Stage s : stages) {
            binding = binding.and(stage(s.name()), Expr.Var.local(ExplicitIntegrator.stageLocal(s, variable)));
        }
        return binding.apply(template);
    }
}
