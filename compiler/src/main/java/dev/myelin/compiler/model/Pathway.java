package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;

/**
 * Code run per synapse when its source neuron spikes ({@code post} false, Brian2's on_pre) or its
 * target neuron spikes ({@code post} true, on_post), after the pathway's delay. {@code event} is
 * "spike", or a custom event of that neuron's group (Brian2's on_event).
 */
public record Pathway(String name, boolean post, String event, List<SynapticWrite> code, Delay delay, SourceSpan span) {

    public Pathway {
        code = List.copyOf(code);
    }

    /** A pathway's delay: one for all synapses (an expression of params, seconds) or a per-synapse variable. */
    public sealed interface Delay {
    }

    public record ScalarDelay(Expr seconds) implements Delay {
    }

    /** The delay is the synaptic variable {@code variable} (seconds), set by init or the protocol. */
    public record SynapticDelay(String variable) implements Delay {
    }
}
