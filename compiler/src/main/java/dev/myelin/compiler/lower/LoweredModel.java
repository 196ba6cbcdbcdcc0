package dev.myelin.compiler.lower;

import dev.myelin.compiler.model.CheckedModel;

import java.util.List;

/**
 * The lowered model: per-group plans plus the checked model's params, monitors and protocol.
 * {@code decayTables} is the number of event-driven decay tables (Function.DECAY sites).
 */
public record LoweredModel(CheckedModel model, List<GroupPlan> groups, List<SynapsePlan> synapses, int decayTables) {

    public LoweredModel {
        groups = List.copyOf(groups);
        synapses = List.copyOf(synapses);
    }

    public java.util.Optional<SynapsePlan> synapsesNamed(String name) {
        return synapses.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public GroupPlan group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    public boolean isGroup(String name) {
        return groups.stream().anyMatch(g -> g.name().equals(name));
    }
}
