package dev.myelin.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.ArrayVar;
import dev.myelin.compiler.lower.GroupPlan;
import dev.myelin.compiler.lower.LoweredModel;
import dev.myelin.compiler.lower.PathwayPlan;
import dev.myelin.compiler.lower.PostsynapticTraces;
import dev.myelin.compiler.lower.Step;
import dev.myelin.compiler.lower.SynapsePlan;
import dev.myelin.compiler.lower.SynapticStep;
import dev.myelin.compiler.model.Connection;
import dev.myelin.compiler.model.Monitor;
import dev.myelin.compiler.model.Pathway;
import dev.myelin.compiler.model.SummedVariable;
import dev.myelin.compiler.model.Synapses;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generates the code of synapses objects: CSR arrays filled by the connect statements, the
 * clock-driven update and summed variables (groups slot), and one method per pathway (synapses
 * slot) that queues this step's spikes at their delays and runs the code for the events due now.
 * Per-synapse loops use {@code _syn} (the synapse), {@code _pre} and {@code _post} (its neurons,
 * indices into the whole groups).
 */
final class SynapseCode {

    static final ClassName CONNECTIONS = ClassName.get("dev.myelin.runtime.synapse", "Connections");
    static final ClassName QUEUE = ClassName.get("dev.myelin.runtime.synapse", "SpikeQueue");
    private static final ClassName DELAYS = ClassName.get("dev.myelin.runtime.synapse", "SynapticDelays");
    private static final String RNG = "dev.myelin.runtime.random.CounterRng";
    private static final ClassName STATE_REC = ClassName.get("dev.myelin.runtime.monitor", "StateRecorder");
    /** Random streams of connect statements are apart from the streams of groups and synapses. */
    private static final int CONNECT_STREAMS = 1 << 20;

    private final LoweredModel lowered;
    private final List<MethodSpec> methods;
    private final SynapseStorage storage;

    SynapseCode(LoweredModel lowered, List<MethodSpec> methods, SynapseStorage storage) {
        this.lowered = lowered;
        this.methods = methods;
        this.storage = storage;
    }

    // ── fields and construction ──

    void fields(TypeSpec.Builder type, SynapsePlan s) {
        String n = s.name();
        type.addField(int.class, JavaNames.size(n), Modifier.PRIVATE);
        type.addField(CONNECTIONS, JavaNames.synapseIndex(n, "conn"), Modifier.PRIVATE);
        for (String index : List.of("pre", "post", "preStart", "preSyn", "postStart", "postSyn")) {
            type.addField(int[].class, JavaNames.synapseIndex(n, index), Modifier.PRIVATE);
        }
        type.addField(boolean.class, JavaNames.synapseIndex(n, "preInOrder"), Modifier.PRIVATE);
        type.addField(boolean.class, JavaNames.synapseIndex(n, "postInOrder"), Modifier.PRIVATE);
        type.addField(int[].class, JavaNames.array(n, "N_incoming"), Modifier.PRIVATE);
        type.addField(int[].class, JavaNames.array(n, "N_outgoing"), Modifier.PRIVATE);
        for (ArrayVar a : s.arrays()) type.addField(storage.arrayType(n, a), JavaNames.array(n, a.name()), Modifier.PRIVATE);
        for (String v : s.sharedVariables()) type.addField(double.class, JavaNames.array(n, v), Modifier.PRIVATE);
        for (String array : postTraceArrays(s)) type.addField(double[].class, JavaNames.array(n, array), Modifier.PRIVATE);
        for (PathwayPlan p : s.pathways()) {
            type.addField(QUEUE, JavaNames.pathway(n, "q", p.name()), Modifier.PRIVATE, Modifier.FINAL);
            type.addField(boolean.class, JavaNames.pathway(n, "homogeneous", p.name()), Modifier.PRIVATE);
            type.addField(int.class, JavaNames.pathway(n, "delay", p.name()), Modifier.PRIVATE);
            if (p.delay() instanceof Pathway.SynapticDelay) type.addField(DELAYS, JavaNames.pathway(n, "delays", p.name()), Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    void construct(MethodSpec.Builder ctor, SynapsePlan s) {
        Synapses syn = s.synapses();
        // Synapses onto synapses know their target's size (its synapse count) only once it is connected.
        if (!targetsSynapses(syn)) newConnections(ctor, s);
        for (String array : postTraceArrays(s)) ctor.addStatement("this.$L = new double[this.$L]", JavaNames.array(s.name(), array), JavaNames.size(syn.target().group()));
        for (PathwayPlan p : s.pathways()) {
            ctor.addStatement("this.$L = new $T()", JavaNames.pathway(s.name(), "q", p.name()), QUEUE);
            if (p.delay() instanceof Pathway.SynapticDelay) {
                ctor.addStatement("this.$L = new $T($S)", JavaNames.pathway(s.name(), "delays", p.name()), DELAYS, s.name() + " " + p.name());
            }
        }
        // A slice is checked against the group when the group's size is a param.
        for (Synapses.Endpoint e : List.of(syn.source(), syn.target())) {
            if (e.stop().isEmpty()) continue;
            ctor.beginControlFlow("if ($L > this.$L)", e.stop().get(), JavaNames.size(e.group()));
            ctor.addStatement("throw new dev.myelin.runtime.ModelError(\"synapses $L: the slice $L[$L:$L] is not inside group $L, which has \" + this.$L + \" neurons\")",
                    s.name(), e.group(), e.start(), e.stop().get(), e.group(), JavaNames.size(e.group()));
            ctor.endControlFlow();
        }
    }

    /**
     * Adds the synapses' variables and delay queues to a stored state, and their pre and post
     * indices, which restore leaves alone (connections do not change after connect) but a
     * checkpoint file compares with the run that reads it.
     */
    void storedState(SynapsePlan s, MethodSpec.Builder restore, StateParts parts) {
        String n = s.name();
        parts.add(n + " " + StateParts.PRE, "this." + JavaNames.synapseIndex(n, "pre"));
        parts.add(n + " " + StateParts.POST, "this." + JavaNames.synapseIndex(n, "post"));
        for (ArrayVar a : s.arrays()) {
            String field = "this." + JavaNames.array(n, a.name());
            // (Janino types an array's clone() as Object, hence the second cast.)
            restore.addStatement("$L = ($L[]) (($L[]) s[$L]).clone()", field, storage.element(n, a), storage.element(n, a), parts.size());
            parts.add(n + "." + a.name(), field + ".clone()");
        }
        for (String v : s.sharedVariables()) {
            restore.addStatement("this.$L = (Double) s[$L]", JavaNames.array(n, v), parts.size());
            parts.add(n + "." + v, "this." + JavaNames.array(n, v));
        }
        for (PostsynapticTraces.PostTrace trace : s.postTraces()) {
            String field = "this." + JavaNames.array(n, PostsynapticTraces.valueName(trace.name()));
            restore.addStatement("$L = (double[]) ((double[]) s[$L]).clone()", field, parts.size());
            parts.add(n + "." + trace.name() + " per target neuron", field + ".clone()");
        }
        for (PathwayPlan p : s.pathways()) {
            String queue = "this." + JavaNames.pathway(n, "q", p.name());
            restore.addStatement("$L.restore(($T) s[$L])", queue, QUEUE, parts.size());
            parts.add(n + "." + p.name() + " " + StateParts.QUEUE, queue + ".copy()");
        }
    }

    // ── connect ──

    /** The protocol's connect step: every connect statement, then the arrays sized to the synapses made. */
    void connectMethods(SynapsePlan s, List<Monitor.State> monitors) {
        Synapses syn = s.synapses();
        String n = s.name();
        MethodSpec.Builder m = MethodSpec.methodBuilder("connect_" + n).addModifiers(Modifier.PRIVATE);
        if (targetsSynapses(syn)) newConnections(m, s);
        for (int k = 0; k < syn.connections().size(); k++) {
            String name = "connect_" + n + "_" + k;
            m.addStatement("$L()", name);
            connection(name, s, syn.connections().get(k), CONNECT_STREAMS + s.stream() * 64 + k);
        }
        String conn = JavaNames.synapseIndex(n, "conn");
        m.addStatement("final $T c = this.$L", CONNECTIONS, conn);
        m.addStatement("c.finish()");
        m.addStatement("this.$L = c.size()", JavaNames.size(n));
        m.addStatement("this.$L = c.pre()", JavaNames.synapseIndex(n, "pre"));
        m.addStatement("this.$L = c.post()", JavaNames.synapseIndex(n, "post"));
        m.addStatement("this.$L = c.preStart()", JavaNames.synapseIndex(n, "preStart"));
        m.addStatement("this.$L = c.preSynapses()", JavaNames.synapseIndex(n, "preSyn"));
        m.addStatement("this.$L = c.postStart()", JavaNames.synapseIndex(n, "postStart"));
        m.addStatement("this.$L = c.postSynapses()", JavaNames.synapseIndex(n, "postSyn"));
        m.addStatement("this.$L = c.inPreOrder()", JavaNames.synapseIndex(n, "preInOrder"));
        m.addStatement("this.$L = c.inPostOrder()", JavaNames.synapseIndex(n, "postInOrder"));
        m.addStatement("this.$L = c.incoming()", JavaNames.array(n, "N_incoming"));
        m.addStatement("this.$L = c.outgoing()", JavaNames.array(n, "N_outgoing"));
        for (ArrayVar a : s.arrays()) {
            m.addStatement("this.$L = new $L[c.size()]", JavaNames.array(n, a.name()), storage.element(n, a));
            if (a.initial() != 0) m.addStatement("java.util.Arrays.fill(this.$L, $L)", JavaNames.array(n, a.name()), JavaExpressions.literal(Expr.Num.of(a.initial())));
        }
        for (Monitor.State mon : monitors) {
            String field = JavaNames.recorder(mon.name());
            String vars = "new String[] {" + String.join(", ", mon.variables().stream().map(v -> "\"" + v + "\"").toList()) + "}";
            if (mon.all()) {
                m.addStatement("final int[] $L_idx = new int[c.size()]", field);
                m.addStatement("for (int k = 0; k < c.size(); k++) $L_idx[k] = k", field);
            } else {
                m.addStatement("final int[] $L_idx = new int[] {$L}", field, String.join(", ", mon.indices().stream().map(String::valueOf).toList()));
                m.beginControlFlow("for (int k : $L_idx)", field);
                m.addStatement("if (k >= c.size()) throw sim.synapseIndexError($S, $S, k, c.size())", mon.name(), n);
                m.endControlFlow();
            }
            String every = mon.recordDt().isPresent() ? "everySteps(" + new JavaExpressions(0).number(mon.recordDt().get()) + ", \"" + mon.name() + "\")" : "1L";
            m.addStatement("this.$L = sim.stateRecorder($S, $L, $L_idx, $L, $L)", field, mon.name(), vars, field, every, mon.toDisk());
        }
        methods.add(m.build());
    }

    private void connection(String name, SynapsePlan s, Connection c, int stream) {
        Synapses syn = s.synapses();
        JavaExpressions java = new JavaExpressions(stream, "_pre");
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        m.addStatement("final double t = sim.step() * dt");
        neuronAliases(m, syn);
        m.addStatement("final $T _c = this.$L", CONNECTIONS, JavaNames.synapseIndex(s.name(), "conn"));
        int so = syn.source().start();
        int to = syn.target().start();
        String preStop = stop(syn.source());
        String postStop = stop(syn.target());
        m.addStatement("final int _postStart = $L, _postStop = $L", to, postStop);
        if (c instanceof Connection.Explicit e) {
            m.addStatement("final int[] _i = $L", indices(e.i()));
            m.addStatement("final int[] _j = $L", indices(e.j()));
            m.beginControlFlow("if (_i.length != _j.length)");
            m.addStatement("throw new dev.myelin.runtime.ModelError($S + _i.length + $S + _j.length)", "synapses " + s.name() + ": connect has ", " values of i but ");
            m.endControlFlow();
            m.beginControlFlow("for (int k = 0; k < _i.length; k++)");
            if (e.skipIfInvalid()) {
                m.addStatement("if (_i[k] < 0 || $L + _i[k] >= $L || _j[k] < 0 || $L + _j[k] >= $L) continue", so, preStop, to, postStop);
            }
            m.addStatement("if (_i[k] < 0 || $L + _i[k] >= $L) throw _c.invalidIndex($S, _i[k], _i[k], $L - $L)", so, preStop, "i", preStop, so);
            m.addStatement("if (_j[k] < 0 || $L + _j[k] >= $L) throw _c.invalidIndex($S, _j[k], _i[k], $L - $L)", to, postStop, "j", postStop, to);
            m.addStatement("_c.add($L + _i[k], $L + _j[k], 1)", so, to);
            m.endControlFlow();
            methods.add(m.build());
            return;
        }
        m.beginControlFlow("for (int _pre = $L; _pre < $L; _pre++)", so, preStop);
        if (c instanceof Connection.Pairs p) {
            pairs(m, java, p);
        } else if (c instanceof Connection.OneTarget o) {
            m.addStatement("final long step = 0");
            m.addStatement("final long _j = $L", java.number(o.j()));
            target(m, java, "_j", o.n(), o.skipIfInvalid(), so);
        } else if (c instanceof Connection.Generated g) {
            generated(m, java, g, so);
        }
        m.endControlFlow();
        methods.add(m.build());
    }

    /** Every pair, with a condition and a probability; a constant p skips ahead by geometric gaps. */
    private void pairs(MethodSpec.Builder m, JavaExpressions java, Connection.Pairs p) {
        String cond = p.condition().map(java::bool).orElse("true");
        boolean constantP = p.p().isPresent() && isInvariant(p.p().get());
        if (constantP) {
            m.addStatement("final double _p = $L", java.number(p.p().get()));
            m.addStatement("if (!(_p > 0)) continue");
            m.addStatement("final double _logq = Math.log1p(-_p)");
            m.addStatement("long _cand = _postStart - 1");
            m.addStatement("long _draw = 0");
            m.beginControlFlow("while (true)");
            m.addStatement("_cand += _p >= 1 ? 1 : 1 + (long) Math.floor(Math.log(1 - $L.uniform(seed, $L, _pre, _draw++, 0)) / _logq)", RNG, streamOf(java));
            m.addStatement("if (_cand >= _postStop || _cand < 0) break");
            m.addStatement("final int _post = (int) _cand");
            m.addStatement("final long step = _post");
            m.addStatement("if ($L) _c.add(_pre, _post, $L)", cond, java.number(p.n()));
            m.endControlFlow();
            return;
        }
        m.beginControlFlow("for (int _post = _postStart; _post < _postStop; _post++)");
        m.addStatement("final long step = _post");
        String chance = p.p().map(e -> " && " + RNG + ".uniform(seed, " + streamOf(java) + ", _pre, step, " + (1 << 15) + ") < " + java.number(e)).orElse("");
        m.addStatement("if ($L$L) _c.add(_pre, _post, $L)", cond, chance, java.number(p.n()));
        m.endControlFlow();
    }

    private void generated(MethodSpec.Builder m, JavaExpressions java, Connection.Generated g, int so) {
        String k = g.variable();
        m.addStatement("final long _start = $L, _stop = $L, _by = $L", java.number(g.start()), java.number(g.stop()), java.number(g.step()));
        if (!g.sample()) {
            m.beginControlFlow("if (_by == 0)");
            m.addStatement("throw new dev.myelin.runtime.ModelError($S)", "connect: range() step cannot be 0");
            m.endControlFlow();
            m.beginControlFlow("for (long $L = _start; _by > 0 ? $L < _stop : $L > _stop; $L += _by)", k, k, k, k);
        } else if (g.p().isPresent()) {
            m.addStatement("final double _p = $L", java.number(g.p().get()));
            m.addStatement("if (!(_p > 0)) continue");
            m.addStatement("final double _logq = Math.log1p(-_p)");
            m.addStatement("long _draw = 0");
            m.beginControlFlow("for (long $L = _start - 1;;)", k);
            m.addStatement("$L += _p >= 1 ? 1 : 1 + (long) Math.floor(Math.log(1 - $L.uniform(seed, $L, _pre, _draw++, 0)) / _logq)", k, RNG, streamOf(java));
            m.addStatement("if ($L >= _stop || $L < _start) break", k, k);
        } else {
            // Selection sampling (Knuth's algorithm S): 'size' distinct values, in increasing order.
            m.addStatement("long _needed = $L", java.number(g.size().get()));
            m.beginControlFlow("if (_needed > _stop - _start || _needed < 0)");
            m.addStatement("throw new dev.myelin.runtime.ModelError(\"connect: sample() cannot draw \" + _needed + \" values from \" + (_stop - _start))");
            m.endControlFlow();
            m.beginControlFlow("for (long $L = _start; $L < _stop && _needed > 0; $L++)", k, k, k);
            m.addStatement("if ((_stop - $L) * $L.uniform(seed, $L, _pre, $L, 0) >= _needed) continue", k, RNG, streamOf(java), k);
            m.addStatement("_needed--");
        }
        m.addStatement("final long step = $L", k);
        if (g.condition().isPresent()) m.addStatement("if (!$L) continue", java.bool(g.condition().get()));
        m.addStatement("final long _j = $L", java.number(g.element()));
        target(m, java, "_j", g.n(), g.skipIfInvalid(), so);
        m.endControlFlow();
    }

    /** Adds synapses from {@code _pre} to the relative target {@code j}, checking it is inside the target. */
    private static void target(MethodSpec.Builder m, JavaExpressions java, String j, Expr n, boolean skip, int so) {
        m.beginControlFlow("if ($L < 0 || _postStart + $L >= _postStop)", j, j);
        if (skip) m.addStatement("continue");
        else m.addStatement("throw _c.invalidIndex($S, $L, _pre - $L, _postStop - _postStart)", "j", j, so);
        m.endControlFlow();
        m.addStatement("final int _post = (int) (_postStart + $L)", j);
        m.addStatement("_c.add(_pre, _post, $L)", java.number(n));
    }

    private static String streamOf(JavaExpressions java) {
        return Integer.toString(java.stream());
    }

    private static String indices(Connection.Indices indices) {
        if (indices instanceof Connection.IndexList list) {
            return "new int[] {" + String.join(", ", list.values().stream().map(String::valueOf).toList()) + "}";
        }
        return CONNECTIONS.canonicalName() + ".indicesFromNpy(sim.dataFile(\"" + ((Connection.IndexFile) indices).path().replace("\\", "\\\\").replace("\"", "\\\"") + "\"))";
    }

    private static boolean isInvariant(Expr e) {
        return dev.myelin.compiler.expr.FreeVariables.of(e).stream().allMatch(v -> switch (v.kind()) {
            case PARAM, DT, SIZE -> true;
            default -> false;
        }) && !dev.myelin.compiler.expr.RandomCalls.in(e);
    }

    private static String stop(Synapses.Endpoint e) {
        return e.stop().map(String::valueOf).orElse("this." + JavaNames.size(e.group()));
    }

    // ── per-step code ──

    private static void newConnections(MethodSpec.Builder m, SynapsePlan s) {
        Synapses syn = s.synapses();
        m.addStatement("this.$L = new $T($S, this.$L, this.$L)", JavaNames.synapseIndex(s.name(), "conn"), CONNECTIONS, s.name(),
                JavaNames.size(syn.source().group()), JavaNames.size(syn.target().group()));
    }

    /** Whether the target is another synapses object (Brian2's Synapses(source, other_synapses)). */
    private boolean targetsSynapses(Synapses syn) {
        return lowered.synapsesNamed(syn.target().group()).isPresent();
    }

    /**
     * Local aliases of the source and target groups' arrays (once if they are the same group); a
     * target synapses object's variables and count when synapses act on synapses.
     */
    private void neuronAliases(MethodSpec.Builder m, Synapses syn) {
        Set<String> groups = new LinkedHashSet<>(List.of(syn.source().group(), syn.target().group()));
        for (String g : groups) {
            Optional<SynapsePlan> target = lowered.synapsesNamed(g);
            if (target.isEmpty()) {
                JavaGenerator.aliases(m, lowered.group(g));
                continue;
            }
            m.addStatement("final int $L = this.$L", JavaNames.size(g), JavaNames.size(g));
            for (ArrayVar a : target.get().arrays()) {
                m.addStatement("final $L[] $L = this.$L", storage.element(g, a), JavaNames.array(g, a.name()), JavaNames.array(g, a.name()));
            }
        }
    }

    private void synapseAliases(MethodSpec.Builder m, SynapsePlan s) {
        m.addStatement("final int $L = this.$L", JavaNames.size(s.name()), JavaNames.size(s.name()));
        m.addStatement("final int[] _preOf = this.$L, _postOf = this.$L", JavaNames.synapseIndex(s.name(), "pre"), JavaNames.synapseIndex(s.name(), "post"));
        for (ArrayVar a : s.arrays()) {
            m.addStatement("final $L[] $L = this.$L", storage.element(s.name(), a), JavaNames.array(s.name(), a.name()), JavaNames.array(s.name(), a.name()));
        }
        m.addStatement("final int[] $L = this.$L, $L = this.$L", JavaNames.array(s.name(), "N_incoming"), JavaNames.array(s.name(), "N_incoming"),
                JavaNames.array(s.name(), "N_outgoing"), JavaNames.array(s.name(), "N_outgoing"));
        for (String array : postTraceArrays(s)) m.addStatement("final double[] $L = this.$L", JavaNames.array(s.name(), array), JavaNames.array(s.name(), array));
    }

    /** The per-target-neuron arrays of the traces kept that way (see PostsynapticTraces). */
    static List<String> postTraceArrays(SynapsePlan s) {
        return s.postTraces().stream().map(x -> PostsynapticTraces.valueName(x.name())).toList();
    }

    private MethodSpec.Builder slotMethod(String name, SynapsePlan s) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE)
                .addParameter(long.class, "step").addParameter(double.class, "t");
        neuronAliases(m, s.synapses());
        synapseAliases(m, s);
        return m;
    }

    /** The clock-driven state update, every step in the groups slot. */
    void update(SynapsePlan s) {
        if (s.update().isEmpty()) return;
        JavaExpressions java = new JavaExpressions(s.stream(), "_syn");
        MethodSpec.Builder m = slotMethod("update_" + s.name(), s);
        m.addComment("Integration: $L", s.update().method());
        ScalarHoister hoister = new ScalarHoister("_s", true);
        List<SynapticStep> code = new ArrayList<>();
        for (Step st : s.update().whenActive()) {
            Expr value = hoister.rewrite(st.value());
            code.add(st.local() ? SynapticStep.local(st.target(), value)
                    : SynapticStep.write(new Expr.Var(st.target(), dev.myelin.compiler.expr.VarKind.ARRAY, type(s, st.target()), s.name()), value));
        }
        declareHoisted(m, hoister, java);
        m.beginControlFlow("for (int _syn = 0; _syn < $L; _syn++)", JavaNames.size(s.name()));
        m.addStatement("final int _pre = _preOf[_syn], _post = _postOf[_syn]");
        lines(m, java, code);
        m.endControlFlow();
        methods.add(m.build());
    }

    /** Every step, before the groups' updates: the traces kept per target neuron decay over one step. */
    void traces(SynapsePlan s) {
        if (s.postTraces().isEmpty()) return;
        JavaExpressions java = new JavaExpressions(s.stream(), "_post");
        MethodSpec.Builder m = slotMethod("traces_" + s.name(), s);
        ScalarHoister hoister = new ScalarHoister("_s", false);
        List<String> updates = new ArrayList<>();
        for (PostsynapticTraces.PostTrace x : s.postTraces()) updates.add(java.number(hoister.rewrite(x.step())));
        declareHoisted(m, hoister, java);
        m.beginControlFlow("for (int _post = 0; _post < $L; _post++)", JavaNames.size(s.synapses().target().group()));
        for (int k = 0; k < updates.size(); k++) {
            m.addStatement("$L[_post] = $L", JavaNames.array(s.name(), PostsynapticTraces.valueName(s.postTraces().get(k).name())), updates.get(k));
        }
        m.endControlFlow();
        methods.add(m.build());
    }

    private static ValueType type(SynapsePlan s, String variable) {
        return s.arrays().stream().filter(a -> a.name().equals(variable)).map(ArrayVar::type).findFirst().orElse(ValueType.DOUBLE);
    }

    /** Brian2's summed variables: the target's slice is set to the sum over its synapses. */
    void summed(SynapsePlan s) {
        JavaExpressions java = new JavaExpressions(s.stream(), "_syn");
        for (SummedVariable sum : s.summed()) {
            MethodSpec.Builder m = slotMethod("summed_" + s.name() + "_" + sum.target().name(), s);
            String target = JavaNames.array(sum.target().owner(), sum.target().name());
            m.addStatement("for (int _n = $L; _n < $L; _n++) $L[_n] = 0", sum.range().start(), stop(sum.range()), target);
            m.beginControlFlow("for (int _syn = 0; _syn < $L; _syn++)", JavaNames.size(s.name()));
            m.addStatement("final int _pre = _preOf[_syn], _post = _postOf[_syn]");
            String index = sum.target().kind() == dev.myelin.compiler.expr.VarKind.POST ? "_post" : "_pre";
            m.addStatement("$L[$L] += $L", target, index, java.number(sum.value()));
            m.endControlFlow();
            methods.add(m.build());
        }
    }

    /**
     * A pathway: this step's spikes of the triggering group enter the queue at their delays (a
     * source neuron per spike when all delays are equal, a synapse per event otherwise), then the
     * events due now run the pathway's code. A constant delay of 0 needs no queue.
     */
    void pathway(SynapsePlan s, PathwayPlan p) {
        Synapses syn = s.synapses();
        Synapses.Endpoint trigger = p.post() ? syn.target() : syn.source();
        String n = s.name();
        JavaExpressions java = new JavaExpressions(s.stream(), "_syn");
        MethodSpec.Builder m = slotMethod("pathway_" + n + "_" + p.name(), s);
        ScalarHoister hoister = new ScalarHoister("_s", false);
        List<SynapticStep> code = new ArrayList<>();
        for (SynapticStep st : p.code()) code.add(new SynapticStep(st.local(), st.target(), hoister.rewrite(st.value())));
        declareHoisted(m, hoister, java);
        String side = p.post() ? "post" : "pre";
        String other = p.post() ? "pre" : "post";
        m.addStatement("final int[] _start = this.$L, _synapses = this.$L", JavaNames.synapseIndex(n, side + "Start"), JavaNames.synapseIndex(n, side + "Syn"));
        m.addStatement("final boolean _inOrder = this.$L", JavaNames.synapseIndex(n, side + "InOrder"));
        m.addStatement("final int[] _spikes = this.$L", JavaNames.events(trigger.group(), p.event()));
        m.addStatement("final int _nspikes = this.$L", JavaNames.eventCount(trigger.group(), p.event()));
        String inRange = trigger.start() == 0 && trigger.stop().isEmpty() ? "true" : "_n >= " + trigger.start() + " && _n < " + stop(trigger);
        boolean direct = p.delay() instanceof Pathway.ScalarDelay d && d.seconds() instanceof Expr.Num zero && zero.value() == 0;
        if (direct) {
            m.beginControlFlow("for (int _k = 0; _k < _nspikes; _k++)");
            m.addStatement("final int _n = _spikes[_k]");
            if (!inRange.equals("true")) m.addStatement("if (!($L)) continue", inRange);
            neuronEvents(m, java, p, code, side, other);
            m.endControlFlow();
            methods.add(m.build());
            return;
        }
        if (p.perNeuron()) throw new IllegalStateException("code per triggering neuron needs an undelayed pathway: " + n + " " + p.name());
        m.addStatement("final $T _q = this.$L", QUEUE, JavaNames.pathway(n, "q", p.name()));
        m.beginControlFlow("if (this.$L)", JavaNames.pathway(n, "homogeneous", p.name()));
        m.addStatement("final int _d = this.$L", JavaNames.pathway(n, "delay", p.name()));
        m.beginControlFlow("for (int _k = 0; _k < _nspikes; _k++)");
        m.addStatement("final int _n = _spikes[_k]");
        m.addStatement("if ($L) _q.add(_d, _n)", inRange);
        m.endControlFlow();
        m.addStatement("final int[] _events = _q.current()");
        m.beginControlFlow("for (int _e = 0, _count = _q.currentCount(); _e < _count; _e++)");
        m.addStatement("final int _n = _events[_e]");
        neuronEvents(m, java, p, code, side, other);
        m.endControlFlow();
        m.nextControlFlow("else");
        if (p.delay() instanceof Pathway.SynapticDelay) {
            // A spike queues its synapses as runs of equal delay (see SynapticDelays): the same buckets, fewer calls.
            m.addStatement("final $T _delays = this.$L", DELAYS, JavaNames.pathway(n, "delays", p.name()));
            m.addStatement("final int[] _groups = _delays.sourceGroups(), _groupDelay = _delays.groupDelays(), _groupStart = _delays.groupStarts(), _sorted = _delays.sorted()");
            m.beginControlFlow("for (int _k = 0; _k < _nspikes; _k++)");
            m.addStatement("final int _n = _spikes[_k]");
            if (!inRange.equals("true")) m.addStatement("if (!($L)) continue", inRange);
            m.beginControlFlow("for (int _g = _groups[_n], _gEnd = _groups[_n + 1]; _g < _gEnd; _g++)");
            m.addStatement("_q.addAll(_groupDelay[_g], _sorted, _groupStart[_g], _groupStart[_g + 1])");
            m.endControlFlow();
            m.endControlFlow();
            m.addStatement("final int[] _events = _q.current()");
            m.beginControlFlow("for (int _e = 0, _count = _q.currentCount(); _e < _count; _e++)");
            m.addStatement("final int _syn = _events[_e]");
            m.addStatement("final int _pre = _preOf[_syn], _post = _postOf[_syn]");
            lines(m, java, code);
            m.endControlFlow();
        } else {
            m.addStatement("throw new IllegalStateException($S)", "a scalar delay is always homogeneous");
        }
        m.endControlFlow();
        m.addStatement("_q.advance()");
        methods.add(m.build());
    }

    /**
     * The code for every synapse of neuron {@code _n} (the trigger side), in synapse order: with the
     * synapses numbered by that side's neurons, a run of numbers, one memory read fewer per event.
     */
    private void neuronEvents(MethodSpec.Builder m, JavaExpressions java, PathwayPlan p, List<SynapticStep> code, String side, String other) {
        // With code per triggering neuron, that neuron's index is declared once, before its synapses.
        String indices = p.perNeuron() ? "_" + other + " = _" + other + "Of[_syn]" : "_" + side + " = _n, _" + other + " = _" + other + "Of[_syn]";
        if (p.perNeuron()) {
            m.addStatement("final int _$L = _n", side);
            lines(m, java, p.beforeSynapses());
        }
        m.beginControlFlow("if (_inOrder)");
        m.beginControlFlow("for (int _syn = _start[_n], _end = _start[_n + 1]; _syn < _end; _syn++)");
        m.addStatement("final int $L", indices);
        lines(m, java, code);
        m.endControlFlow();
        m.nextControlFlow("else");
        m.beginControlFlow("for (int _x = _start[_n], _end = _start[_n + 1]; _x < _end; _x++)");
        m.addStatement("final int _syn = _synapses[_x]");
        m.addStatement("final int $L", indices);
        lines(m, java, code);
        m.endControlFlow();
        m.endControlFlow();
        lines(m, java, p.afterSynapses());
    }

    /** Turns per-run delays into steps (Brian2 rounds delay/dt), and picks the queue's mode. */
    void beforeRun(MethodSpec.Builder m, SynapsePlan s) {
        String n = s.name();
        JavaExpressions scalar = new JavaExpressions(0);
        for (PathwayPlan p : s.pathways()) {
            String homogeneous = JavaNames.pathway(n, "homogeneous", p.name());
            String delay = JavaNames.pathway(n, "delay", p.name());
            String queue = JavaNames.pathway(n, "q", p.name());
            if (p.delay() instanceof Pathway.ScalarDelay d) {
                if (d.seconds() instanceof Expr.Num zero && zero.value() == 0) continue;
                m.addStatement("this.$L = true", homogeneous);
                m.addStatement("this.$L = $T.steps($L, dt, $S)", delay, DELAYS, scalar.number(d.seconds()), n + " " + p.name());
                m.addStatement("this.$L.ensureDelay(this.$L)", queue, delay);
                continue;
            }
            String variable = ((Pathway.SynapticDelay) p.delay()).variable();
            String delays = "this." + JavaNames.pathway(n, "delays", p.name());
            String side = p.post() ? "post" : "pre";
            m.beginControlFlow("");
            m.addStatement("$L.update(this.$L, dt, this.$L, this.$L)", delays, JavaNames.array(n, variable),
                    JavaNames.synapseIndex(n, side + "Start"), JavaNames.synapseIndex(n, side + "Syn"));
            m.addStatement("final boolean same = $L.homogeneous()", delays);
            m.beginControlFlow("if (same != this.$L && !this.$L.isEmpty())", homogeneous, queue);
            m.addStatement("throw new dev.myelin.runtime.ModelError($S)", "synapses " + n + ": the delays of pathway " + p.name()
                    + " changed between equal and unequal while spikes were still in flight; change them before the first run or when no spike is travelling");
            m.endControlFlow();
            m.addStatement("this.$L = same", homogeneous);
            m.addStatement("this.$L = $L.min()", delay, delays);
            m.addStatement("this.$L.ensureDelay($L.max())", queue, delays);
            m.endControlFlow();
        }
    }

    /** A state monitor of synapses: the recorded synapses' values. */
    void record(Monitor.State mon, SynapsePlan s) {
        JavaExpressions java = new JavaExpressions(s.stream(), "_syn");
        MethodSpec.Builder m = slotMethod("record_" + mon.name(), s);
        m.addStatement("final $T rec = this.$L", STATE_REC, JavaNames.recorder(mon.name()));
        m.addStatement("rec.begin(step)");
        m.beginControlFlow("for (int k = 0; k < rec.size(); k++)");
        m.addStatement("final int _syn = rec.index(k)");
        m.addStatement("final int _pre = _preOf[_syn], _post = _postOf[_syn]");
        for (int v = 0; v < mon.variables().size(); v++) {
            m.addStatement("rec.put($L, k, $L)", v, java.number(s.recordable().get(mon.variables().get(v))));
        }
        m.endControlFlow();
        methods.add(m.build());
    }

    /** Per-synapse code run from the protocol (assignments, saves): a loop over all synapses. */
    MethodSpec.Builder protocolLoop(String name, SynapsePlan s) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        m.addStatement("final long step = sim.step()");
        m.addStatement("final double t = step * dt");
        neuronAliases(m, s.synapses());
        synapseAliases(m, s);
        return m;
    }

    private void lines(MethodSpec.Builder m, JavaExpressions java, List<SynapticStep> code) {
        for (SynapticStep st : code) {
            if (st.isLocal()) {
                ValueType t = st.value().type();
                m.addStatement("final $L $L = $L", t == ValueType.BOOL ? "boolean" : "double", st.local(),
                        t == ValueType.BOOL ? java.bool(st.value()) : java.number(st.value()));
            } else {
                String value = storage.store(st.target().owner(), st.target().name(), java.forStore(st.value(), st.target().type()));
                String guard = refractoryGuard(st.target());
                if (guard != null) m.addStatement("if ($L) $L = $L", guard, java.target(st.target()), value);
                else m.addStatement("$L = $L", java.target(st.target()), value);
            }
        }
    }

    /**
     * The condition under which synaptic code may write a neuron's variable: for a variable of an
     * {@code (unless refractory)} equation, that its neuron is not refractory, as Brian2's
     * conditional write has it; null for every other target.
     */
    private String refractoryGuard(Expr.Var target) {
        if (target.kind() != VarKind.PRE && target.kind() != VarKind.POST) return null;
        if (lowered.synapsesNamed(target.owner()).isPresent()) return null;
        if (!lowered.group(target.owner()).group().writtenOnlyWhenNotRefractory().contains(target.name())) return null;
        return JavaNames.array(target.owner(), "not_refractory") + (target.kind() == VarKind.POST ? "[_post]" : "[_pre]") + " != 0.0";
    }

    static void declareHoisted(MethodSpec.Builder m, ScalarHoister hoister, JavaExpressions java) {
        for (ScalarHoister.Hoisted h : hoister.hoisted()) {
            String t = h.value().type() == ValueType.BOOL ? "boolean" : h.value().type() == ValueType.INT ? "long" : "double";
            m.addStatement("final $L $L = $L", t, h.name(), java.print(h.value()));
        }
    }

    static boolean usesGroup(GroupPlan g, SynapsePlan s) {
        return s.synapses().source().group().equals(g.name()) || s.synapses().target().group().equals(g.name());
    }
}
