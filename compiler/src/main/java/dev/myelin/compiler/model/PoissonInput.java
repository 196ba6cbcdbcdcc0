package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

/**
 * Brian2's PoissonInput: each step (synapses slot), every neuron of {@code group} adds
 * {@code weight * binomial(n, rate*dt)} to {@code variable}, as N independent Poisson sources of
 * {@code rate} would. {@code n} and {@code rate} are expressions of params; {@code weight} is
 * evaluated per neuron.
 */
public record PoissonInput(String name, String group, String variable, Expr n, Expr rate, Expr weight) {
}
