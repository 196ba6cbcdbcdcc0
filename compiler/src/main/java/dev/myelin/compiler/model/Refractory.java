package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

/** How a group's refractoriness is decided each step (Brian2's three forms). */
public sealed interface Refractory {

    /** No refractoriness: threshold crossings are not gated. */
    record None() implements Refractory {
    }

    /**
     * A duration, constant or an expression per neuron (seconds):
     * {@code not_refractory = timestep(t - lastspike) >= timestep(duration)}.
     */
    record Duration(Expr seconds) implements Refractory {
    }

    /** A condition: {@code not_refractory = not condition}. */
    record Condition(Expr condition) implements Refractory {
    }
}
