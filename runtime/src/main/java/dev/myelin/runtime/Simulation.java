package dev.myelin.runtime;

import dev.myelin.runtime.monitor.RateRecorder;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clock and everything recorded during one execution of a generated network. Time is an
 * integer step count; {@code t = step * dt}, never accumulated, as in Brian2.
 */
public final class Simulation {

    private final Map<String, String> overrides;
    private final long seed;
    private final List<Recorder> recorders = new ArrayList<>();
    private ParamValues params;
    private GeneratedNetwork network;
    private double dt;
    private long step;
    /** The simulated time at the end of the last run, kept exactly as Brian2 keeps {@code Network.t}. */
    private double time;
    private long simulateNanos;
    private long stepsRun;
    /** Set from another thread (Ctrl-C) to stop at the next chunk boundary, keeping what was recorded. */
    private volatile boolean stopRequested;
    /** Where data files named in the model are found (the model file's folder). */
    private java.nio.file.Path dataDirectory = java.nio.file.Path.of(".");
    /** Where relative checkpoint paths of store to / restore from point: the run's results directory. */
    private java.nio.file.Path resultsDirectory = java.nio.file.Path.of(".");
    /** The model's file, recorded in checkpoints for messages. */
    private String modelName = "";
    /** Checkpoint files written by store to, in order. */
    private final List<java.nio.file.Path> checkpoints = new ArrayList<>();
    /** Checkpoint files read by restore from, in order. */
    private final List<java.nio.file.Path> restoredCheckpoints = new ArrayList<>();
    /** Images drawn by the protocol's image statements, in order. */
    private final Map<String, dev.myelin.runtime.io.TileImage> images = new java.util.LinkedHashMap<>();
    /** Values written by the protocol's save statements, in order. */
    private final Map<String, Object> saved = new java.util.LinkedHashMap<>();
    /** States kept by the protocol's store statements, by name. */
    private final Map<String, Snapshot> stored = new java.util.HashMap<>();
    private dev.myelin.runtime.readout.Readout.Report reported;
    /** Where the protocol's print statements write. */
    private java.io.PrintStream out = System.out;
    /** Where loops over samples draw their progress line: stderr when a terminal is attached, else nowhere. */
    private java.io.PrintStream progress = System.console() != null ? System.err : null;
    /** What the model needs of the heap, asked before groups are allocated and before each run; notes on stderr. */
    private final MemoryCheck memory = new MemoryCheck(MemoryCheck.JAVA, System.err);
    /** The loops over samples now running (innermost last), and the timings of those that ended. */
    private final java.util.ArrayDeque<dev.myelin.runtime.protocol.SampleLoop> sampleLoopsRunning = new java.util.ArrayDeque<>();
    private final List<dev.myelin.runtime.protocol.SampleLoop.Timing> sampleLoops = new ArrayList<>();

    /** A stored state: the time, the network's state and how much each monitor had recorded. */
    private record Snapshot(long step, double time, Object[] state, int[] marks) {
    }

    /** Steps advanced between checks for a stop request: small enough to react fast, large enough to cost nothing. */
    private static final long CHUNK = 1024;

    /** The threads of --threads N (null: one thread). */
    private dev.myelin.runtime.parallel.StepTeam team;

    public Simulation(Map<String, String> overrides, long seed) {
        this.overrides = Map.copyOf(overrides);
        this.seed = seed;
    }

    /**
     * A fresh simulation of a generated network class: params overridden by {@code overrides} (name
     * to text such as "0.7 nA"), data files found in {@code dataDirectory} unless {@code dataFiles}
     * says where one is (by the name the model gives it); not yet set up.
     */
    public static Simulation of(Class<? extends GeneratedNetwork> type, Map<String, String> overrides, long seed,
                                java.nio.file.Path dataDirectory, Map<String, java.nio.file.Path> dataFiles, String modelName) {
        Simulation sim = new Simulation(overrides, seed);
        sim.setDataDirectory(dataDirectory);
        sim.setDataFiles(dataFiles);
        sim.setModelName(modelName);
        try {
            type.getConstructor(Simulation.class).newInstance(sim);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof OutOfMemoryError) {
                throw new ModelError("the network does not fit in the Java heap (" + HeapRoom.limit() + "): run Java with a larger heap"
                        + " (-Xmx; with ./myelin: MYELIN_JAVA_OPTS=-Xmx16g) or make the model smaller");
            }
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated class cannot be instantiated", e);
        }
        return sim;
    }

    // ── called by generated code while it is constructed ──

    public void declareParams(ParamSpec[] specs) {
        this.params = ParamValues.resolve(specs, overrides);
    }

    public double param(String name) {
        return params.get(name);
    }

    /** A param whose default is computed from the params above it; --set still overrides it. */
    public double derivedParam(String name, double computed) {
        return params.derived(name, computed);
    }

    public long seed() {
        return seed;
    }

    /** The team of threads the time steps split their loops over neurons between; null with one thread. */
    public dev.myelin.runtime.parallel.StepTeam team() {
        return team;
    }

    /**
     * Runs the time steps on {@code threads} threads from now on (1: on the caller's alone). The
     * results are the same with any number of threads, bit for bit.
     */
    public void setThreads(int threads) {
        if (threads < 1) throw new ModelError("--threads needs a whole number of at least 1, not " + threads);
        if (team != null && team.threads() == threads) return;
        if (team != null) team.close();
        team = threads == 1 ? null : new dev.myelin.runtime.parallel.StepTeam(threads);
    }

    /** The number of threads the time steps run on. */
    public int threads() {
        return team == null ? 1 : team.threads();
    }

    public SpikeRecorder spikeRecorder(String name, int start, int stop) {
        SpikeRecorder r = new SpikeRecorder(name, start, stop);
        recorders.add(r);
        return r;
    }

    /** {@code toDisk}: the monitor appends its samples to the results directory as it records. */
    public StateRecorder stateRecorder(String name, String[] variables, int[] indices, long everySteps, boolean toDisk) {
        StateRecorder r = new StateRecorder(name, variables, indices, everySteps, toDisk ? () -> resultsDirectory : null);
        recorders.add(r);
        return r;
    }

    /**
     * Before the constructor allocates the groups: {@code names}, {@code sizes} and the bytes each
     * neuron of a group takes; refuses groups the heap cannot hold.
     */
    public void checkGroupMemory(String[] names, int[] sizes, long[] bytesPerNeuron) {
        List<MemoryCheck.Group> groups = new ArrayList<>();
        for (int g = 0; g < names.length; g++) groups.add(new MemoryCheck.Group(names[g], sizes[g], bytesPerNeuron[g]));
        memory.groups(groups);
    }

    public RateRecorder rateRecorder(String name, int groupSize) {
        RateRecorder r = new RateRecorder(name, groupSize);
        recorders.add(r);
        return r;
    }

    /** A group size from a param expression, checked to be a usable count. */
    public int groupSize(String group, double value) {
        if (value < 1 || value != Math.rint(value) || value > Integer.MAX_VALUE - 8) {
            throw new ModelError("group " + group + " would have " + value + " neurons; the size must be a whole number from 1 to " + (Integer.MAX_VALUE - 8));
        }
        return (int) value;
    }

    /** Called by generated code when a list assigned to a group has the wrong length. */
    public ModelError listLengthError(String target, int given, int size) {
        return new ModelError(target + ": the list has " + given + " values but the group has " + size + " neurons");
    }

    /** As {@link #listLengthError} for synapses, whose number is known only once they are connected. */
    public ModelError synapseListLengthError(String target, int given, int size) {
        return new ModelError(target + ": the list has " + given + " values but there are " + size + " synapses");
    }

    /** A state monitor of synapses asked for a synapse that does not exist. */
    public ModelError synapseIndexError(String monitor, String synapses, int index, int size) {
        return new ModelError("monitor " + monitor + " records synapse " + index + ", but synapses " + synapses + " has " + size
                + " synapse" + (size == 1 ? "" : "s") + " (numbered from 0 in the order connect made them)");
    }

    public void setDataDirectory(java.nio.file.Path directory) {
        this.dataDirectory = directory;
    }

    /** Data files by the name the model gives them, found elsewhere than beside it (a standalone jar's bundled data). */
    private Map<String, java.nio.file.Path> dataFiles = Map.of();

    /** Where each data file named in the model is, by the name the model gives it; others are looked up in the data directory. */
    public void setDataFiles(Map<String, java.nio.file.Path> files) {
        this.dataFiles = Map.copyOf(files);
    }

    /** A data file named in the model, relative to the model file's folder. */
    public java.nio.file.Path dataFile(String path) {
        java.nio.file.Path p = dataFiles.containsKey(path) ? dataFiles.get(path) : dataDirectory.resolve(path).normalize();
        if (!java.nio.file.Files.isReadable(p)) throw new ModelError("cannot read the data file " + p);
        return p;
    }

    /** Values of a save statement (SI units), row-major with {@code columns} columns (1: a vector). */
    public record Saved(Object values, int columns) {
    }

    /** Values for {@code target} from an NPY file (SI units), checked to have one value per element. */
    public double[] npyValues(String path, String target, int size) {
        java.nio.file.Path file = dataFile(path);
        dev.myelin.runtime.io.NpyArray array;
        try {
            array = dev.myelin.runtime.io.NpyReader.read(file);
        } catch (java.io.IOException e) {
            throw new ModelError(target + ": cannot read " + file + ": " + e.getMessage());
        }
        if (array.size() != size) {
            throw new ModelError(target + ": " + file + " has " + array.size() + " values but there are " + size + " elements to set");
        }
        return array.data();
    }

    /** Keeps values of a save statement (SI units) for the results directory. */
    public void save(String name, double[] values, int columns) {
        saved.put(name, new Saved(values, columns));
    }

    public void save(String name, long[] values, int columns) {
        saved.put(name, new Saved(values, columns));
    }

    /** What the protocol saved, by name. */
    /** The protocol's {@code image}: the values as they are now, one tile per neuron (see TileImage). */
    public void image(String name, double[] values, int[] tile, int[] pixel, int tiles, int rows, int cols) {
        images.put(name, dev.myelin.runtime.io.TileImage.of(name, values, tile, pixel, tiles, rows, cols));
    }

    public Map<String, dev.myelin.runtime.io.TileImage> images() {
        return java.util.Collections.unmodifiableMap(images);
    }

    public Map<String, Object> saved() {
        return java.util.Collections.unmodifiableMap(saved);
    }

    // ── driving ──

    public void attach(GeneratedNetwork network) {
        this.network = network;
        this.dt = network.dt();
        if (!(dt > 0) || Double.isInfinite(dt)) throw new ModelError("dt must be a positive time, but it is " + dt + " s");
    }

    public GeneratedNetwork network() {
        return network;
    }

    /** Sets the network up (initial values, connect) and runs the model file's protocol. */
    public void runProtocol() {
        setUp();
        runExperiment();
    }

    /** Initial values and connect, as the model file declares them: a network at t = 0 ready to run. */
    public void setUp() {
        network.setup();
    }

    /** The protocol the model file writes after its setup: runs, assignments, loops. */
    public void runExperiment() {
        network.protocol();
    }

    /**
     * Advances by {@code duration} seconds. The end step follows Brian2's clock: round(T/dt) when
     * T/dt is within 1e-4 of a whole number, otherwise ceil.
     */
    public void run(double duration) {
        if (duration < 0 || Double.isNaN(duration)) throw new ModelError("cannot run for a negative duration (" + duration + " s)");
        double end = time + duration;
        long endStep = timestepOf(end, dt);
        long started = System.nanoTime();
        // Loops over samples draw their own line; a run inside one stays quiet.
        var line = new dev.myelin.runtime.protocol.RunProgress(sampleLoopsRunning.isEmpty() ? progress : null, time, duration);
        memory.beforeRun(step, endStep, recorders);
        try {
            network.beforeRun();
            for (Recorder r : recorders) r.beginRun();
            while (step < endStep) {
                if (stopRequested) throw new Stopped(step * dt);
                long to = Math.min(endStep, step + CHUNK);
                network.advance(step, to);
                stepsRun += to - step;
                step = to;
                line.at(step * dt);
            }
        } finally {
            simulateNanos += System.nanoTime() - started;
            line.end();
        }
        time = end;
    }

    // ── called by the generated protocol ──

    /**
     * Brian2's store(): keeps the network's state (variables, spikes in flight), the time and how
     * far each monitor has recorded, under {@code name}; a later store of the same name replaces it.
     */
    public void store(String name) {
        int[] marks = new int[recorders.size()];
        for (int k = 0; k < marks.length; k++) marks[k] = recorders.get(k).mark();
        stored.put(name, new Snapshot(step, time, network.captureState(), marks));
    }

    /** Brian2's restore(): back to a stored state; monitors forget what they recorded since, as in Brian2. */
    public void restore(String name) {
        Snapshot s = stored.get(name);
        if (s == null) {
            throw new ModelError("restore " + name + ": nothing was stored under that name; write 'store"
                    + (name.equals("default") ? "" : " " + name) + "' before it");
        }
        network.restoreState(s.state());
        for (int k = 0; k < s.marks().length; k++) recorders.get(k).truncate(s.marks()[k]);
        step = s.step();
        time = s.time();
    }

    public void setResultsDirectory(java.nio.file.Path directory) {
        this.resultsDirectory = directory;
    }

    public void setModelName(String name) {
        this.modelName = name;
    }

    /** The checkpoint files written so far, for the manifest. */
    public List<java.nio.file.Path> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The checkpoint files restored from so far, for the manifest. */
    public List<java.nio.file.Path> restoredCheckpoints() {
        return List.copyOf(restoredCheckpoints);
    }

    /**
     * {@code store to 'file'}: the state that store keeps (variables, spikes in flight, time) in a
     * checkpoint file; a relative path is inside the results directory.
     */
    public void storeTo(String path) {
        java.nio.file.Path file = resultsDirectory.resolve(path);
        String[] names = network.stateNames();
        Object[] state = network.captureState();
        Map<String, Object> parts = new java.util.LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) parts.put(names[k], state[k]);
        new dev.myelin.runtime.protocol.Checkpoint(modelName, seed, dt, step, time, parts).write(file);
        if (!checkpoints.contains(file)) checkpoints.add(file);
    }

    /**
     * {@code restore from 'file'}: back to the state of a checkpoint, which must come from a
     * network with the same groups, variables, sizes, dt and synapses. Monitors keep what they
     * recorded (the checkpoint has no monitors); the protocol's variables are not part of it.
     */
    public void restoreFrom(String path) {
        java.nio.file.Path file = resultsDirectory.resolve(path);
        var checkpoint = dev.myelin.runtime.protocol.Checkpoint.read(file);
        Object[] state = new dev.myelin.runtime.protocol.CheckpointMatch(file, checkpoint, seed, dt)
                .state(network.stateNames(), network.captureState());
        network.restoreState(state);
        step = checkpoint.step();
        time = checkpoint.time();
        if (!restoredCheckpoints.contains(file)) restoredCheckpoints.add(file);
    }

    /** A readout over a spike monitor's neurons (at most one per model). */
    public dev.myelin.runtime.readout.Readout readout(String name, SpikeRecorder monitor, long classes) {
        if (classes < 1 || classes > 1 << 20) throw new ModelError("readout " + name + ": the number of classes must be at least 1, not " + classes);
        return new dev.myelin.runtime.readout.Readout(name, monitor, (int) classes);
    }

    /** The protocol's report: assigns classes, classifies, prints the accuracy; the results directory gets the metrics. */
    public void report(dev.myelin.runtime.readout.Readout readout) {
        for (var loop : sampleLoopsRunning) loop.clear();
        reported = readout.report();
        out.println(reported.summary());
    }

    /** The last report of the protocol, written with the results; null if none. */
    public dev.myelin.runtime.readout.Readout.Report reported() {
        return reported;
    }

    /** A loop over the samples [from, to) of a data set begins; {@code role} is train, observe or test. */
    public dev.myelin.runtime.protocol.SampleLoop beginSamples(String dataSet, int from, int to, String role) {
        var loop = new dev.myelin.runtime.protocol.SampleLoop(dataSet + "[" + from + ":" + to + "]",
                dev.myelin.runtime.protocol.SampleLoop.Role.valueOf(role), Math.max(0, to - from), progress);
        sampleLoopsRunning.addLast(loop);
        return loop;
    }

    public void endSamples(dev.myelin.runtime.protocol.SampleLoop loop) {
        sampleLoopsRunning.remove(loop);
        sampleLoops.add(loop.end());
    }

    /** The loops over samples that ended, in order. */
    public List<dev.myelin.runtime.protocol.SampleLoop.Timing> sampleLoops() {
        return List.copyOf(sampleLoops);
    }

    /** Where progress lines go (null: none); standard error when a terminal is attached, by default. */
    public void setProgress(java.io.PrintStream stream) {
        progress = stream;
    }

    /** Sends the protocol's print output to {@code stream} (standard output by default). */
    public void setOutput(java.io.PrintStream stream) {
        out = stream;
    }

    public void print(String line) {
        for (var loop : sampleLoopsRunning) loop.clear();
        out.println(line);
    }

    /** A value as print shows it: the shortest decimal that reads back exactly, then its unit (SI) if any. */
    public String format(double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : decimal(value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** The shortest decimal that reads back exactly, in Python's layout: 0.0001, 1e-05, 2.5e+20. */
    private static String decimal(double value) {
        String java = Double.toString(value);
        int e = java.indexOf('E');
        if (e < 0) return java;
        int exponent = Integer.parseInt(java.substring(e + 1));
        if (exponent >= -4 && exponent < 16) return new java.math.BigDecimal(java).stripTrailingZeros().toPlainString();
        String mantissa = java.substring(0, e).replaceFirst("\\.0$", "");
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** Asks a running simulation to stop soon; results recorded so far stay valid. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Thrown out of {@link #run} when a stop was requested. */
    public static final class Stopped extends RuntimeException {
        public Stopped(double atSeconds) {
            super("interrupted at t = " + atSeconds + " s", null, false, false);
        }
    }

    static long timestepOf(double t, double dt) {
        double exact = t / dt;
        double rounded = Math.rint(exact);
        return Math.abs(rounded - exact) <= 1e-4 ? (long) rounded : (long) Math.ceil(exact);
    }

    public long step() {
        return step;
    }

    public double dt() {
        return dt;
    }

    public List<Recorder> recorders() {
        return List.copyOf(recorders);
    }

    public ParamValues params() {
        return params;
    }

    public double simulateSeconds() {
        return simulateNanos / 1e9;
    }

    public long stepsRun() {
        return stepsRun;
    }
}
