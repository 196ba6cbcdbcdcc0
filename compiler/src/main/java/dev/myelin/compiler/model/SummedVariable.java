package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

/**
 * {@code y_post = expr : unit (summed)}: every step, the target group's {@code y} (a PRE or POST
 * variable) over the connected slice [start, stop) is set to the sum of {@code value} over its synapses.
 */
public record SummedVariable(Expr.Var target, Expr value, Synapses.Endpoint range) {
}
