package dev.myelin.compiler.codegen;

/**
 * Names in generated code. User names cannot contain '$' (nor start with '_'), so a '$' marks
 * what kind of thing a name is and keeps kinds apart: group G's variable v is {@code G$v}; what
 * the code generator adds to a group uses '$$' ({@code G$$N}); params and recorders start with
 * '$' ({@code $p$I0}, {@code $m$spikes}). No two kinds can produce the same name, whatever the
 * user calls groups, variables, params and monitors.
 */
final class JavaNames {

    private JavaNames() {
    }

    static String array(String group, String variable) {
        return group + "$" + variable;
    }

    static String size(String group) {
        return group + "$$N";
    }

    static String spikes(String group) {
        return group + "$$spikes";
    }

    /** A group with a constant chance per step: each neuron's next spike step, and log(1 - chance). */
    static String nextSpike(String group) {
        return group + "$$next";
    }

    static String logStay(String group) {
        return group + "$$logStay";
    }

    /** The table of one event-driven decay rate (Function.DECAY's site). */
    /** The calendar of next spike steps of a Poisson group with constant rates. */
    static String calendar(String group) {
        return group + "$$calendar";
    }

    static String decay(int site) {
        return "$decay$" + site;
    }

    static String spikeCount(String group) {
        return group + "$$nspikes";
    }

    /** The neurons that had {@code event} this step: the spikes, or a custom event's {@code G$$ev$burst}. */
    static String events(String group, String event) {
        return event.equals("spike") ? spikes(group) : group + "$$ev$" + event;
    }

    static String eventCount(String group, String event) {
        return event.equals("spike") ? spikeCount(group) : group + "$$nev$" + event;
    }

    /** A variable of the protocol: {@code $v$intensity}. */
    static String protocolVariable(String name) {
        return "$v$" + name;
    }

    /** The features of a data-set loop's current sample: {@code $s$sample}. */
    static String sample(String variable) {
        return "$s$" + variable;
    }

    /** A readout: {@code $r$digits}. */
    static String readout(String name) {
        return "$r$" + name;
    }

    /** A data set: {@code $d$mnist}. */
    static String dataSet(String name) {
        return "$d$" + name;
    }

    static String param(String name) {
        return "$p$" + name;
    }

    static String recorder(String monitor) {
        return "$m$" + monitor;
    }

    /** The timed array numbered {@code index}. */
    static String table(int index) {
        return "$t$" + index;
    }

    /** Something the code generator adds to synapses S for pathway p, e.g. its queue: {@code S$$q$pre}. */
    static String pathway(String synapses, String what, String pathway) {
        return synapses + "$$" + what + "$" + pathway;
    }

    /** An index array or object the code generator adds to synapses S, e.g. {@code S$$pre}, {@code S$$conn}. */
    static String synapseIndex(String synapses, String what) {
        return synapses + "$$" + what;
    }

    /** The spike train of a spike generator group. */
    static String generator(String group) {
        return group + "$$gen";
    }

    /** The binomial sampler of a Poisson input. */
    static String poissonInput(String name) {
        return "$pi$" + name;
    }
}
