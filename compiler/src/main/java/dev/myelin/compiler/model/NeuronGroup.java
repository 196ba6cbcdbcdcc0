package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;
import java.util.Optional;

/**
 * A checked neuron group. {@code size} is an INT expression of literals and params (params are
 * only known at run time). Variables are in declaration order, state variables first.
 */
public record NeuronGroup(String name, Expr size, List<Variable> variables, List<Subexpression> subexpressions,
                          List<DiffEquation> equations, Optional<Expr> threshold, List<Assignment> reset,
                          Refractory refractory, Method method, SourceSpan span) {

    public NeuronGroup {
        variables = List.copyOf(variables);
        subexpressions = List.copyOf(subexpressions);
        equations = List.copyOf(equations);
        reset = List.copyOf(reset);
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public boolean hasRefractoriness() {
        return !(refractory instanceof Refractory.None);
    }
}
