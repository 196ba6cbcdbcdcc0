package dev.myelin.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.ArrayVar;
import dev.myelin.compiler.lower.EventPlan;
import dev.myelin.compiler.lower.RegularPlan;
import dev.myelin.compiler.model.RegularCode;
import dev.myelin.compiler.lower.GroupPlan;
import dev.myelin.compiler.lower.LoweredModel;
import dev.myelin.compiler.lower.Step;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.DataSetSpec;
import dev.myelin.compiler.model.Monitor;
import dev.myelin.compiler.model.Param;
import dev.myelin.compiler.model.ProtocolStep;
import dev.myelin.compiler.model.SpikeGenerator;
import dev.myelin.compiler.model.TimedArray;
import dev.myelin.compiler.model.PoissonInput;
import dev.myelin.compiler.lower.PathwayPlan;
import dev.myelin.compiler.lower.SynapsePlan;
import dev.myelin.runtime.units.Dimension;

import javax.lang.model.element.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Java class for a lowered model. Layout: fields for params, per-group arrays and
 * recorders; a constructor that allocates; {@code advance(from, to)} with Brian2's schedule per step
 * (start: state monitors; groups: state updates; thresholds; resets; end: rate monitors), each slot
 * of each group in its own small method so the JIT compiles them well; {@code protocol()}.
 */
public final class JavaGenerator {

    public static final String PACKAGE = "dev.myelin.generated";
    private static final ClassName BASE = ClassName.get("dev.myelin.runtime", "GeneratedNetwork");
    private static final ClassName SIMULATION = ClassName.get("dev.myelin.runtime", "Simulation");
    private static final ClassName PARAM_SPEC = ClassName.get("dev.myelin.runtime", "ParamSpec");
    private static final ClassName DIMENSION = ClassName.get("dev.myelin.runtime.units", "Dimension");
    private static final ClassName SPIKE_REC = ClassName.get("dev.myelin.runtime.monitor", "SpikeRecorder");
    private static final ClassName STATE_REC = ClassName.get("dev.myelin.runtime.monitor", "StateRecorder");
    private static final ClassName RATE_REC = ClassName.get("dev.myelin.runtime.monitor", "RateRecorder");
    private static final ClassName SPIKE_TRAIN = ClassName.get("dev.myelin.runtime.input", "SpikeTrain");
    private static final ClassName SPIKE_TRAIN_FILES = ClassName.get("dev.myelin.runtime.input", "SpikeTrainFiles");
    private static final ClassName TIMED_VALUES = ClassName.get("dev.myelin.runtime.input", "TimedValues");
    private static final ClassName BINOMIAL = ClassName.get("dev.myelin.runtime.random", "Binomial");
    private static final ClassName DATA_SET = ClassName.get("dev.myelin.runtime.data", "DataSet");
    private static final ClassName READOUT = ClassName.get("dev.myelin.runtime.readout", "Readout");
    private static final ClassName SAMPLE_LOOP = ClassName.get("dev.myelin.runtime.protocol", "SampleLoop");
    private static final ClassName STEP_DECAY = ClassName.get("dev.myelin.runtime.synapse", "StepDecay");
    private static final ClassName BERNOULLI_GAPS = ClassName.get("dev.myelin.runtime.random", "BernoulliGaps");
    private static final ClassName SPIKE_CALENDAR = ClassName.get("dev.myelin.runtime.random", "SpikeCalendar");
    private static final ClassName COUNTER_RNG = ClassName.get("dev.myelin.runtime.random", "CounterRng");
    private static final ClassName FLOAT_ARRAYS = ClassName.get("dev.myelin.runtime", "FloatArrays");
    /** Call sites of the gap draws of constant-chance groups: after a spike, and at the start of a run. */
    private static final int GAP_SITE = 1 << 25, RUN_START_GAP_SITE = GAP_SITE + 1;
    /** Random streams of Poisson inputs, apart from groups, synapses and connects. */
    private static final int POISSON_INPUT_STREAMS = 1 << 21;

    private final LoweredModel lowered;
    private final CheckedModel model;
    private final List<GroupPlan> scheduleOrder;
    private final TypeSpec.Builder type;
    private final List<MethodSpec> methods = new ArrayList<>();
    private final SynapseCode synapseCode;
    private final SynapseStorage storage;
    private final ParallelParts parallel = new ParallelParts();

    private JavaGenerator(LoweredModel lowered, Precision precision, String simpleName) {
        this.lowered = lowered;
        this.model = lowered.model();
        this.storage = new SynapseStorage(lowered, precision);
        this.synapseCode = new SynapseCode(lowered, methods, storage);
        // Brian2 orders objects in the same slot by name.
        this.scheduleOrder = lowered.groups().stream().sorted(Comparator.comparing(GroupPlan::name)).toList();
        this.type = TypeSpec.classBuilder(simpleName).addModifiers(Modifier.PUBLIC, Modifier.FINAL).superclass(BASE)
                .addJavadoc("Generated by Myelin. Do not edit.\n");
    }

    /** Generates the class; its name carries a hash of the source so equal models share a cache entry. */
    public static GeneratedSource generate(LoweredModel lowered) {
        return generate(lowered, Precision.DOUBLE);
    }

    /** With synaptic variables stored in {@code precision}. */
    public static GeneratedSource generate(LoweredModel lowered, Precision precision) {
        String body = new JavaGenerator(lowered, precision, "Network").build();
        String hash = sha256(body).substring(0, 16);
        String simpleName = "Network_" + hash;
        String source = new JavaGenerator(lowered, precision, simpleName).build();
        return new GeneratedSource(PACKAGE, simpleName, source, hash);
    }

    private String build() {
        fields();
        constructor();
        advance();
        for (GroupPlan g : lowered.groups()) groupMethods(g);
        for (int k = 0; k < model.poissonInputs().size(); k++) poissonInputMethod(model.poissonInputs().get(k), POISSON_INPUT_STREAMS + k);
        for (SynapsePlan syn : lowered.synapses()) {
            synapseCode.connectMethods(syn, synapseMonitors(syn.name()));
            synapseCode.update(syn);
            synapseCode.traces(syn);
            synapseCode.summed(syn);
            for (PathwayPlan p : syn.pathways()) synapseCode.pathway(syn, p);
        }
        monitorMethods();
        beforeRun();
        storedState();
        protocol();
        accessors();
        methods.forEach(type::addMethod);
        return JavaFile.builder(PACKAGE, type.build()).skipJavaLangImports(true).indent("    ").build().toString();
    }

    // ── fields and construction ──

    private void fields() {
        type.addField(double.class, "dt", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(long.class, "seed", Modifier.PRIVATE, Modifier.FINAL);
        for (Param p : model.params()) type.addField(double.class, JavaNames.param(p.name()), Modifier.PRIVATE, Modifier.FINAL);
        for (var v : model.variables()) {
            if (v.perElement()) {
                type.addField(double[].class, JavaNames.sample(v.name()), Modifier.PRIVATE);
                continue;
            }
            Class<?> t = v.type() == ValueType.BOOL ? boolean.class : v.type() == ValueType.INT ? long.class : double.class;
            type.addField(t, JavaNames.protocolVariable(v.name()), Modifier.PRIVATE);
        }
        for (DataSetSpec ds : model.dataSets()) type.addField(DATA_SET, JavaNames.dataSet(ds.name()), Modifier.PRIVATE, Modifier.FINAL);
        for (var r : model.readouts()) type.addField(READOUT, JavaNames.readout(r.name()), Modifier.PRIVATE, Modifier.FINAL);
        for (GroupPlan g : lowered.groups()) {
            type.addField(int.class, JavaNames.size(g.name()), Modifier.PRIVATE, Modifier.FINAL);
            for (ArrayVar a : g.arrays()) type.addField(arrayType(a.type()), JavaNames.array(g.name(), a.name()), Modifier.PRIVATE, Modifier.FINAL);
            for (String s : g.sharedVariables()) type.addField(double.class, JavaNames.array(g.name(), s), Modifier.PRIVATE);
            type.addField(int[].class, JavaNames.spikes(g.name()), Modifier.PRIVATE, Modifier.FINAL);
            type.addField(int.class, JavaNames.spikeCount(g.name()), Modifier.PRIVATE);
            if (g.constantChance().isPresent()) {
                type.addField(long[].class, JavaNames.nextSpike(g.name()), Modifier.PRIVATE, Modifier.FINAL);
                type.addField(double[].class, JavaNames.logStay(g.name()), Modifier.PRIVATE, Modifier.FINAL);
                type.addField(SPIKE_CALENDAR, JavaNames.calendar(g.name()), Modifier.PRIVATE, Modifier.FINAL);
            }
            for (EventPlan e : g.events()) {
                type.addField(int[].class, JavaNames.events(g.name(), e.name()), Modifier.PRIVATE, Modifier.FINAL);
                type.addField(int.class, JavaNames.eventCount(g.name(), e.name()), Modifier.PRIVATE);
            }
            for (RegularPlan r : g.regular()) {
                if (r.dt().isPresent()) type.addField(long.class, regularEvery(g, r), Modifier.PRIVATE, Modifier.FINAL);
            }
        }
        for (SynapsePlan syn : lowered.synapses()) synapseCode.fields(type, syn);
        for (SpikeGenerator gen : model.generators()) type.addField(SPIKE_TRAIN, JavaNames.generator(gen.group()), Modifier.PRIVATE, Modifier.FINAL);
        for (TimedArray table : model.timedArrays()) type.addField(TIMED_VALUES, JavaNames.table(table.index()), Modifier.PRIVATE, Modifier.FINAL);
        for (int k = 0; k < lowered.decayTables(); k++) type.addField(STEP_DECAY, JavaNames.decay(k), Modifier.PRIVATE, Modifier.FINAL);
        for (PoissonInput pi : model.poissonInputs()) type.addField(BINOMIAL, JavaNames.poissonInput(pi.name()), Modifier.PRIVATE);
        for (Monitor m : model.monitors()) {
            ClassName rec = m instanceof Monitor.Spikes ? SPIKE_REC : m instanceof Monitor.State ? STATE_REC : RATE_REC;
            // A monitor of synapses is created once the synapses exist (after connect).
            if (isSynapses(m.group())) type.addField(rec, JavaNames.recorder(m.name()), Modifier.PRIVATE);
            else type.addField(rec, JavaNames.recorder(m.name()), Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    private boolean isSynapses(String name) {
        return lowered.synapsesNamed(name).isPresent();
    }

    private List<Monitor.State> synapseMonitors(String synapses) {
        List<Monitor.State> out = new ArrayList<>();
        for (Monitor m : model.monitors()) if (m instanceof Monitor.State st && st.group().equals(synapses)) out.add(st);
        return out;
    }

    static Class<?> arrayType(ValueType t) {
        return switch (t) {
            case DOUBLE -> double[].class;
            case INT -> int[].class;
            case BOOL -> double[].class; // 0.0 or 1.0: see javaType
        };
    }

    /** What the constructor allocates per neuron of a group: its variables, spike list, Poisson calendar and event lists. */
    private static long bytesPerNeuron(GroupPlan g) {
        long bytes = Integer.BYTES; // the spike list
        for (ArrayVar a : g.arrays()) bytes += a.type() == ValueType.INT ? Integer.BYTES : Double.BYTES;
        if (g.constantChance().isPresent()) bytes += Long.BYTES + Double.BYTES;
        return bytes + (long) g.events().size() * Integer.BYTES;
    }

    private void constructor() {
        JavaExpressions java = new JavaExpressions(0);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(SIMULATION, "sim");
        ctor.addStatement("super(sim)");
        CodeBlock.Builder specs = CodeBlock.builder();
        for (int k = 0; k < model.params().size(); k++) {
            Param p = model.params().get(k);
            Dimension d = p.dimension();
            specs.add("$Lnew $T($S, $L, new $T($L, $L, $L, $L, $L, $L, $L), $L)", k == 0 ? "" : ", ", PARAM_SPEC, p.name(),
                    JavaExpressions.literal(Expr.Num.of(p.defaultValue())), DIMENSION, d.twiceMetre(), d.twiceKilogram(), d.twiceSecond(), d.twiceAmpere(),
                    d.twiceKelvin(), d.twiceMole(), d.twiceCandela(), p.type() == ValueType.INT);
        }
        ctor.addStatement("sim.declareParams(new $T[] {$L})", PARAM_SPEC, specs.build());
        for (Param p : model.params()) {
            if (p.derivedFrom().isPresent()) {
                ctor.addStatement("this.$L = sim.derivedParam($S, $L)", JavaNames.param(p.name()), p.name(), java.number(p.derivedFrom().get()));
            } else {
                ctor.addStatement("this.$L = sim.param($S)", JavaNames.param(p.name()), p.name());
            }
        }
        ctor.addStatement("this.dt = $L", java.number(model.dt()));
        ctor.addStatement("this.seed = sim.seed()");
        for (GroupPlan g : lowered.groups()) {
            ctor.addStatement("this.$L = sim.groupSize($S, $L)", JavaNames.size(g.name()), g.name(), java.number(g.group().size()));
        }
        if (!lowered.groups().isEmpty()) {
            ctor.addStatement("sim.checkGroupMemory(new String[] {$L}, new int[] {$L}, new long[] {$L})",
                    String.join(", ", lowered.groups().stream().map(g -> JavaExpressions.stringLiteral(g.name())).toList()),
                    String.join(", ", lowered.groups().stream().map(g -> "this." + JavaNames.size(g.name())).toList()),
                    String.join(", ", lowered.groups().stream().map(g -> bytesPerNeuron(g) + "L").toList()));
        }
        for (GroupPlan g : lowered.groups()) {
            String n = JavaNames.size(g.name());
            for (ArrayVar a : g.arrays()) {
                String field = JavaNames.array(g.name(), a.name());
                ctor.addStatement("this.$L = new $L[$L]", field, javaType(a.type()), n);
                if (a.initial() != 0) {
                    String value = a.type() == ValueType.BOOL ? "1.0" : JavaExpressions.literal(Expr.Num.of(a.initial()));
                    ctor.addStatement("java.util.Arrays.fill(this.$L, $L)", field, value);
                }
            }
            ctor.addStatement("this.$L = new int[$L]", JavaNames.spikes(g.name()), n);
            if (g.constantChance().isPresent()) {
                ctor.addStatement("this.$L = new long[$L]", JavaNames.nextSpike(g.name()), n);
                ctor.addStatement("this.$L = new double[$L]", JavaNames.logStay(g.name()), n);
                ctor.addStatement("this.$L = new $T()", JavaNames.calendar(g.name()), SPIKE_CALENDAR);
            }
            for (EventPlan e : g.events()) ctor.addStatement("this.$L = new int[$L]", JavaNames.events(g.name(), e.name()), n);
        }
        for (int k = 0; k < lowered.decayTables(); k++) ctor.addStatement("this.$L = new $T(dt)", JavaNames.decay(k), STEP_DECAY);
        for (TimedArray table : model.timedArrays()) {
            String field = JavaNames.table(table.index());
            if (table.values().isPresent()) {
                String values = String.join(", ", table.values().get().stream().map(v -> JavaExpressions.literal(Expr.Num.of(v))).toList());
                ctor.addStatement("this.$L = new $T(new double[] {$L}, 1, $L, dt)", field, TIMED_VALUES, values, java.number(table.dt()));
            } else {
                ctor.addStatement("this.$L = $T.fromNpy(sim.dataFile($S), $L, $L, dt)", field, TIMED_VALUES, table.file().get(),
                        JavaExpressions.literal(Expr.Num.of(table.scale())), java.number(table.dt()));
            }
        }
        for (SpikeGenerator gen : model.generators()) {
            String spikes;
            if (gen.source() instanceof SpikeGenerator.Inline in) {
                spikes = "new " + SPIKE_TRAIN.canonicalName() + ".Spikes(new int[] {" + String.join(", ", in.indices().stream().map(String::valueOf).toList())
                        + "}, new double[] {" + String.join(", ", in.times().stream().map(v -> JavaExpressions.literal(Expr.Num.of(v))).toList()) + "})";
            } else if (gen.source() instanceof SpikeGenerator.Csv csv) {
                spikes = SPIKE_TRAIN_FILES.canonicalName() + ".csv(sim.dataFile(\"" + escape(csv.path()) + "\"))";
            } else {
                SpikeGenerator.Npy npy = (SpikeGenerator.Npy) gen.source();
                spikes = SPIKE_TRAIN_FILES.canonicalName() + ".npy(sim.dataFile(\"" + escape(npy.indices()) + "\"), sim.dataFile(\"" + escape(npy.times()) + "\"))";
            }
            String period = gen.period().map(java::number).orElse("0");
            ctor.addStatement("this.$L = new $T($S, this.$L, $L, $L)", JavaNames.generator(gen.group()), SPIKE_TRAIN, gen.group(), JavaNames.size(gen.group()), spikes, period);
        }
        for (SynapsePlan syn : lowered.synapses()) synapseCode.construct(ctor, syn);
        for (DataSetSpec ds : model.dataSets()) {
            List<String> files = ds.files().stream().map(f -> "sim.dataFile(" + JavaExpressions.stringLiteral(f) + ")").toList();
            String read = switch (ds.format()) {
                case IDX -> "fromIdx(" + files.get(0) + ", " + files.get(1) + ")";
                case NPY -> "fromNpy(" + String.join(", ", files) + ")";
                case CSV -> "fromCsv(" + files.get(0) + ")";
            };
            ctor.addStatement("this.$L = $T.$L", JavaNames.dataSet(ds.name()), DATA_SET, read);
        }
        for (Monitor m : model.monitors()) {
            if (isSynapses(m.group())) continue;
            String n = JavaNames.size(m.group());
            String field = JavaNames.recorder(m.name());
            if (m instanceof Monitor.Spikes s) {
                ctor.addStatement("this.$L = sim.spikeRecorder($S, $L, $L)", field, s.name(), s.start(), s.stop() < 0 ? n : s.stop());
            } else if (m instanceof Monitor.State s) {
                    String indices;
                    if (s.all()) {
                        ctor.addStatement("int[] $L_idx = new int[$L]", field, n);
                        ctor.addStatement("for (int k = 0; k < $L; k++) $L_idx[k] = k", n, field);
                        indices = field + "_idx";
                    } else {
                        indices = "new int[] {" + String.join(", ", s.indices().stream().map(String::valueOf).toList()) + "}";
                    }
                    String every = s.recordDt().isPresent() ? "everySteps(" + java.number(s.recordDt().get()) + ", \"monitor " + s.name() + "\")" : "1L";
                    String vars = "new String[] {" + String.join(", ", s.variables().stream().map(v -> "\"" + v + "\"").toList()) + "}";
                    ctor.addStatement("this.$L = sim.stateRecorder($S, $L, $L, $L, $L)", field, s.name(), vars, indices, every, s.toDisk());
            } else if (m instanceof Monitor.Rate r) {
                ctor.addStatement("this.$L = sim.rateRecorder($S, $L)", field, r.name(), n);
            }
        }
        for (GroupPlan g : lowered.groups()) {
            for (RegularPlan r : g.regular()) {
                if (r.dt().isPresent()) {
                    ctor.addStatement("this.$L = everySteps($L, $S)", regularEvery(g, r), java.number(r.dt().get()), "run_regularly of group " + g.name());
                }
            }
        }
        for (var r : model.readouts()) {
            ctor.addStatement("this.$L = sim.readout($S, this.$L, (long) ($L))", JavaNames.readout(r.name()), r.name(), JavaNames.recorder(r.monitor()),
                    java.number(r.classes()));
        }
        ctor.addStatement("sim.attach(this)");
        methods.add(ctor.build());
        boolean ownClocks = model.monitors().stream().anyMatch(m -> m instanceof Monitor.State s && s.recordDt().isPresent())
                || lowered.groups().stream().anyMatch(g -> g.regular().stream().anyMatch(r -> r.dt().isPresent()));
        if (ownClocks) {
            methods.add(MethodSpec.methodBuilder("everySteps").addModifiers(Modifier.PRIVATE).returns(long.class)
                    .addParameter(double.class, "clockDt").addParameter(String.class, "what")
                    .addComment("A clock of its own must tick with the network's: its dt a whole multiple of dt.")
                    .addStatement("double ratio = clockDt / dt")
                    .beginControlFlow("if (Math.abs(ratio - Math.rint(ratio)) > 1e-6 * ratio || Math.rint(ratio) < 1)")
                    .addStatement("throw new dev.myelin.runtime.ModelError(what + \": its dt (\" + clockDt + \" s) must be a whole multiple of the model's dt (\" + dt + \" s)\")")
                    .endControlFlow()
                    .addStatement("return (long) Math.rint(ratio)")
                    .build());
        }
    }

    /**
     * The element type of a per-neuron or per-synapse array. Booleans are stored as 0.0 and 1.0:
     * loops that compute a flag from doubles (not_refractory, every step) then stay all-double, which
     * C2 vectorises; a boolean store from a double comparison keeps the whole loop scalar.
     */
    static String javaType(ValueType t) {
        return switch (t) {
            case DOUBLE -> "double";
            case INT -> "int";
            case BOOL -> "double";
        };
    }

    // ── the time loop ──

    /**
     * One step in Brian2's schedule: start (state monitors), groups (summed variables, then state
     * updates of groups and synapses), thresholds (and spike generators, spike monitors), synapses
     * (pre pathways, then post pathways), resets, end (rate monitors, state monitors at the end).
     * Objects in one slot run in the order of their names, as in Brian2.
     */
    private void advance() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("advance").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(long.class, "from").addParameter(long.class, "to");
        m.addStatement("final $T team = sim.team()", ParallelParts.STEP_TEAM);
        m.beginControlFlow("for (long step = from; step < to; step++)");
        m.addStatement("final double t = step * dt");
        for (GroupPlan g : scheduleOrder) {
            if (!g.beforeStart().isEmpty()) m.addStatement("beforeStart_$L(step, t)", g.name());
        }
        // start: run_regularly code, then state monitors.
        regular(m, RegularCode.Slot.START);
        recordStates(m, false);
        List<SynapsePlan> synapses = lowered.synapses().stream().sorted(Comparator.comparing(SynapsePlan::name)).toList();
        for (SynapsePlan syn : synapses) {
            for (var sum : syn.summed()) m.addStatement("summed_$L_$L(step, t)", syn.name(), sum.target().name());
        }
        // groups: state updaters and run_regularly code, by Brian2's object names.
        java.util.TreeMap<String, String> updates = regularCalls(RegularCode.Slot.GROUPS);
        for (GroupPlan g : scheduleOrder) {
            if (!g.update().isEmpty() || g.hasRefractoriness()) {
                String call = splittableUpdate(g) ? parallel.update("update_" + g.name(), JavaNames.size(g.name()))
                        : ParallelParts.whole("update_" + g.name(), JavaNames.size(g.name()));
                updates.put(g.name() + "_stateupdater", call);
            }
        }
        for (SynapsePlan syn : synapses) if (!syn.update().isEmpty()) updates.put(syn.name() + "_stateupdater", "update_" + syn.name() + "(step, t)");
        // Traces kept per target neuron decay to t before anything reads them (only synaptic code does).
        for (SynapsePlan syn : synapses) if (!syn.postTraces().isEmpty()) m.addStatement("traces_$L(step, t)", syn.name());
        for (String call : updates.values()) m.addStatement("$L", call);
        // thresholds: spikes and custom events (each followed by its monitors), spike generators.
        java.util.TreeMap<String, String> thresholds = regularCalls(RegularCode.Slot.THRESHOLDS);
        for (GroupPlan g : scheduleOrder) {
            boolean generator = model.generator(g.name()).isPresent();
            if (generator) {
                thresholds.put(g.name() + "_spike_thresholder", "this." + JavaNames.spikeCount(g.name()) + " = this." + JavaNames.generator(g.name())
                        + ".emit(step, this." + JavaNames.spikes(g.name()) + ")" + eventMonitors(g.name(), "spike"));
            } else if (g.threshold().isPresent() && g.constantChance().isPresent()) {
                thresholds.put(g.name() + "_spike_thresholder", "threshold_" + g.name() + "(step, t)" + eventMonitors(g.name(), "spike"));
            } else if (g.threshold().isPresent()) {
                thresholds.put(g.name() + "_spike_thresholder", parallel.threshold("threshold_" + g.name(), JavaNames.size(g.name()),
                        JavaNames.spikes(g.name()), JavaNames.spikeCount(g.name())) + eventMonitors(g.name(), "spike"));
            }
            for (EventPlan e : g.events()) {
                thresholds.put(g.name() + "_" + e.name() + "_thresholder", "event_" + g.name() + "_" + e.name() + "(step, t)" + eventMonitors(g.name(), e.name()));
            }
        }
        for (String call : thresholds.values()) m.addStatement("$L", call);
        regular(m, RegularCode.Slot.SYNAPSES);
        for (boolean post : new boolean[] {false, true}) {
            if (post) {
                // Brian2 runs a PoissonInput in the synapses slot with order 0: after pre pathways (-1), before post ones (+1).
                java.util.TreeMap<String, String> inputs = new java.util.TreeMap<>();
                for (PoissonInput pi : model.poissonInputs()) inputs.put(pi.name(), "poissonInput_" + pi.name() + "(step, t)");
                for (String call : inputs.values()) m.addStatement("$L", call);
            }
            java.util.TreeMap<String, String> pathways = new java.util.TreeMap<>();
            for (SynapsePlan syn : synapses) {
                for (PathwayPlan p : syn.pathways()) {
                    if (p.post() == post) pathways.put(syn.name() + "_" + p.name(), "pathway_" + syn.name() + "_" + p.name() + "(step, t)");
                }
            }
            for (String call : pathways.values()) m.addStatement("$L", call);
        }
        java.util.TreeMap<String, String> resets = regularCalls(RegularCode.Slot.RESETS);
        for (GroupPlan g : scheduleOrder) {
            if (g.threshold().isPresent() && !g.reset().isEmpty()) resets.put(g.name() + "_spike_resetter", "reset_" + g.name() + "(step, t)");
        }
        for (String call : resets.values()) m.addStatement("$L", call);
        // after_resets: the code run on custom events (Brian2's run_on_event default slot).
        java.util.TreeMap<String, String> onEvents = new java.util.TreeMap<>();
        for (GroupPlan g : scheduleOrder) {
            for (EventPlan e : g.events()) {
                if (!e.code().isEmpty()) onEvents.put(g.name() + "_" + e.name() + "_resetter", "onEvent_" + g.name() + "_" + e.name() + "(step, t)");
            }
        }
        for (String call : onEvents.values()) m.addStatement("$L", call);
        regular(m, RegularCode.Slot.END);
        for (Monitor mon : model.monitors()) {
            if (mon instanceof Monitor.Rate r) m.addStatement("$L.record(step, $L)", JavaNames.recorder(r.name()), JavaNames.spikeCount(r.group()));
        }
        recordStates(m, true);
        m.endControlFlow();
        methods.add(m.build());
        if (!parallel.isEmpty()) methods.add(parallel.runPart());
    }

    /**
     * Whether a group's state update may be split between threads: it writes only its neuron's
     * own elements (a shared variable is one value for all).
     */
    private static boolean splittableUpdate(GroupPlan g) {
        return java.util.stream.Stream.concat(g.update().whenActive().stream(), g.update().whenRefractory().stream())
                .noneMatch(s -> !s.local() && g.sharedVariables().contains(s.target()));
    }

    /** A method over the indices [lo, hi) of a group: a state update or threshold that threads may split. */
    private MethodSpec.Builder rangeMethod(String name) {
        return slotMethod(name).addParameter(int.class, "lo").addParameter(int.class, "hi");
    }

    /** The calls of run_regularly code in {@code slot}, keyed by Brian2's object names ({@code G_run_regularly}). */
    private java.util.TreeMap<String, String> regularCalls(RegularCode.Slot slot) {
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        for (GroupPlan g : scheduleOrder) {
            for (RegularPlan r : g.regular()) {
                if (r.when() != slot) continue;
                String call = "regular_" + g.name() + "_" + r.index() + "(step, t)";
                if (r.dt().isPresent()) call = "if (step % this." + regularEvery(g, r) + " == 0) " + call;
                out.put(g.name() + "_run_regularly" + (r.index() == 0 ? "" : "_" + r.index()), call);
            }
        }
        return out;
    }

    private void regular(MethodSpec.Builder m, RegularCode.Slot slot) {
        for (String call : regularCalls(slot).values()) m.addStatement("$L", call);
    }

    private static String regularEvery(GroupPlan g, RegularPlan r) {
        return g.name() + "$$every$" + r.index();
    }

    /** Statements recording an event of a group with its monitors (spike or event monitors), appended after a call. */
    private String eventMonitors(String group, String event) {
        StringBuilder out = new StringBuilder();
        for (Monitor mon : model.monitors()) {
            if (mon instanceof Monitor.Spikes s && s.group().equals(group) && s.event().equals(event)) {
                out.append(";\n").append(JavaNames.recorder(s.name())).append(".record(").append(JavaNames.events(group, event)).append(", ")
                        .append(JavaNames.eventCount(group, event)).append(", step)");
            }
        }
        return out.toString();
    }

    private void recordStates(MethodSpec.Builder m, boolean atEnd) {
        for (Monitor mon : model.monitors()) {
            if (mon instanceof Monitor.State st && st.atEnd() == atEnd) {
                m.addStatement("if ($L.due(step)) record_$L(step, t)", JavaNames.recorder(mon.name()), mon.name());
            }
        }
    }

    /** Each step, every neuron of the target adds weight * binomial(N, rate*dt) to the variable. */
    private void poissonInputMethod(PoissonInput pi, int stream) {
        GroupPlan g = lowered.group(pi.group());
        JavaExpressions java = new JavaExpressions(g.stream());
        MethodSpec.Builder m = slotMethod("poissonInput_" + pi.name());
        aliases(m, g);
        ScalarHoister hoister = new ScalarHoister("_s", true);
        Expr weight = hoister.rewrite(pi.weight());
        declareHoisted(m, hoister, java);
        m.addStatement("final $T draw = this.$L", BINOMIAL, JavaNames.poissonInput(pi.name()));
        String target = JavaNames.array(pi.group(), pi.variable());
        m.addStatement("for (int i = 0; i < $L; i++) $L[i] += $L * draw.sample(seed, $L, i, step)", JavaNames.size(pi.group()), target, java.number(weight), stream);
        methods.add(m.build());
    }

    /** Before each run: spike generators and delays are converted to steps of the current dt; constant-chance groups draw their first spikes. */
    private void beforeRun() {
        boolean chances = lowered.groups().stream().anyMatch(g -> g.constantChance().isPresent());
        if (model.generators().isEmpty() && lowered.synapses().isEmpty() && model.poissonInputs().isEmpty() && !chances) return;
        MethodSpec.Builder m = MethodSpec.methodBuilder("beforeRun").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        JavaExpressions scalar = new JavaExpressions(0);
        for (PoissonInput pi : model.poissonInputs()) {
            m.addStatement("this.$L = new $T((long) ($L), $L * dt)", JavaNames.poissonInput(pi.name()), BINOMIAL, scalar.number(pi.n()), scalar.number(pi.rate()));
        }
        for (SpikeGenerator gen : model.generators()) m.addStatement("this.$L.prepare(dt, sim.step())", JavaNames.generator(gen.group()));
        for (GroupPlan g : lowered.groups()) {
            if (g.constantChance().isPresent()) m.addStatement("prepareChance_$L()", g.name());
        }
        for (SynapsePlan syn : lowered.synapses()) synapseCode.beforeRun(m, syn);
        methods.add(m.build());
    }

    /** A sample loop's role for the results: test if it predicts, observe if it observes, else train. */
    private static String role(List<ProtocolStep> body) {
        return contains(body, true) ? "TEST" : contains(body, false) ? "OBSERVE" : "TRAIN";
    }

    private static boolean contains(List<ProtocolStep> steps, boolean predict) {
        for (ProtocolStep s : steps) {
            if (s instanceof ProtocolStep.Observe o && o.predict() == predict) return true;
            if (s instanceof ProtocolStep.SampleLoop) continue; // an inner loop over samples has a role of its own
            for (List<ProtocolStep> block : s.blocks()) if (contains(block, predict)) return true;
        }
        return false;
    }

    private MethodSpec.Builder slotMethod(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE)
                .addParameter(long.class, "step").addParameter(double.class, "t");
    }

    /** Local aliases of the group's arrays, so loops read locals rather than fields. */
    static void aliases(MethodSpec.Builder m, GroupPlan g) {
        m.addStatement("final int $L = this.$L", JavaNames.size(g.name()), JavaNames.size(g.name()));
        for (ArrayVar a : g.arrays()) {
            m.addStatement("final $L[] $L = this.$L", javaType(a.type()), JavaNames.array(g.name(), a.name()), JavaNames.array(g.name(), a.name()));
        }
    }

    private void groupMethods(GroupPlan g) {
        JavaExpressions java = new JavaExpressions(g.stream());
        if (!g.beforeStart().isEmpty()) {
            MethodSpec.Builder m = slotMethod("beforeStart_" + g.name());
            aliases(m, g);
            loop(m, g, java, g.beforeStart(), true);
            methods.add(m.build());
        }
        if (!g.update().isEmpty() || g.hasRefractoriness()) {
            MethodSpec.Builder m = rangeMethod("update_" + g.name());
            m.addComment("Integration: $L", g.update().method());
            aliases(m, g);
            ScalarHoister hoister = new ScalarHoister("_s", true);
            CommonSubexpressions shared = new CommonSubexpressions("_c");
            List<Step> active = rewrite(g.update().whenActive(), hoister);
            List<Step> refractory = rewrite(g.update().whenRefractory(), hoister);
            List<Step> unconditional = List.of();
            if (g.update().split()) {
                Set<String> arrays = new java.util.HashSet<>();
                for (ArrayVar a : g.arrays()) arrays.add(a.name());
                RefractoryFission.Split fission = RefractoryFission.split(active, refractory, arrays, "not_refractory");
                active = fission.active();
                refractory = fission.refractory();
                unconditional = shared.rewrite(fission.unconditional());
            }
            active = shared.rewrite(active);
            refractory = shared.rewrite(refractory);
            Expr nr = g.notRefractory().map(hoister::rewrite).orElse(null);
            Expr.Var mask = new Expr.Var("_nr", VarKind.LOCAL, ValueType.DOUBLE, "");
            Map<String, ValueType> arrayTypes = new HashMap<>();
            for (ArrayVar a : g.arrays()) arrayTypes.put(a.name(), a.type());
            Optional<List<Step>> blended = g.update().split()
                    ? RefractoryBlend.of(g.name(), active, refractory, arrayTypes, mask) : Optional.empty();
            declareHoisted(m, hoister, java);
            m.beginControlFlow("for (int i = lo; i < hi; i++)");
            if (nr != null) {
                m.addStatement("final double _nr = $L", java.number(nr));
                m.addStatement("$L[i] = _nr", JavaNames.array(g.name(), "not_refractory"));
            }
            if (blended.isPresent()) {
                // One loop without a branch (see RefractoryBlend), the unaffected variables in it too.
                steps(m, g, java, blended.get());
                steps(m, g, java, RefractoryBlend.renameLocals(unconditional, "$u"));
                unconditional = List.of();
            } else if (g.update().split()) {
                m.beginControlFlow("if (_nr != 0.0)");
                steps(m, g, java, active);
                if (!refractory.isEmpty()) {
                    m.nextControlFlow("else");
                    steps(m, g, java, refractory);
                }
                m.endControlFlow();
            } else {
                steps(m, g, java, active);
            }
            m.endControlFlow();
            if (!unconditional.isEmpty()) {
                m.addComment("Not affected by refractoriness: a loop without a branch, which the JIT vectorises.");
                m.beginControlFlow("for (int i = lo; i < hi; i++)");
                steps(m, g, java, unconditional);
                m.endControlFlow();
            }
            methods.add(m.build());
        }
        if (g.constantChance().isPresent()) {
            constantChanceMethods(g, java);
        } else if (g.threshold().isPresent()) {
            // Spikes go to the group's spike array from index lo (see StepTeam.spikes).
            MethodSpec.Builder m = rangeMethod("threshold_" + g.name()).returns(int.class);
            aliases(m, g);
            ScalarHoister hoister = new ScalarHoister("_s", true);
            Expr cond = hoister.rewrite(g.threshold().get());
            declareHoisted(m, hoister, java);
            m.addStatement("final int[] spikes = this.$L", JavaNames.spikes(g.name()));
            m.addStatement("int count = lo");
            m.beginControlFlow("for (int i = lo; i < hi; i++)");
            m.beginControlFlow("if ($L)", java.bool(cond));
            m.addStatement("spikes[count++] = i");
            if (g.hasRefractoriness()) {
                m.addStatement("$L[i] = t", JavaNames.array(g.name(), "lastspike"));
                m.addStatement("$L[i] = 0.0", JavaNames.array(g.name(), "not_refractory"));
            }
            m.endControlFlow();
            m.endControlFlow();
            m.addStatement("return count - lo");
            methods.add(m.build());
        }
        for (EventPlan e : g.events()) eventMethods(g, e, java);
        for (RegularPlan r : g.regular()) {
            MethodSpec.Builder m = slotMethod("regular_" + g.name() + "_" + r.index());
            aliases(m, g);
            // Brian2's conditional write: run_regularly code leaves (unless refractory) variables of refractory neurons alone.
            loop(m, g, java, r.code(), false, g.group().writtenOnlyWhenNotRefractory());
            methods.add(m.build());
        }
        if (g.threshold().isPresent() && !g.reset().isEmpty()) {
            methods.add(perEvent("reset_" + g.name(), g, java, g.reset(), "spike"));
        }
    }

    /**
     * A threshold {@code rand() < p} with p fixed during a run: before each run, each neuron's
     * log(1 - p) and first spike step; in the thresholds slot, the neurons whose step it is spike
     * and draw their next one (see BernoulliGaps).
     */
    private void constantChanceMethods(GroupPlan g, JavaExpressions java) {
        String next = JavaNames.nextSpike(g.name()), stay = JavaNames.logStay(g.name());
        MethodSpec.Builder prepare = MethodSpec.methodBuilder("prepareChance_" + g.name()).addModifiers(Modifier.PRIVATE);
        prepare.addStatement("final long step = sim.step()");
        aliases(prepare, g);
        ScalarHoister hoister = new ScalarHoister("_s", true);
        Expr chance = hoister.rewrite(g.constantChance().get());
        declareHoisted(prepare, hoister, java);
        prepare.beginControlFlow("for (int i = 0; i < $L; i++)", JavaNames.size(g.name()));
        prepare.addStatement("this.$L[i] = $T.logStay($L)", stay, BERNOULLI_GAPS, java.number(chance));
        prepare.addStatement("this.$L[i] = $T.next(step, this.$L[i], $T.uniform(seed, $L, i, step, $L))",
                next, BERNOULLI_GAPS, stay, COUNTER_RNG, g.stream(), RUN_START_GAP_SITE);
        prepare.endControlFlow();
        prepare.addStatement("this.$L.reset()", JavaNames.calendar(g.name()));
        methods.add(prepare.build());

        MethodSpec.Builder m = slotMethod("threshold_" + g.name());
        m.addStatement("final long[] next = this.$L", next);
        m.addStatement("final double[] stay = this.$L", stay);
        m.addStatement("final int[] spikes = this.$L", JavaNames.spikes(g.name()));
        m.addStatement("final $T calendar = this.$L", SPIKE_CALENDAR, JavaNames.calendar(g.name()));
        m.addStatement("final int count = calendar.due(step, next, spikes)");
        m.beginControlFlow("for (int k = 0; k < count; k++)");
        m.addStatement("final int i = spikes[k]");
        m.addStatement("next[i] = $T.next(step + 1, stay[i], $T.uniform(seed, $L, i, step, $L))", BERNOULLI_GAPS, COUNTER_RNG, g.stream(), GAP_SITE);
        m.addStatement("calendar.schedule(i, next[i])");
        m.endControlFlow();
        m.addStatement("this.$L = count", JavaNames.spikeCount(g.name()));
        methods.add(m.build());
    }

    /** A custom event: its condition over all neurons (thresholds slot), and the code run for each neuron that had it. */
    private void eventMethods(GroupPlan g, EventPlan e, JavaExpressions java) {
        MethodSpec.Builder m = slotMethod("event_" + g.name() + "_" + e.name());
        aliases(m, g);
        ScalarHoister hoister = new ScalarHoister("_s", true);
        Expr cond = hoister.rewrite(e.condition());
        declareHoisted(m, hoister, java);
        m.addStatement("final int[] events = this.$L", JavaNames.events(g.name(), e.name()));
        m.addStatement("int count = 0");
        m.beginControlFlow("for (int i = 0; i < $L; i++)", JavaNames.size(g.name()));
        m.addStatement("if ($L) events[count++] = i", java.bool(cond));
        m.endControlFlow();
        m.addStatement("this.$L = count", JavaNames.eventCount(g.name(), e.name()));
        methods.add(m.build());
        if (!e.code().isEmpty()) methods.add(perEvent("onEvent_" + g.name() + "_" + e.name(), g, java, e.code(), e.name()));
    }

    /** Code run for each neuron that had {@code event} this step (a reset, or the code of a custom event). */
    private MethodSpec perEvent(String name, GroupPlan g, JavaExpressions java, List<Step> code, String event) {
        MethodSpec.Builder m = slotMethod(name);
        aliases(m, g);
        ScalarHoister hoister = new ScalarHoister("_s", false);
        List<Step> rewritten = rewrite(code, hoister);
        declareHoisted(m, hoister, java);
        m.addStatement("final int[] events = this.$L", JavaNames.events(g.name(), event));
        m.beginControlFlow("for (int k = 0; k < this.$L; k++)", JavaNames.eventCount(g.name(), event));
        m.addStatement("final int i = events[k]");
        steps(m, g, java, rewritten);
        m.endControlFlow();
        return m.build();
    }

    private void loop(MethodSpec.Builder m, GroupPlan g, JavaExpressions java, List<Step> code, boolean sharedInvariant) {
        loop(m, g, java, code, sharedInvariant, Set.of());
    }

    /** {@code guarded}: as for {@link #steps(MethodSpec.Builder, GroupPlan, JavaExpressions, List, Set)}. */
    private void loop(MethodSpec.Builder m, GroupPlan g, JavaExpressions java, List<Step> code, boolean sharedInvariant, Set<String> guarded) {
        ScalarHoister hoister = new ScalarHoister("_s", sharedInvariant);
        List<Step> rewritten = rewrite(code, hoister);
        declareHoisted(m, hoister, java);
        m.beginControlFlow("for (int i = 0; i < $L; i++)", JavaNames.size(g.name()));
        steps(m, g, java, rewritten, guarded);
        m.endControlFlow();
    }

    private static List<Step> rewrite(List<Step> steps, ScalarHoister hoister) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) out.add(new Step(s.target(), hoister.rewrite(s.value()), s.local()));
        return out;
    }

    private static void declareHoisted(MethodSpec.Builder m, ScalarHoister hoister, JavaExpressions java) {
        for (ScalarHoister.Hoisted h : hoister.hoisted()) {
            String t = h.value().type() == ValueType.BOOL ? "boolean" : h.value().type() == ValueType.INT ? "long" : "double";
            m.addStatement("final $L $L = $L", t, h.name(), java.print(h.value()));
        }
    }

    private static void steps(MethodSpec.Builder m, GroupPlan g, JavaExpressions java, List<Step> steps) {
        steps(m, g, java, steps, Set.of());
    }

    /** {@code guarded}: variables written only where {@code not_refractory} is set (Brian2's conditional write). */
    private static void steps(MethodSpec.Builder m, GroupPlan g, JavaExpressions java, List<Step> steps, Set<String> guarded) {
        for (Step s : steps) {
            if (s.local()) {
                ValueType t = s.value().type();
                m.addStatement("final $L $L = $L", t == ValueType.BOOL ? "boolean" : "double", s.target(),
                        t == ValueType.BOOL ? java.bool(s.value()) : java.number(s.value()));
            } else {
                ValueType t = g.arrays().stream().filter(a -> a.name().equals(s.target())).map(ArrayVar::type).findFirst().orElse(ValueType.DOUBLE);
                boolean shared = g.sharedVariables().contains(s.target());
                String target = JavaNames.array(g.name(), s.target()) + (shared ? "" : "[i]");
                if (guarded.contains(s.target()) && !shared) {
                    m.addStatement("if ($L[i] != 0.0) $L = $L", JavaNames.array(g.name(), "not_refractory"), target, java.forStore(s.value(), t));
                } else {
                    m.addStatement("$L = $L", shared ? "this." + target : target, java.forStore(s.value(), t));
                }
            }
        }
    }

    // ── monitors ──

    private void monitorMethods() {
        for (Monitor mon : model.monitors()) {
            if (!(mon instanceof Monitor.State s)) continue;
            if (isSynapses(s.group())) {
                synapseCode.record(s, lowered.synapsesNamed(s.group()).orElseThrow());
                continue;
            }
            GroupPlan g = lowered.group(s.group());
            JavaExpressions java = new JavaExpressions(g.stream());
            MethodSpec.Builder m = slotMethod("record_" + s.name());
            aliases(m, g);
            String rec = JavaNames.recorder(s.name());
            m.addStatement("final $T rec = this.$L", STATE_REC, rec);
            m.addStatement("rec.begin(step)");
            m.beginControlFlow("for (int k = 0; k < rec.size(); k++)");
            m.addStatement("final int i = rec.index(k)");
            for (int v = 0; v < s.variables().size(); v++) {
                Expr value = g.recordable().get(s.variables().get(v));
                m.addStatement("rec.put($L, k, $L)", v, java.number(value));
            }
            m.endControlFlow();
            methods.add(m.build());
        }
    }

    // ── protocol ──

    /**
     * captureState/restoreState for store and restore: copies of every variable array and shared
     * value of groups and synapses, and of the delay queues (spikes in flight); stateNames names
     * each part, so a checkpoint file can be matched against the model that reads it.
     */
    private void storedState() {
        MethodSpec.Builder capture = MethodSpec.methodBuilder("captureState").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(Object[].class);
        MethodSpec.Builder restore = MethodSpec.methodBuilder("restoreState").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(Object[].class, "s");
        StateParts parts = new StateParts();
        for (GroupPlan g : lowered.groups()) {
            for (ArrayVar a : g.arrays()) {
                String field = "this." + JavaNames.array(g.name(), a.name());
                restore.addStatement("System.arraycopy(($L[]) s[$L], 0, $L, 0, $L.length)", javaType(a.type()), parts.size(), field, field);
                parts.add(g.name() + "." + a.name(), field + ".clone()");
            }
            for (String v : g.sharedVariables()) {
                restore.addStatement("this.$L = (Double) s[$L]", JavaNames.array(g.name(), v), parts.size());
                parts.add(g.name() + "." + v, "this." + JavaNames.array(g.name(), v));
            }
        }
        for (SynapsePlan syn : lowered.synapses()) synapseCode.storedState(syn, restore, parts);
        capture.addStatement("return new Object[] {$L}", String.join(", ", parts.values()));
        methods.add(capture.build());
        methods.add(restore.build());
        methods.add(MethodSpec.methodBuilder("stateNames").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String[].class)
                .addStatement("return new String[] {$L}", parts.names().stream().map(JavaExpressions::stringLiteral).collect(java.util.stream.Collectors.joining(", ")))
                .build());
    }

    /** setup(): initial values and connect; protocol(): the experiment the file writes after them. */
    private void protocol() {
        List<ProtocolStep> steps = model.protocol();
        MethodSpec.Builder setup = MethodSpec.methodBuilder("setup").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        protocolSteps(setup, steps.subList(0, model.setupSteps()), new JavaExpressions(0));
        methods.add(setup.build());
        MethodSpec.Builder p = MethodSpec.methodBuilder("protocol").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        protocolSteps(p, steps.subList(model.setupSteps(), steps.size()), new JavaExpressions(0));
        methods.add(p.build());
    }

    /** Numbers the methods and locals the protocol's steps need, so nested ones stay distinct. */
    private int protocolCounter;

    private void protocolSteps(MethodSpec.Builder p, List<ProtocolStep> steps, JavaExpressions scalar) {
        for (ProtocolStep step : steps) {
            int k = protocolCounter++;
            if (step instanceof ProtocolStep.Run r) {
                p.addStatement("sim.run($L)", scalar.number(r.duration()));
            } else if (step instanceof ProtocolStep.Connect c) {
                p.addStatement("connect_$L()", c.synapses());
            } else if (step instanceof ProtocolStep.Save sv) {
                String name = "save" + k + "_" + sv.name();
                p.addStatement("$L()", name);
                saveMethod(name, sv);
            } else if (step instanceof ProtocolStep.AssignFile f) {
                String size = "this." + JavaNames.size(f.group());
                String field = JavaNames.array(f.group(), f.variable());
                String values = "sim.npyValues(" + JavaExpressions.stringLiteral(f.path()) + ", " + JavaExpressions.stringLiteral(f.group() + "." + f.variable()) + ", " + size + ")";
                if (storage.isFloat(f.group(), f.variable())) {
                    p.addStatement("$T.narrow($L, this.$L)", FLOAT_ARRAYS, values, field);
                } else {
                    p.addStatement("System.arraycopy($L, 0, this.$L, 0, $L)", values, field, size);
                }
            } else if (step instanceof ProtocolStep.AssignExpr a && isSynapses(a.group())) {
                String name = "assign" + k + "_" + a.group() + "_" + a.variable();
                p.addStatement("$L()", name);
                synapseAssign(name, a.group(), a.variable(), a.value(), null);
            } else if (step instanceof ProtocolStep.AssignList a && isSynapses(a.group())) {
                String name = "assign" + k + "_" + a.group() + "_" + a.variable();
                p.addStatement("$L()", name);
                synapseAssign(name, a.group(), a.variable(), null, a.values());
            } else if (step instanceof ProtocolStep.AssignExpr a) {
                String name = "assign" + k + "_" + a.group() + "_" + a.variable();
                p.addStatement("$L()", name);
                assignMethod(name, a.group(), a.variable(), a.value());
            } else if (step instanceof ProtocolStep.AssignList a) {
                String name = "assign" + k + "_" + a.group() + "_" + a.variable();
                p.addStatement("$L()", name);
                listMethod(name, a);
            } else if (step instanceof ProtocolStep.SetVariable set) {
                ValueType type = model.variables().stream().filter(v -> v.name().equals(set.name())).findFirst().orElseThrow().type();
                p.addStatement("this.$L = $L", JavaNames.protocolVariable(set.name()),
                        type == ValueType.BOOL ? scalar.bool(set.value()) : scalar.number(set.value()));
            } else if (step instanceof ProtocolStep.Loop loop) {
                // range() evaluates its bounds once, before the first pass.
                String field = "this." + JavaNames.protocolVariable(loop.variable());
                p.addStatement("final long _to$L = (long) ($L)", k, scalar.number(loop.to()));
                p.beginControlFlow("for ($L = (long) ($L); $L < _to$L; $L++)", field, scalar.number(loop.from()), field, k, field);
                protocolSteps(p, loop.body(), scalar);
                p.endControlFlow();
            } else if (step instanceof ProtocolStep.SampleLoop loop) {
                // The slice is checked (and its bounds evaluated) once, as a Python slice is.
                String ds = "this." + JavaNames.dataSet(loop.dataSet());
                String buffer = "this." + JavaNames.sample(loop.variable());
                String from = loop.from().map(e -> "(int) (" + scalar.number(e) + ")").orElse("0");
                String to = loop.to().map(e -> "(int) (" + scalar.number(e) + ")").orElse(ds + ".size()");
                p.addStatement("final $T _slice$L = $L.slice($L, $L)", DATA_SET, k, ds, from, to);
                p.addStatement("if ($L == null || $L.length != _slice$L.featureCount()) $L = new double[_slice$L.featureCount()]", buffer, buffer, k, buffer, k);
                p.addStatement("final $T _loop$L = sim.beginSamples($S, $L, $L + _slice$L.size(), $S)", SAMPLE_LOOP, k, loop.dataSet(), from, from, k, role(loop.body()));
                p.beginControlFlow("for (int _k$L = 0; _k$L < _slice$L.size(); _k$L++)", k, k, k, k);
                p.addStatement("_slice$L.features(_k$L, $L)", k, k, buffer);
                p.addStatement("this.$L = _slice$L.labelled() ? _slice$L.label(_k$L) : -1", JavaNames.protocolVariable(loop.variable() + "$label"), k, k, k);
                p.addStatement("this.$L = $L + _k$L", JavaNames.protocolVariable(loop.variable() + "$index"), from, k);
                protocolSteps(p, loop.body(), scalar);
                p.addStatement("_loop$L.next()", k);
                p.endControlFlow();
                p.addStatement("sim.endSamples(_loop$L)", k);
            } else if (step instanceof ProtocolStep.Observe o) {
                p.addStatement("this.$L.$L((long) ($L))", JavaNames.readout(o.readout()), o.predict() ? "predict" : "observe", scalar.number(o.label()));
            } else if (step instanceof ProtocolStep.Report r) {
                p.addStatement("sim.report(this.$L)", JavaNames.readout(r.readout()));
            } else if (step instanceof ProtocolStep.Image im) {
                var syn = lowered.synapsesNamed(im.synapses()).orElseThrow().synapses();
                String values = "this." + JavaNames.array(im.synapses(), im.variable());
                if (storage.isFloat(im.synapses(), im.variable())) values = FLOAT_ARRAYS.canonicalName() + ".widened(" + values + ", " + values + ".length)";
                p.addStatement("sim.image($S, $L, this.$L, this.$L, this.$L, (int) ($L), (int) ($L))", im.name(), values,
                        JavaNames.synapseIndex(im.synapses(), im.post() ? "post" : "pre"), JavaNames.synapseIndex(im.synapses(), im.post() ? "pre" : "post"),
                        JavaNames.size(im.post() ? syn.target().group() : syn.source().group()), scalar.number(im.rows()), scalar.number(im.cols()));
            } else if (step instanceof ProtocolStep.Normalize n) {
                String name = "normalize" + k + "_" + n.synapses() + "_" + n.variable();
                p.addStatement("$L()", name);
                normalizeMethod(name, n, scalar);
            } else if (step instanceof ProtocolStep.While w) {
                p.beginControlFlow("while ($L)", scalar.bool(w.condition()));
                protocolSteps(p, w.body(), scalar);
                p.endControlFlow();
            } else if (step instanceof ProtocolStep.Repeat r) {
                p.beginControlFlow("do");
                protocolSteps(p, r.body(), scalar);
                p.endControlFlow("while (!($L))", scalar.bool(r.condition()));
            } else if (step instanceof ProtocolStep.If i) {
                p.beginControlFlow("if ($L)", scalar.bool(i.condition()));
                protocolSteps(p, i.then(), scalar);
                if (!i.orElse().isEmpty()) {
                    p.nextControlFlow("else");
                    protocolSteps(p, i.orElse(), scalar);
                }
                p.endControlFlow();
            } else if (step instanceof ProtocolStep.Print pr) {
                List<String> parts = new ArrayList<>();
                for (ProtocolStep.Part part : pr.parts()) {
                    if (part.text() != null) parts.add(JavaExpressions.stringLiteral(part.text()));
                    else if (part.dimension() == null) parts.add("String.valueOf(" + scalar.bool(part.value()) + ")");
                    else parts.add("sim.format(" + scalar.number(part.value()) + ", " + JavaExpressions.stringLiteral(part.dimension().isDimensionless() ? "" : part.dimension().toString()) + ")");
                }
                p.addStatement("sim.print($L)", parts.isEmpty() ? "\"\"" : String.join(" + \" \" + ", parts));
            } else if (step instanceof ProtocolStep.Store st) {
                p.addStatement(st.restore() ? "sim.restore($S)" : "sim.store($S)", st.name());
            } else if (step instanceof ProtocolStep.Checkpoint c) {
                p.addStatement(c.restore() ? "sim.restoreFrom($S)" : "sim.storeTo($S)", c.path());
            }
        }
    }

    /** Scales a synaptic variable so that each target's (or source's) synapses sum to the total; a neuron without synapses or with a zero sum is left alone. */
    private void normalizeMethod(String name, ProtocolStep.Normalize n, JavaExpressions scalar) {
        var syn = lowered.synapsesNamed(n.synapses()).orElseThrow().synapses();
        String neurons = JavaNames.size(n.post() ? syn.target().group() : syn.source().group());
        String index = JavaNames.synapseIndex(n.synapses(), n.post() ? "post" : "pre");
        String w = JavaNames.array(n.synapses(), n.variable());
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        m.addStatement("final double total = $L", scalar.number(n.total()));
        m.addStatement("final int[] owner = this.$L", index);
        m.addStatement("final $L[] w = this.$L", storage.isFloat(n.synapses(), n.variable()) ? "float" : "double", w);
        m.addStatement("final double[] sums = new double[this.$L]", neurons);
        m.addStatement("for (int s = 0; s < w.length; s++) sums[owner[s]] += w[s]");
        m.addStatement("for (int k = 0; k < sums.length; k++) sums[k] = sums[k] == 0 ? 1 : total / sums[k]");
        m.addStatement("for (int s = 0; s < w.length; s++) w[s] *= sums[owner[s]]");
        methods.add(m.build());
    }

    private void assignMethod(String name, String group, String variable, Expr value) {
        GroupPlan g = lowered.group(group);
        JavaExpressions java = new JavaExpressions(g.stream());
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        m.addStatement("final long step = sim.step()");
        m.addStatement("final double t = step * dt");
        aliases(m, g);
        for (Expr.Var v : dev.myelin.compiler.expr.FreeVariables.of(value)) {
            if (v.kind() != dev.myelin.compiler.expr.VarKind.SAMPLE) continue;
            // One feature per neuron: the sample's size must be the group's.
            m.beginControlFlow("if (this.$L.length != this.$L)", JavaNames.sample(v.name()), JavaNames.size(group));
            m.addStatement("throw new dev.myelin.runtime.ModelError($S + this.$L.length + $S + this.$L + $S)", group + "." + variable + ": the sample has ",
                    JavaNames.sample(v.name()), " values but group " + group + " has ", JavaNames.size(group), " neurons; they must be equal");
            m.endControlFlow();
        }
        if (g.sharedVariables().contains(variable)) {
            m.addStatement("final int i = 0");
            m.addStatement("this.$L = $L", JavaNames.array(group, variable), java.number(value));
        } else {
            List<Step> code = List.of(Step.write(variable, value));
            loop(m, g, java, code, true);
        }
        methods.add(m.build());
    }

    private void listMethod(String name, ProtocolStep.AssignList a) {
        GroupPlan g = lowered.group(a.group());
        JavaExpressions java = new JavaExpressions(g.stream());
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        String values = String.join(", ", a.values().stream().map(java::number).toList());
        m.addStatement("final double[] values = new double[] {$L}", values);
        String n = JavaNames.size(a.group());
        m.beginControlFlow("if (values.length != this.$L)", n);
        m.addStatement("throw sim.listLengthError($S, values.length, this.$L)", a.group() + "." + a.variable(), n);
        m.endControlFlow();
        ValueType t = g.arrays().stream().filter(v -> v.name().equals(a.variable())).map(ArrayVar::type).findFirst().orElse(ValueType.DOUBLE);
        String cast = t == ValueType.INT ? "(int) " : "";
        String value = t == ValueType.BOOL ? "(values[i] != 0 ? 1.0 : 0.0)" : cast + "values[i]";
        m.addStatement("for (int i = 0; i < values.length; i++) this.$L[i] = $L", JavaNames.array(a.group(), a.variable()), value);
        methods.add(m.build());
    }

    /** {@code S.x = expr} or {@code S.x = [list]} for synapses: per synapse, once they exist. */
    private void synapseAssign(String name, String synapses, String variable, Expr value, List<Expr> list) {
        SynapsePlan syn = lowered.synapsesNamed(synapses).orElseThrow();
        JavaExpressions java = new JavaExpressions(syn.stream(), "_syn");
        MethodSpec.Builder m = synapseCode.protocolLoop(name, syn);
        boolean shared = syn.sharedVariables().contains(variable);
        ValueType type = syn.arrays().stream().filter(a -> a.name().equals(variable)).map(ArrayVar::type).findFirst().orElse(ValueType.DOUBLE);
        String target = JavaNames.array(synapses, variable);
        if (list != null) {
            m.addStatement("final double[] values = new double[] {$L}", String.join(", ", list.stream().map(java::number).toList()));
            m.beginControlFlow("if (values.length != $L)", JavaNames.size(synapses));
            m.addStatement("throw sim.synapseListLengthError($S, values.length, $L)", synapses + "." + variable, JavaNames.size(synapses));
            m.endControlFlow();
            String cast = type == ValueType.INT ? "(int) " : "";
            String element = type == ValueType.BOOL ? "(values[_syn] != 0 ? 1.0 : 0.0)" : cast + "values[_syn]";
            m.addStatement("for (int _syn = 0; _syn < values.length; _syn++) $L[_syn] = $L", target, storage.store(synapses, variable, element));
        } else if (shared) {
            m.addStatement("final int _syn = 0, _pre = 0, _post = 0");
            m.addStatement("this.$L = $L", target, java.number(value));
        } else {
            ScalarHoister hoister = new ScalarHoister("_s", true);
            Expr rewritten = hoister.rewrite(value);
            SynapseCode.declareHoisted(m, hoister, java);
            m.beginControlFlow("for (int _syn = 0; _syn < $L; _syn++)", JavaNames.size(synapses));
            m.addStatement("final int _pre = _preOf[_syn], _post = _postOf[_syn]");
            m.addStatement("$L[_syn] = $L", target, storage.store(synapses, variable, java.forStore(rewritten, type)));
            m.endControlFlow();
        }
        methods.add(m.build());
    }

    /** {@code save name = expr}: evaluated per element of its owner into an array the results directory gets. */
    private void saveMethod(String name, ProtocolStep.Save sv) {
        boolean integral = sv.values().stream().allMatch(v -> v.type() != ValueType.DOUBLE);
        String array = integral ? "long" : "double";
        int columns = sv.values().size();
        MethodSpec.Builder m;
        JavaExpressions java;
        String count;
        String index;
        switch (sv.kind()) {
            case SYNAPSES -> {
                SynapsePlan syn = lowered.synapsesNamed(sv.owner()).orElseThrow();
                m = synapseCode.protocolLoop(name, syn);
                java = new JavaExpressions(syn.stream(), "_syn");
                count = JavaNames.size(sv.owner());
                index = "_syn";
            }
            case GROUP -> {
                GroupPlan g = lowered.group(sv.owner());
                m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
                m.addStatement("final long step = sim.step()");
                m.addStatement("final double t = step * dt");
                aliases(m, g);
                java = new JavaExpressions(g.stream());
                count = JavaNames.size(sv.owner());
                index = "i";
            }
            case SPIKE_MONITOR -> {
                m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
                m.addStatement("final long step = sim.step()");
                m.addStatement("final double t = step * dt");
                m.addStatement("final long[] $L = this.$L.counts()", JavaNames.array("$m$" + sv.owner(), "count"), JavaNames.recorder(sv.owner()));
                java = new JavaExpressions(0);
                count = JavaNames.array("$m$" + sv.owner(), "count") + ".length";
                index = "i";
            }
            default -> {
                m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
                m.addStatement("final long step = sim.step()");
                m.addStatement("final double t = step * dt");
                java = new JavaExpressions(0);
                count = "1";
                index = "i";
            }
        }
        m.addStatement("final int rows = $L", count);
        m.addStatement("final $L[] values = new $L[rows * $L]", array, array, columns);
        m.beginControlFlow("for (int $L = 0; $L < rows; $L++)", index, index, index);
        if (sv.kind() == ProtocolStep.OwnerKind.SYNAPSES) m.addStatement("final int _pre = _preOf[_syn], _post = _postOf[_syn]");
        for (int c = 0; c < columns; c++) {
            Expr v = sv.values().get(c);
            m.addStatement("values[$L * $L + $L] = $L", index, columns, c, integral ? "(long) (" + java.number(v) + ")" : java.number(v));
        }
        m.endControlFlow();
        m.addStatement("sim.save($S, values, $L)", sv.name(), columns);
        methods.add(m.build());
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    // ── accessors for the API ──

    private void accessors() {
        methods.add(MethodSpec.methodBuilder("dt").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
                .addStatement("return dt").build());
        MethodSpec.Builder v = MethodSpec.methodBuilder("doubleVariable").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(double[].class).addParameter(String.class, "group").addParameter(String.class, "variable");
        for (GroupPlan g : lowered.groups()) {
            for (ArrayVar a : g.arrays()) {
                if (a.type() != ValueType.DOUBLE) continue;
                v.addStatement("if (group.equals($S) && variable.equals($S)) return $L", g.name(), a.name(), JavaNames.array(g.name(), a.name()));
            }
        }
        MethodSpec.Builder f = MethodSpec.methodBuilder("floatVariable").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(float[].class).addParameter(String.class, "group").addParameter(String.class, "variable");
        for (SynapsePlan syn : lowered.synapses()) {
            for (ArrayVar a : syn.arrays()) {
                if (a.type() != ValueType.DOUBLE || syn.isSetTime(a)) continue;
                (storage.isFloat(syn.name(), a.name()) ? f : v).addStatement("if (group.equals($S) && variable.equals($S)) return $L",
                        syn.name(), a.name(), JavaNames.array(syn.name(), a.name()));
            }
        }
        v.addStatement("return null");
        methods.add(v.build());
        f.addStatement("return null");
        if (storage.any()) {
            methods.add(f.build());
            methods.add(MethodSpec.methodBuilder("precision").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class)
                    .addStatement("return $S", "float").build());
        }
        MethodSpec.Builder traces = MethodSpec.methodBuilder("traceBySynapse").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(double[].class).addParameter(String.class, "synapses").addParameter(String.class, "variable");
        for (SynapsePlan syn : lowered.synapses()) {
            for (var trace : syn.postTraces()) {
                traces.beginControlFlow("if (synapses.equals($S) && variable.equals($S))", syn.name(), trace.name());
                traces.addStatement("final double[] out = new double[$L]", JavaNames.size(syn.name()));
                traces.addStatement("for (int k = 0; k < out.length; k++) out[k] = $L[$L[k]]",
                        JavaNames.array(syn.name(), dev.myelin.compiler.lower.PostsynapticTraces.valueName(trace.name())), JavaNames.synapseIndex(syn.name(), "post"));
                traces.addStatement("return out");
                traces.endControlFlow();
            }
            JavaExpressions java = new JavaExpressions(syn.stream(), "k");
            for (var trace : syn.setTraces().entrySet()) {
                traces.beginControlFlow("if (synapses.equals($S) && variable.equals($S))", syn.name(), trace.getKey());
                traces.addStatement("final double t = sim.step() * dt");
                traces.addStatement("final double[] out = new double[$L]", JavaNames.size(syn.name()));
                traces.addStatement("for (int k = 0; k < out.length; k++) out[k] = $L", java.number(trace.getValue()));
                traces.addStatement("return out");
                traces.endControlFlow();
            }
        }
        if (lowered.synapses().stream().anyMatch(syn -> !syn.postTraces().isEmpty() || !syn.setTraces().isEmpty())) {
            methods.add(traces.addStatement("return null").build());
        }
        MethodSpec.Builder notKept = MethodSpec.methodBuilder("notKept").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addParameter(String.class, "synapses").addParameter(String.class, "variable");
        for (SynapsePlan syn : lowered.synapses()) {
            if (syn.keepsLastupdate()) continue;
            notKept.addStatement("if (synapses.equals($S) && variable.equals($S)) return $S", syn.name(), "lastupdate",
                    syn.name() + ".lastupdate is not kept: nothing in the model reads it, so its synapses do not write it at every event");
        }
        if (lowered.synapses().stream().anyMatch(syn -> !syn.keepsLastupdate())) methods.add(notKept.addStatement("return null").build());
        if (!lowered.synapses().isEmpty()) {
            MethodSpec.Builder c = MethodSpec.methodBuilder("synapseCount").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(int.class).addParameter(String.class, "synapses");
            for (SynapsePlan syn : lowered.synapses()) c.addStatement("if (synapses.equals($S)) return $L", syn.name(), JavaNames.size(syn.name()));
            c.addStatement("return -1");
            methods.add(c.build());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
