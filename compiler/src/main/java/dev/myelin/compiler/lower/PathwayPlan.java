package dev.myelin.compiler.lower;

import dev.myelin.compiler.model.Pathway;

import java.util.List;

/**
 * A pathway ready for codegen: the code per synapse event (event-driven updates first, then the
 * user's code, then {@code lastupdate = t}), what triggers it and its delay.
 */
public record PathwayPlan(String name, boolean post, String event, List<SynapticStep> code, Pathway.Delay delay) {

    public PathwayPlan {
        code = List.copyOf(code);
    }
}
