package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.model.NeuronGroup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything codegen needs for one neuron group, in schedule order:
 * before_start (constant-over-dt subexpressions), groups (refractoriness, then the state update),
 * thresholds (and custom events), resets, the code run on custom events; run_regularly code in
 * its slot. {@code stream} keys the group's random numbers. {@code constantChance} is p when the
 * threshold is {@code rand() < p} with p fixed during a run (see {@link ConstantChance}).
 */
public record GroupPlan(NeuronGroup group, int stream, List<ArrayVar> arrays, List<String> sharedVariables,
                        List<Step> beforeStart, Optional<Expr> notRefractory, StateUpdatePlan update,
                        Optional<Expr> threshold, Optional<Expr> constantChance, List<Step> reset, List<EventPlan> events, List<RegularPlan> regular,
                        Map<String, Expr> recordable) {

    public GroupPlan {
        events = List.copyOf(events);
        regular = List.copyOf(regular);
        arrays = List.copyOf(arrays);
        sharedVariables = List.copyOf(sharedVariables);
        beforeStart = List.copyOf(beforeStart);
        reset = List.copyOf(reset);
        recordable = Map.copyOf(recordable);
    }

    public String name() {
        return group.name();
    }

    public boolean hasRefractoriness() {
        return notRefractory.isPresent();
    }
}
