package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.Monitor;
import dev.myelin.compiler.model.Pathway;
import dev.myelin.compiler.model.ProtocolStep;
import dev.myelin.compiler.model.Subexpression;
import dev.myelin.compiler.model.SummedVariable;
import dev.myelin.compiler.model.Synapses;
import dev.myelin.compiler.model.SynapticWrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event-driven traces that only postsynaptic spikes set, kept once per target neuron instead of
 * once per synapse. In STDP the postsynaptic trace ({@code apost}, Diehl & Cook's post1 and post2)
 * starts at 0 in every synapse, decays at a fixed rate, and is changed only by {@code on_post}, by
 * an amount that depends on nothing but the trace: so all synapses onto a neuron hold the same
 * value. Brian2 stores it per synapse and decays it over the time since the synapse's last event
 * at every presynaptic event; here it is one value per target neuron, decayed every step by the
 * one-step solution of its equation (as Brian2 integrates such a trace when it is written in the
 * neuron group), so a presynaptic event only reads it and a postsynaptic spike updates it once for
 * all its synapses. Per event that is two table lookups and four per-synapse memory accesses
 * fewer; the values agree with Brian2's to a relative 1e-16 per step of decay.
 *
 * <p>A trace qualifies when nothing else can tell the two apart: no code other than the single,
 * undelayed postsynaptic pathway writes it, that code sets it from itself and constants only, no
 * other equation, subexpression, summed variable, monitor, assignment, save, normalisation or image
 * names it, and the target is a neuron group. (Its decay rate is fixed: the checker refuses
 * protocol values in event-driven equations.)
 */
public final class PostsynapticTraces {

    private final String synapses;
    /** Trace name to its one-step update (the event-driven solution over dt, read from and written to the neuron's value). */
    private final Map<String, Expr> decayed;

    private PostsynapticTraces(String synapses, Map<String, Expr> decayed) {
        this.synapses = synapses;
        this.decayed = decayed;
    }

    /** A trace kept per target neuron: its name and its update over one step ({@code S$x$post[_post]}'s new value). */
    public record PostTrace(String name, Expr step) {
    }

    /** The per-neuron array holding trace {@code x}'s value at its last update. */
    public static String valueName(String trace) {
        return trace + "$post";
    }

    /** The traces of {@code s} that qualify, given its event-driven update lines (before decays are shared). */
    static PostsynapticTraces find(Synapses s, CheckedModel model, List<SynapticStep> eventDriven) {
        Map<String, Expr> decayed = new LinkedHashMap<>();
        if (!s.hasEventDriven() || model.synapsesNamed(s.target().group()).isPresent() || !singleDirectPostPathway(s)) {
            return new PostsynapticTraces(s.name(), decayed);
        }
        Map<String, Expr> writes = inlinedWrites(eventDriven);
        Set<String> elsewhere = namedOutsidePathways(s, model);
        for (DiffEquation eq : s.eventDriven()) {
            String x = eq.variable();
            Expr update = writes.get(x);
            if (update == null || elsewhere.contains(x) || RandomCalls.in(update)) continue;
            if (!readsOnly(update, s.name(), Set.of(x, "lastupdate"))) continue;
            if (readByOtherTraces(x, writes) || !setFromItselfOnPost(s, x)) continue;
            Expr fromNeuron = fromNeuron(s.name(), x, update);
            if (fromNeuron != null) decayed.put(x, fromNeuron);
        }
        return new PostsynapticTraces(s.name(), decayed);
    }

    /**
     * The event-driven update of x over one step, x read from its neuron; null if the update reads
     * the time other than in decays (each a table lookup of one step, hoisted out of the loop).
     */
    private static Expr fromNeuron(String s, String x, Expr update) {
        Expr value = Substitution.mapCalls(update, c -> c.fn() != Function.DECAY ? null
                : new Expr.Call(Function.DECAY_STEPS, List.of(c.args().get(0), Expr.num(1)), c.site()));
        value = Substitution.of(array(s, x), post(s, valueName(x))).apply(value);
        boolean timeFree = !FreeVariables.references(value, "lastupdate") && !FreeVariables.referencesKind(value, VarKind.TIME);
        return timeFree ? value : null;
    }

    /** The traces kept per neuron, in equation order. */
    public List<PostTrace> traces() {
        List<PostTrace> out = new ArrayList<>();
        decayed.forEach((x, step) -> out.add(new PostTrace(x, step)));
        return out;
    }

    List<String> names() {
        return List.copyOf(decayed.keySet());
    }

    /** The event-driven lines without the updates of the traces kept per neuron. */
    List<SynapticStep> withoutTraces(List<SynapticStep> eventDriven) {
        List<SynapticStep> out = new ArrayList<>();
        for (SynapticStep st : eventDriven) if (st.isLocal() || !isTrace(st.target())) out.add(st);
        return out;
    }

    /**
     * A pathway's own code with the traces read from their neurons: per event for a presynaptic
     * pathway; once per postsynaptic spike, before its synapses, for the postsynaptic one, whose
     * writes to the traces become values computed there and stored after the synapses (every
     * synapse reads the value the code's order gives it, as if each held its own copy).
     */
    Rewritten rewrite(Pathway p, List<SynapticStep> code) {
        if (decayed.isEmpty()) return new Rewritten(code, List.of(), List.of());
        Map<String, Integer> version = new LinkedHashMap<>();
        List<SynapticStep> before = new ArrayList<>();
        List<SynapticStep> body = new ArrayList<>();
        List<SynapticStep> after = new ArrayList<>();
        List<SynapticStep> values = p.post() ? before : body;
        for (String x : decayed.keySet()) {
            version.put(x, 0);
            values.add(SynapticStep.local(local(x, 0), post(synapses, valueName(x))));
        }
        for (SynapticStep st : code) {
            Expr value = readingLocals(st.value(), version);
            if (!st.isLocal() && isTrace(st.target())) {
                String x = st.target().name();
                version.merge(x, 1, Integer::sum);
                before.add(SynapticStep.local(local(x, version.get(x)), value));
            } else {
                body.add(new SynapticStep(st.local(), st.target(), value));
            }
        }
        if (p.post()) {
            for (String x : decayed.keySet()) {
                if (version.get(x) > 0) after.add(SynapticStep.write(post(synapses, valueName(x)), Expr.Var.local(local(x, version.get(x)))));
            }
        }
        return new Rewritten(body, before, after);
    }

    /** A pathway's per-event lines, and the lines run once per triggering neuron before and after its synapses. */
    record Rewritten(List<SynapticStep> body, List<SynapticStep> before, List<SynapticStep> after) {
    }

    private boolean isTrace(Expr.Var target) {
        return target.kind() == VarKind.ARRAY && target.owner().equals(synapses) && decayed.containsKey(target.name());
    }

    /** e reading each trace from the local that holds its value at this point of the code. */
    private Expr readingLocals(Expr e, Map<String, Integer> version) {
        return Substitution.mapVariables(e, v -> v.kind() == VarKind.ARRAY && v.owner().equals(synapses) && version.containsKey(v.name())
                ? Expr.Var.local(local(v.name(), version.get(v.name()))) : v);
    }

    /** The local holding trace x after its n-th write in the pathway's code (0: its decayed value). */
    private static String local(String x, int n) {
        return "_tr_" + x + "_" + n;
    }

    private static boolean singleDirectPostPathway(Synapses s) {
        List<Pathway> post = s.pathways().stream().filter(Pathway::post).toList();
        return post.size() == 1 && post.get(0).delay() instanceof Pathway.ScalarDelay d && d.seconds() instanceof Expr.Num n && n.value() == 0;
    }

    /** Whether every write of x is in the postsynaptic pathway and computes it from x, params, protocol values and constants. */
    private static boolean setFromItselfOnPost(Synapses s, String x) {
        for (Pathway p : s.pathways()) {
            for (SynapticWrite w : p.code()) {
                if (w.target().kind() != VarKind.ARRAY || !w.target().name().equals(x)) continue;
                if (!p.post() || RandomCalls.in(w.value()) || !readsOnly(w.value(), s.name(), Set.of(x))) return false;
            }
        }
        return true;
    }

    /** Whether e reads no per-synapse or per-neuron values but {@code arrays} of synapses s (and time, params, protocol values). */
    private static boolean readsOnly(Expr e, String s, Set<String> arrays) {
        for (Expr.Var v : FreeVariables.of(e)) {
            boolean ok = switch (v.kind()) {
                case ARRAY -> v.owner().equals(s) && arrays.contains(v.name());
                case PARAM, PROTOCOL, TIME, DT -> true;
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    static boolean readByOtherTraces(String x, Map<String, Expr> writes) {
        for (Map.Entry<String, Expr> w : writes.entrySet()) {
            if (!w.getKey().equals(x) && reads(w.getValue(), new Expr.Var(x, VarKind.ARRAY, ValueType.DOUBLE, ""))) return true;
        }
        return false;
    }

    /** The variables of s that something other than its pathways' code reads or writes (all of them when synapses act on s). */
    static Set<String> namedOutsidePathways(Synapses s, CheckedModel model) {
        Set<String> names = new LinkedHashSet<>();
        if (model.synapses().stream().anyMatch(other -> other.target().group().equals(s.name()))) {
            s.variables().forEach(v -> names.add(v.name()));
            s.eventDriven().forEach(eq -> names.add(eq.variable()));
        }
        for (DiffEquation eq : s.clockDriven()) {
            names.add(eq.variable());
            arraysOf(eq.rhs(), s.name(), names);
        }
        for (Subexpression sub : s.subexpressions()) arraysOf(sub.value(), s.name(), names);
        for (SummedVariable sum : s.summed()) arraysOf(sum.value(), s.name(), names);
        for (Monitor m : model.monitors()) if (m instanceof Monitor.State st && st.group().equals(s.name())) names.addAll(st.variables());
        protocol(model.protocol(), s.name(), names);
        return names;
    }

    private static void protocol(List<ProtocolStep> steps, String s, Set<String> names) {
        for (ProtocolStep step : steps) {
            if (step instanceof ProtocolStep.AssignExpr a && a.group().equals(s)) {
                names.add(a.variable());
                arraysOf(a.value(), s, names);
            } else if (step instanceof ProtocolStep.AssignList a && a.group().equals(s)) {
                names.add(a.variable());
            } else if (step instanceof ProtocolStep.AssignFile a && a.group().equals(s)) {
                names.add(a.variable());
            } else if (step instanceof ProtocolStep.Normalize n && n.synapses().equals(s)) {
                names.add(n.variable());
            } else if (step instanceof ProtocolStep.Image i && i.synapses().equals(s)) {
                names.add(i.variable());
            } else if (step instanceof ProtocolStep.Save save && save.owner().equals(s)) {
                save.values().forEach(v -> arraysOf(v, s, names));
            }
            for (List<ProtocolStep> block : step.blocks()) protocol(block, s, names);
        }
    }

    private static void arraysOf(Expr e, String s, Set<String> names) {
        for (Expr.Var v : FreeVariables.of(e)) if (v.kind() == VarKind.ARRAY && (v.owner().equals(s) || v.owner().isEmpty())) names.add(v.name());
    }

    /** Each variable the event-driven lines write, to its new value with the lines' locals substituted in. */
    static Map<String, Expr> inlinedWrites(List<SynapticStep> eventDriven) {
        Map<String, Expr> locals = new LinkedHashMap<>();
        Map<String, Expr> writes = new LinkedHashMap<>();
        for (SynapticStep st : eventDriven) {
            Expr value = Substitution.mapVariables(st.value(), v -> v.kind() == VarKind.LOCAL && locals.containsKey(v.name()) ? locals.get(v.name()) : v);
            if (st.isLocal()) locals.put(st.local(), value);
            else writes.put(st.target().name(), value);
        }
        return writes;
    }

    private static boolean reads(Expr e, Expr.Var v) {
        for (Expr.Var r : FreeVariables.of(e)) if (r.name().equals(v.name()) && r.kind() == v.kind()) return true;
        return false;
    }

    private static Expr.Var array(String owner, String name) {
        return new Expr.Var(name, VarKind.ARRAY, ValueType.DOUBLE, owner);
    }

    private static Expr.Var post(String owner, String name) {
        return new Expr.Var(name, VarKind.POST, ValueType.DOUBLE, owner);
    }
}
