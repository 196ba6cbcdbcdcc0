package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.Pathway;
import dev.myelin.compiler.model.Synapses;
import dev.myelin.compiler.model.SynapticWrite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event-driven traces that only decay and that every write sets to one constant c (nearest-spike
 * STDP's {@code pre = 1}), kept per synapse as the time of the last write instead of a value:
 * {@code x(t) = c * exp(-rate * (t - A))}, and 0 before the first write (A is then -infinity). A
 * write of x becomes {@code A = t}, a read the expression. Brian2 decays such a trace at every
 * event of its synapse from {@code lastupdate}; the values agree to rounding.
 *
 * <p>The point is what it lets go: when every event-driven variable of the synapses is kept this
 * way or per target neuron ({@link PostsynapticTraces}), and nothing reads {@code lastupdate}, the
 * synapses need not write {@code lastupdate} at every event: in Diehl & Cook, a presynaptic event
 * then writes two per-synapse values (w and pre's time) instead of three.
 */
final class SetTimeTraces {

    private final String synapses;
    /** Trace name to its read value: c * DECAY_SINCE(rate, A). */
    private final Map<String, Expr> reads;
    private final Map<String, Expr> constants;

    private SetTimeTraces(String synapses, Map<String, Expr> reads, Map<String, Expr> constants) {
        this.synapses = synapses;
        this.reads = reads;
        this.constants = constants;
    }

    /** The per-synapse array holding the time trace x was last set ({@code S$pre$set}). */
    static String timeName(String trace) {
        return trace + "$set";
    }

    /** The qualifying traces of s among its remaining event-driven update lines (before decays are shared). */
    static SetTimeTraces find(Synapses s, CheckedModel model, List<SynapticStep> eventDriven) {
        Map<String, Expr> reads = new LinkedHashMap<>();
        Map<String, Expr> constants = new LinkedHashMap<>();
        Map<String, Expr> writes = PostsynapticTraces.inlinedWrites(eventDriven);
        Set<String> elsewhere = PostsynapticTraces.namedOutsidePathways(s, model);
        for (DiffEquation eq : s.eventDriven()) {
            String x = eq.variable();
            Expr.Call decay = decayOf(writes.get(x), x);
            Expr c = setTo(s, x);
            if (decay == null || c == null || elsewhere.contains(x) || PostsynapticTraces.readByOtherTraces(x, writes)) continue;
            Expr.Var time = new Expr.Var(timeName(x), VarKind.ARRAY, ValueType.DOUBLE, s.name());
            reads.put(x, Expr.mul(c, new Expr.Call(Function.DECAY_SINCE, List.of(decay.args().get(0), time), decay.site())));
            constants.put(x, c);
        }
        return new SetTimeTraces(s.name(), reads, constants);
    }

    /** The decay call when x's update is exactly x times a decay, else null. */
    private static Expr.Call decayOf(Expr update, String x) {
        if (!(update instanceof Expr.Binary b) || b.op() != Op.MUL) return null;
        for (Expr[] pair : new Expr[][] {{b.left(), b.right()}, {b.right(), b.left()}}) {
            if (pair[0] instanceof Expr.Call c && c.fn() == Function.DECAY && pair[1] instanceof Expr.Var v && v.kind() == VarKind.ARRAY && v.name().equals(x)) return c;
        }
        return null;
    }

    /** The one number every write of x sets it to, or null if a write sets something else (or none does). */
    private static Expr setTo(Synapses s, String x) {
        Expr c = null;
        for (Pathway p : s.pathways()) {
            for (SynapticWrite w : p.code()) {
                if (w.target().kind() != VarKind.ARRAY || !w.target().name().equals(x)) continue;
                if (!(w.value() instanceof Expr.Num n) || (c != null && !c.equals(n))) return null;
                c = n;
            }
        }
        return c;
    }

    List<String> names() {
        return List.copyOf(reads.keySet());
    }

    /** Each trace's value now, from its set time (for the Java API). */
    Map<String, Expr> reads() {
        return reads;
    }

    /** The event-driven lines without the updates of these traces. */
    List<SynapticStep> withoutTraces(List<SynapticStep> eventDriven) {
        List<SynapticStep> out = new ArrayList<>();
        for (SynapticStep st : eventDriven) if (st.isLocal() || !isTrace(st.target())) out.add(st);
        return out;
    }

    /** A pathway's per-event lines with each trace read from its set time (before this event's write) or as the constant (after it), and its writes as {@code A = t}. */
    List<SynapticStep> rewrite(List<SynapticStep> code) {
        if (reads.isEmpty()) return code;
        List<SynapticStep> out = new ArrayList<>();
        for (Map.Entry<String, Expr> read : reads.entrySet()) out.add(SynapticStep.local(local(read.getKey()), read.getValue()));
        Set<String> written = new HashSet<>();
        Expr t = new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, "");
        for (SynapticStep st : code) {
            Expr value = Substitution.mapVariables(st.value(), v -> !isTrace(v) ? v : written.contains(v.name()) ? constants.get(v.name()) : Expr.Var.local(local(v.name())));
            if (!st.isLocal() && isTrace(st.target())) {
                out.add(SynapticStep.write(new Expr.Var(timeName(st.target().name()), VarKind.ARRAY, ValueType.DOUBLE, synapses), t));
                written.add(st.target().name());
            } else {
                out.add(new SynapticStep(st.local(), st.target(), value));
            }
        }
        return out;
    }

    /**
     * Whether lastupdate must still be written at every event: some event-driven variable is still
     * decayed from it, or something reads it.
     */
    static boolean lastupdateNeeded(Synapses s, CheckedModel model, List<SynapticStep> remaining, List<List<SynapticStep>> pathwayCode) {
        for (SynapticStep st : remaining) if (!st.isLocal()) return true;
        for (List<SynapticStep> code : pathwayCode) {
            for (SynapticStep st : code) if (FreeVariables.references(st.value(), "lastupdate")) return true;
        }
        return PostsynapticTraces.namedOutsidePathways(s, model).contains("lastupdate");
    }

    private boolean isTrace(Expr.Var v) {
        return v.kind() == VarKind.ARRAY && v.owner().equals(synapses) && reads.containsKey(v.name());
    }

    private static String local(String x) {
        return "_ls_" + x;
    }
}
