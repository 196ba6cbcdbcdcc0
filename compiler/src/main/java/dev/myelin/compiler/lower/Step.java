package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;

/**
 * One line of per-neuron code: a local value ({@code local}) or a write to a group variable.
 * Runs in order, so later steps see earlier writes.
 */
public record Step(String target, Expr value, boolean local) {

    public static Step local(String name, Expr value) {
        return new Step(name, value, true);
    }

    public static Step write(String variable, Expr value) {
        return new Step(variable, value, false);
    }
}
