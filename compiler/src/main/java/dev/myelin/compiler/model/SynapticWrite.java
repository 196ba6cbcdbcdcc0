package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

/**
 * {@code target = value} in per-synapse code. The target is a synaptic variable (kind ARRAY owned by
 * the synapses), or a variable of the source (PRE) or target (POST) group.
 */
public record SynapticWrite(Expr.Var target, Expr value) {
}
