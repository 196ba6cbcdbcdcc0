package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;
import java.util.Optional;

/**
 * A checked synapses object between a source and a target group (or slices of them). Variables are
 * per synapse; {@code clockDriven} equations are integrated every step, {@code eventDriven} ones in
 * closed form when a pathway runs (from {@code lastupdate}); summed variables are written into a
 * group every step. Connections are made in order, before any run.
 */
public record Synapses(String name, Endpoint source, Endpoint target, List<Variable> variables, List<Subexpression> subexpressions,
                       List<DiffEquation> clockDriven, List<DiffEquation> eventDriven, List<SummedVariable> summed,
                       List<Pathway> pathways, List<Connection> connections, Method method, SourceSpan span) {

    public Synapses {
        variables = List.copyOf(variables);
        subexpressions = List.copyOf(subexpressions);
        clockDriven = List.copyOf(clockDriven);
        eventDriven = List.copyOf(eventDriven);
        summed = List.copyOf(summed);
        pathways = List.copyOf(pathways);
        connections = List.copyOf(connections);
    }

    /** Neurons [start, stop) of a group; stop is empty for "to the end of the group". */
    public record Endpoint(String group, int start, Optional<Integer> stop) {
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public boolean hasEventDriven() {
        return !eventDriven.isEmpty();
    }
}
