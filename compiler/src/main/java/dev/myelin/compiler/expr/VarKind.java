package dev.myelin.compiler.expr;

/** Where a variable's value lives at run time; decides how codegen reads and writes it. */
public enum VarKind {
    /** One value per neuron (or synapse): an array indexed by the loop index. */
    ARRAY,
    /** One value for the whole group ({@code (shared)} flag): a scalar field. */
    SHARED,
    /** A model parameter ({@code param}), overridable from the command line: a scalar field. */
    PARAM,
    /** The loop index {@code i}. */
    INDEX,
    /** The group size {@code N}. */
    SIZE,
    /** The current time {@code t} in seconds. */
    TIME,
    /** The time step {@code dt} in seconds. */
    DT,
    /**
     * In per-synapse code: an array indexed by the synapse's presynaptic neuron ({@code v_pre}); the
     * owner holds the array (the source group, or the synapses for per-neuron counts such as N_outgoing).
     */
    PRE,
    /** In per-synapse code: an array indexed by the synapse's postsynaptic neuron ({@code v_post}, or unsuffixed). */
    POST,
    /** In per-synapse code: the presynaptic neuron's index in the whole source group. */
    PRE_INDEX,
    /** In per-synapse code: the postsynaptic neuron's index in the whole target group. */
    POST_INDEX,
    /** A local value computed earlier in the same code block (scheme stages, hoisted terms). */
    LOCAL,
    /** A variable of the experiment protocol ({@code intensity = 2}, a loop variable): a scalar field. */
    PROTOCOL,
    /** The current sample's features in a loop over a data set ({@code sample.pixels}), indexed by the neuron. */
    SAMPLE,
    /** The number of spikes a spike monitor has recorded so far ({@code mon.total}). */
    MONITOR_TOTAL,
    /**
     * Brian2's white-noise term {@code xi} or {@code xi_*} in a differential equation (in
     * second**-0.5); the stochastic integrators replace it by a normal draw times sqrt(dt).
     */
    NOISE
}
