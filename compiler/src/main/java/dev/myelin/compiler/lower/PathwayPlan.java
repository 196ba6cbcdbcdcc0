package dev.myelin.compiler.lower;

import dev.myelin.compiler.model.Pathway;

import java.util.List;

/**
 * A pathway ready for codegen: the code per synapse event (event-driven updates first, then the
 * user's code, then {@code lastupdate = t}), what triggers it and its delay. {@code beforeSynapses}
 * and {@code afterSynapses} run once per triggering neuron around its synapses' code (the traces
 * kept per postsynaptic neuron, see {@link PostsynapticTraces}); they need an undelayed pathway.
 */
public record PathwayPlan(String name, boolean post, String event, List<SynapticStep> code, Pathway.Delay delay,
                          List<SynapticStep> beforeSynapses, List<SynapticStep> afterSynapses) {

    public PathwayPlan {
        code = List.copyOf(code);
        beforeSynapses = List.copyOf(beforeSynapses);
        afterSynapses = List.copyOf(afterSynapses);
    }

    /** Whether some code runs once per triggering neuron. */
    public boolean perNeuron() {
        return !beforeSynapses.isEmpty() || !afterSynapses.isEmpty();
    }
}
