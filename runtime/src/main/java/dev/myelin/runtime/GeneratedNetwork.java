package dev.myelin.runtime;

/**
 * What the compiler generates for a model: a subclass holding the state arrays in fields, with
 * the time loop and the protocol as plain Java. Its constructor takes the {@link Simulation},
 * declares params and recorders on it, and allocates state.
 */
public abstract class GeneratedNetwork {

    protected final Simulation sim;

    protected GeneratedNetwork(Simulation sim) {
        this.sim = sim;
    }

    /** The time step in seconds (an expression of params, evaluated once). */
    public abstract double dt();

    /** Advances the network over steps [from, to): the whole schedule, once per step. */
    public abstract void advance(long from, long to);

    /**
     * Part {@code part} of a time step over indices [lo, hi), run by thread {@code worker} of a
     * {@link dev.myelin.runtime.parallel.StepTeam} (with {@code --threads}); a threshold part
     * returns the number of spikes it wrote, from index {@code lo} of the group's spike array.
     */
    public int runPart(int part, int worker, int lo, int hi, long step, double t) {
        throw new IllegalStateException("this network has no parts to run in parallel (part " + part + ")");
    }

    /** Called at the start of every run: delays are turned into steps here, as Brian2 does before each run. */
    public void beforeRun() {
    }

    /** Sets the network up as the model file declares it: initial values of variables, then connect and synapse values. */
    public abstract void setup();

    /** Runs the experiment written in the model file after {@link #setup()}: runs, assignments, loops. */
    public abstract void protocol();

    /** The number of synapses of a synapses object once connected; -1 if there is none of that name. */
    public int synapseCount(String synapses) {
        return -1;
    }

    /**
     * A copy of the network's state for Brian2's store(): every variable of groups and synapses and
     * the spikes in flight in the delay queues (not the protocol's variables, as in Brian2).
     */
    public abstract Object[] captureState();

    /** Puts back a state from {@link #captureState()}. */
    public abstract void restoreState(Object[] state);

    /**
     * The name of each part of {@link #captureState()}: "G.v" and "S.w" for variables (arrays, or
     * Double for shared ones), "S.pre queue" for a pathway's spikes in flight, "S pre" and "S post"
     * for a synapses object's indices, which restoreState leaves alone.
     */
    public abstract String[] stateNames();

    /** A state variable's values (the live array), for the Java API and tests; null if unknown or stored as float. */
    public abstract double[] doubleVariable(String group, String variable);

    /** How synaptic variables are stored: "double", or "float" when some are floats ({@code --precision float}). */
    public String precision() {
        return "double";
    }

    /** A synaptic variable stored as float ({@code --precision float}): the live array; null if there is none of that name. */
    public float[] floatVariable(String group, String variable) {
        return null;
    }

    /**
     * A trace the compiler keeps other than as a per-synapse value — once per target neuron (only
     * postsynaptic spikes set it), or as the time it was last set: a new array of each synapse's
     * value now; null if there is none of that name.
     */
    public double[] traceBySynapse(String synapses, String variable) {
        return null;
    }

    /** Why a synaptic variable of the model has no values here (the compiler found nothing that reads it), or null. */
    public String notKept(String synapses, String variable) {
        return null;
    }
}
