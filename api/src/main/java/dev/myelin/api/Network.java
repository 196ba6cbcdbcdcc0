package dev.myelin.api;

import dev.myelin.compiler.diag.CompilationFailed;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.expr.Evaluator;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.ProtocolStep;
import dev.myelin.runtime.GeneratedNetwork;
import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.Results;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;
import dev.myelin.runtime.protocol.ExperimentRun;
import dev.myelin.runtime.units.Dimension;
import dev.myelin.runtime.units.Quantity;
import dev.myelin.runtime.units.QuantityParser;
import dev.myelin.runtime.units.UnitTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One running instance of a {@link Model}: set variables, run, read monitors, store and restore.
 * Values are in SI units (volt, second, siemens) as in the results files. Variables are named as in
 * the model file: {@code "G.v"}, {@code "S.w"}. Not thread-safe; one thread drives a network.
 */
public final class Network {

    private final Model model;
    private final Simulation sim;
    /** Not yet set up: made by {@link Model#experiment} for a whole-file run. */
    private boolean fresh = true;

    Network(Model model, Simulation sim) {
        this.model = model;
        this.sim = sim;
    }

    static Network setUp(Model model, Simulation sim) {
        Network network = new Network(model, sim);
        guard(() -> {
            sim.setUp();
            return null;
        });
        network.fresh = false;
        return network;
    }

    /** The current time in seconds. */
    public double t() {
        return sim.step() * sim.dt();
    }

    public double dt() {
        return sim.dt();
    }

    public long seed() {
        return sim.seed();
    }

    /**
     * Runs the time steps on {@code threads} threads from now on (default 1). Large groups' state
     * updates and thresholds are split between them; the results are the same bit for bit.
     */
    public void setThreads(int threads) {
        guard(() -> {
            sim.setThreads(threads);
            return null;
        });
    }

    /** Advances by {@code seconds} of model time, as the model file's {@code run} does. */
    public void run(double seconds) {
        guard(() -> {
            sim.run(seconds);
            return null;
        });
    }

    /** Advances by a duration with its unit: {@code run("100 ms")}. */
    public void run(String duration) {
        Quantity q = quantity(duration);
        if (!q.dimension().equals(Dimension.SECOND)) {
            throw new ModelException("a run's duration must be a time such as '100 ms', not '" + duration + "'", false);
        }
        run(q.value());
    }

    /** Runs the experiment the model file writes after its setup (its runs, assignments, loops). */
    public void runProtocol() {
        guard(() -> {
            sim.runExperiment();
            return null;
        });
    }

    /** A copy of a real-valued variable's values, one per neuron or synapse, in SI units. */
    public double[] get(String variable) {
        return target(variable).copy();
    }

    /** Sets a real-valued variable: one value per neuron or synapse (SI units). */
    public void set(String variable, double[] values) {
        Target target = target(variable);
        if (values.length != target.size()) {
            throw new ModelException(variable + ": " + values.length + " values given but there are " + target.size()
                    + " elements to set", false);
        }
        for (int k = 0; k < values.length; k++) target.put(k, values[k]);
    }

    /** Sets a real-valued variable to one value (SI units) everywhere. */
    public void set(String variable, double value) {
        Target target = target(variable);
        for (int k = 0; k < target.size(); k++) target.put(k, value);
    }

    /**
     * Sets a variable from Brian2 code, evaluated per neuron or synapse as the model file's
     * {@code G.v = '...'} is: its names, units and dimension are checked against the model
     * ({@code "El + 5*mV*i/N"}, {@code "-70*mV"}). Random functions are refused: pass an array.
     */
    public void set(String variable, String code) {
        Target target = target(variable);
        if (code.contains("'")) throw new ModelException(variable + ": the code may not contain a quote (')", false);
        Expr value = checkedAssignment(target, code);
        if (RandomCalls.in(value)) {
            throw new ModelException(variable + ": random functions cannot be evaluated by Network.set; draw the values in Java and pass an array", false);
        }
        Map<String, Supplier<double[]>> arrays = new HashMap<>();
        Map<String, Double> scalars = new HashMap<>();
        for (Expr.Var v : FreeVariables.of(value)) {
            switch (v.kind()) {
                case ARRAY -> arrays.put(v.name(), () -> target(target.owner() + "." + v.name()).copy());
                case PARAM -> scalars.put(v.name(), sim.param(v.name()));
                case SIZE -> scalars.put(v.name(), (double) target.size());
                case TIME -> scalars.put(v.name(), t());
                case DT -> scalars.put(v.name(), sim.dt());
                case INDEX -> { }
                default -> throw new ModelException(variable + ": Network.set cannot read '" + v.name() + "' (" + v.kind().name().toLowerCase()
                        + "); use the group's variables, i, N, t, dt, params and constants", false);
            }
        }
        Map<String, double[]> read = new LinkedHashMap<>();
        arrays.forEach((name, array) -> read.put(name, array.get()));
        Set<Expr.Var> vars = FreeVariables.of(value);
        String index = vars.stream().filter(v -> v.kind() == dev.myelin.compiler.expr.VarKind.INDEX).map(Expr.Var::name).findFirst().orElse(null);
        Map<String, Double> values = new HashMap<>(scalars);
        for (int k = 0; k < target.size(); k++) {
            for (Map.Entry<String, double[]> a : read.entrySet()) values.put(a.getKey(), a.getValue()[k]);
            if (index != null) values.put(index, (double) k);
            target.put(k, Evaluator.evaluate(value, values));
        }
    }

    /** Brian2's store(): keeps the state (variables, spikes in flight, time) under {@code name}. */
    public void store(String name) {
        sim.store(name);
    }

    /** Brian2's restore(): back to a stored state; monitors forget what they recorded since. */
    public void restore(String name) {
        guard(() -> {
            sim.restore(name);
            return null;
        });
    }

    /** The spikes a spike monitor has recorded so far. */
    public Spikes spikes(String monitor) {
        SpikeRecorder r = recorder(monitor, SpikeRecorder.class);
        long[] steps = r.steps();
        double[] t = new double[steps.length];
        for (int k = 0; k < t.length; k++) t[k] = steps[k] * sim.dt();
        return new Spikes(r.indices(), t);
    }

    /** Each recorded neuron's spike count so far. */
    public long[] spikeCounts(String monitor) {
        return recorder(monitor, SpikeRecorder.class).counts();
    }

    /** What a state monitor has recorded so far. */
    public StateTrace trace(String monitor) {
        StateRecorder r = recorder(monitor, StateRecorder.class);
        long[] steps = r.steps();
        double[] t = new double[steps.length];
        for (int k = 0; k < t.length; k++) t[k] = steps[k] * sim.dt();
        int[] indices = new int[r.size()];
        for (int k = 0; k < indices.length; k++) indices[k] = r.index(k);
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (String v : r.variables()) values.put(v, r.values(v));
        return new StateTrace(t, indices, values);
    }

    /** Writes everything recorded so far as {@code myelin run} does (NPY files, manifest.json). */
    public Path writeResults(Path dir) {
        try {
            return Results.write(dir, sim, info(), model.stageSeconds(), null);
        } catch (IOException e) {
            throw new ModelException("cannot write the results to " + dir + ": " + e.getMessage(), false);
        }
    }

    /**
     * Runs the model's whole experiment (setup, then protocol) on a network from {@link Model#experiment}
     * and writes its results, exactly as {@code myelin run}: Ctrl-C stops it with what was recorded
     * written, and a failure writes the results and then throws. The summary {@code myelin run}
     * prints goes to {@code out} (null: none); {@code after} (may be null) runs once the results are
     * written, with {@code afterSeconds} to finish after Ctrl-C.
     */
    public ExperimentRun.Outcome runExperiment(Path dir, PrintWriter out, PrintWriter err, ExperimentRun.AfterWrite after, long afterSeconds) {
        if (!fresh) {
            throw new ModelException("this network was set up already; runExperiment runs the whole model file on a network from Model.experiment()", false);
        }
        fresh = false;
        ExperimentRun run = new ExperimentRun(sim, dir, info(), model.stageSeconds());
        PrintWriter errors = err != null ? err : new PrintWriter(System.err, true);
        return guard(() -> run.execute(model.name(), out, errors, after, afterSeconds));
    }

    /** Simulation seconds spent in runs so far. */
    public double simulateSeconds() {
        return sim.simulateSeconds();
    }

    /** Where the protocol's print statements go (standard output by default). */
    public void setOutput(java.io.PrintStream stream) {
        sim.setOutput(stream);
    }

    private Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", model.name());
        info.put("myelin_version", Myelin.VERSION);
        return info;
    }

    // ── helpers ──

    /**
     * A real-valued variable: its live array (double, or float for a synaptic variable under
     * --precision float; the other is null) and how many of its entries are in use; or, when
     * {@code readOnly}, a copy of a trace kept per target neuron or as its set time, which cannot be set.
     */
    private record Target(String owner, String name, double[] values, float[] floats, int size, boolean readOnly) {
        double[] copy() {
            return values != null ? Arrays.copyOf(values, size) : dev.myelin.runtime.FloatArrays.widened(floats, size);
        }

        void put(int k, double value) {
            if (readOnly) {
                throw new ModelException(owner + "." + name + " is a trace that Myelin keeps once per target neuron or as the time it was set: "
                        + "it can be read from Java but not set; change it in the model's on_pre or on_post code", false);
            }
            if (values != null) values[k] = value;
            else floats[k] = (float) value;
        }
    }

    private Target target(String variable) {
        int dot = variable.indexOf('.');
        if (dot <= 0 || dot == variable.length() - 1) {
            throw new ModelException("name the variable with its group or synapses, e.g. 'G.v', not '" + variable + "'", false);
        }
        String owner = variable.substring(0, dot);
        String name = variable.substring(dot + 1);
        GeneratedNetwork network = sim.network();
        double[] values = network.doubleVariable(owner, name);
        float[] floats = values == null ? network.floatVariable(owner, name) : null;
        double[] trace = values == null && floats == null ? network.traceBySynapse(owner, name) : null;
        if (trace != null) return new Target(owner, name, trace, null, trace.length, true);
        String notKept = values == null && floats == null ? network.notKept(owner, name) : null;
        if (notKept != null) throw new ModelException(notKept, false);
        if (values == null && floats == null) {
            throw new ModelException("the model has no real-valued variable " + variable
                    + " (integer and boolean variables, and shared ones, are not accessible through the Java API)", false);
        }
        int synapses = network.synapseCount(owner);
        return new Target(owner, name, values, floats, synapses >= 0 ? synapses : values != null ? values.length : floats.length, false);
    }

    /** The value of 'owner.name = code' as the checker types it in the model's own scope. */
    private Expr checkedAssignment(Target target, String code) {
        CheckedModel original = model.compiled().model();
        SourceFile source = original.source();
        String line = target.owner() + "." + target.name() + " = '" + code + "'";
        SourceFile extended = new SourceFile(source.name(), source.text() + (source.text().endsWith("\n") ? "" : "\n") + line + "\n");
        CheckedModel checked;
        try {
            checked = model.owner().compiler().checked(extended);
        } catch (CompilationFailed failed) {
            throw new ModelException(failed.diagnostics().render(), true);
        }
        List<ProtocolStep> steps = checked.protocol();
        if (!(steps.get(steps.size() - 1) instanceof ProtocolStep.AssignExpr assign)) {
            throw new ModelException(target.owner() + "." + target.name() + ": '" + code + "' is not a value to assign", false);
        }
        return assign.value();
    }

    private static Quantity quantity(String text) {
        try {
            return QuantityParser.parse(text, UnitTable.brian2());
        } catch (ModelError | IllegalArgumentException e) {
            throw new ModelException("cannot read '" + text + "' as a value with a unit: " + e.getMessage(), false);
        }
    }

    private <R extends Recorder> R recorder(String name, Class<R> kind) {
        for (Recorder r : sim.recorders()) {
            if (r.name().equals(name) && kind.isInstance(r)) return kind.cast(r);
        }
        List<String> names = sim.recorders().stream().filter(kind::isInstance).map(Recorder::name).toList();
        throw new ModelException("the model has no " + (kind == SpikeRecorder.class ? "spike" : "state") + " monitor named '" + name + "'"
                + (names.isEmpty() ? "" : "; it has " + String.join(", ", names)), false);
    }

    private static <T> T guard(Supplier<T> action) {
        try {
            return action.get();
        } catch (ModelError e) {
            throw new ModelException(e.getMessage(), false);
        }
    }
}
