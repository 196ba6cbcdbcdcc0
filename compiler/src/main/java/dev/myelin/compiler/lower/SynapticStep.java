package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;

/**
 * One line of per-synapse code: a local value ({@code target} null, named {@code local}) or a write
 * to a synaptic, presynaptic or postsynaptic variable (the target's kind says which).
 */
public record SynapticStep(String local, Expr.Var target, Expr value) {

    public static SynapticStep local(String name, Expr value) {
        return new SynapticStep(name, null, value);
    }

    public static SynapticStep write(Expr.Var target, Expr value) {
        return new SynapticStep(null, target, value);
    }

    public boolean isLocal() {
        return target == null;
    }
}
