package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.model.SummedVariable;
import dev.myelin.compiler.model.Synapses;

import java.util.List;
import java.util.Map;

/**
 * Everything codegen needs for one synapses object: its per-synapse arrays, the clock-driven
 * state update (groups slot), summed variables (groups slot, before the groups), pathways
 * (synapses slot) and what monitors may record. {@code stream} keys its random numbers.
 * {@code postTraces} are the event-driven traces kept per target neuron instead of per synapse
 * (see {@link PostsynapticTraces}): they have no per-synapse array.
 */
public record SynapsePlan(Synapses synapses, int stream, List<ArrayVar> arrays, List<String> sharedVariables, StateUpdatePlan update,
                          List<SummedVariable> summed, List<PathwayPlan> pathways, Map<String, Expr> recordable, List<PostsynapticTraces.PostTrace> postTraces) {

    public SynapsePlan {
        arrays = List.copyOf(arrays);
        sharedVariables = List.copyOf(sharedVariables);
        summed = List.copyOf(summed);
        pathways = List.copyOf(pathways);
        recordable = Map.copyOf(recordable);
        postTraces = List.copyOf(postTraces);
    }

    public String name() {
        return synapses.name();
    }
}
