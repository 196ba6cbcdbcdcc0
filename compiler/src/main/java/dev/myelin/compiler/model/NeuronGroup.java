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
                          Refractory refractory, Method method, List<CustomEvent> events, List<RegularCode> regular, SourceSpan span) {

    public NeuronGroup {
        variables = List.copyOf(variables);
        subexpressions = List.copyOf(subexpressions);
        equations = List.copyOf(equations);
        reset = List.copyOf(reset);
        events = List.copyOf(events);
        regular = List.copyOf(regular);
    }

    public Optional<CustomEvent> event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public boolean hasRefractoriness() {
        return !(refractory instanceof Refractory.None);
    }

    /**
     * Brian2's "conditional write": the variables whose differential equation is {@code (unless
     * refractory)} in a group with refractoriness, which synaptic code and {@code run_regularly}
     * code leave alone while the neuron is refractory (resets and custom event code do write them).
     */
    public java.util.Set<String> writtenOnlyWhenNotRefractory() {
        if (!hasRefractoriness()) return java.util.Set.of();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (DiffEquation eq : equations) if (eq.unlessRefractory()) out.add(eq.variable());
        return out;
    }
}
