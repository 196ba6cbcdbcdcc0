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
 * (see {@link PostsynapticTraces}): they have no per-synapse array. {@code setTraces} are the traces
 * kept as the time they were last set (see {@link SetTimeTraces}), with the expression of each one's
 * value now; their times are among the arrays. {@code keepsLastupdate} is false when nothing needs
 * {@code lastupdate}, which then has no array either.
 */
public record SynapsePlan(Synapses synapses, int stream, List<ArrayVar> arrays, List<String> sharedVariables, StateUpdatePlan update,
                          List<SummedVariable> summed, List<PathwayPlan> pathways, Map<String, Expr> recordable, List<PostsynapticTraces.PostTrace> postTraces,
                          Map<String, Expr> setTraces, boolean keepsLastupdate) {

    public SynapsePlan {
        arrays = List.copyOf(arrays);
        sharedVariables = List.copyOf(sharedVariables);
        summed = List.copyOf(summed);
        pathways = List.copyOf(pathways);
        recordable = Map.copyOf(recordable);
        postTraces = List.copyOf(postTraces);
        setTraces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setTraces));
    }

    public String name() {
        return synapses.name();
    }

    /** Whether array {@code a} is a trace's set time, which the compiler adds, not a variable of the model. */
    public boolean isSetTime(ArrayVar a) {
        return setTraces.keySet().stream().anyMatch(x -> SetTimeTraces.timeName(x).equals(a.name()));
    }
}
