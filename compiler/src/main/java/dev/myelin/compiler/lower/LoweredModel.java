package dev.myelin.compiler.lower;

import dev.myelin.compiler.model.CheckedModel;

import java.util.List;

/** The lowered model: per-group plans plus the checked model's params, monitors and protocol. */
public record LoweredModel(CheckedModel model, List<GroupPlan> groups) {

    public LoweredModel {
        groups = List.copyOf(groups);
    }

    public GroupPlan group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
