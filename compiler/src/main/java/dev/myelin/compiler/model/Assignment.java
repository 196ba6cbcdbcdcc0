package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

/** {@code target = value} in code run per neuron (reset). Augmented forms are already expanded. */
public record Assignment(String target, Expr value) {
}
