package dev.myelin.compiler.lower;

import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.Assignment;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.CustomEvent;
import dev.myelin.compiler.model.RegularCode;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Refractory;
import dev.myelin.compiler.model.Subexpression;
import dev.myelin.compiler.model.Variable;
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.Pathway;
import dev.myelin.compiler.model.Synapses;
import dev.myelin.compiler.model.SynapticWrite;
import dev.myelin.compiler.model.SummedVariable;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.lower.integrate.IntegrationMethod;
import dev.myelin.compiler.lower.integrate.OdeSystem;
import dev.myelin.compiler.lower.integrate.StateUpdate;
import dev.myelin.compiler.lower.integrate.UnsupportedEquationsException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers each group of a checked model to straight-line per-neuron code, with Brian2's semantics:
 * <ul>
 *   <li>refractoriness is computed first in the groups slot:
 *       {@code not_refractory = timestep(t - lastspike) >= timestep(refractory)} for a duration,
 *       {@code not_refractory = not_refractory or not cond} for a condition;</li>
 *   <li>{@code (unless refractory)} multiplies a right-hand side by {@code int(not_refractory)}
 *       and writes the variable only where not refractory;</li>
 *   <li>the threshold becomes {@code cond and not_refractory}.</li>
 * </ul>
 */
public final class Lowering {

    /** Brian2's initial lastspike: long enough ago that nobody starts refractory. */
    static final double LASTSPIKE_INITIAL = -1e4;

    private final Diagnostics diagnostics;
    private final StateUpdater updater;
    private final StepDecays decays = new StepDecays();

    private Lowering(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.updater = new StateUpdater(diagnostics);
    }

    public static LoweredModel lower(CheckedModel model, Diagnostics diagnostics) {
        Lowering lowering = new Lowering(diagnostics);
        List<GroupPlan> plans = new ArrayList<>();
        Set<String> written = writtenBySynapses(model);
        for (int k = 0; k < model.groups().size(); k++) plans.add(lowering.group(model.groups().get(k), k + 1, written));
        List<SynapsePlan> synapses = new ArrayList<>();
        int first = model.groups().size() + 1;
        for (int k = 0; k < model.synapses().size(); k++) synapses.add(lowering.synapses(model.synapses().get(k), first + k, model));
        return new LoweredModel(model, plans, synapses, lowering.decays.count());
    }

    /** "group.variable" for every group variable that synapse code or a summed variable writes during runs. */
    private static Set<String> writtenBySynapses(CheckedModel model) {
        Set<String> written = new HashSet<>();
        for (Synapses s : model.synapses()) {
            for (Pathway p : s.pathways()) {
                for (SynapticWrite w : p.code()) written.add(w.target().owner() + "." + w.target().name());
            }
            for (SummedVariable sv : s.summed()) written.add(sv.target().owner() + "." + sv.target().name());
        }
        return written;
    }

    private SynapsePlan synapses(Synapses s, int stream, CheckedModel model) {
        String name = s.name();
        List<ArrayVar> arrays = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        Map<String, Expr> recordable = new LinkedHashMap<>();
        for (Variable v : s.variables()) {
            if (v.shared()) {
                shared.add(v.name());
                recordable.put(v.name(), new Expr.Var(v.name(), VarKind.SHARED, v.type(), name));
                continue;
            }
            arrays.add(new ArrayVar(v.name(), v.type(), 0));
            recordable.put(v.name(), new Expr.Var(v.name(), VarKind.ARRAY, v.type(), name));
        }
        for (Subexpression sub : s.subexpressions()) recordable.put(sub.name(), sub.value());
        StateUpdatePlan update = updater.plan(new StateUpdater.Owner(name, "synapses", s.method()), s.clockDriven(), false, null);

        List<SynapticStep> eventDriven = eventDrivenUpdate(s);
        PostsynapticTraces traces = PostsynapticTraces.find(s, model, eventDriven);
        List<SynapticStep> remaining = traces.withoutTraces(eventDriven);
        SetTimeTraces setTimes = SetTimeTraces.find(s, model, remaining);
        remaining = setTimes.withoutTraces(remaining);
        List<SynapticStep> ownUpdate = StepDecays.share(remaining);
        List<PostsynapticTraces.Rewritten> rewritten = new ArrayList<>();
        List<List<SynapticStep>> userCode = new ArrayList<>();
        for (Pathway p : s.pathways()) {
            List<SynapticStep> user = new ArrayList<>();
            for (SynapticWrite w : p.code()) user.add(SynapticStep.write(w.target(), w.value()));
            PostsynapticTraces.Rewritten r = traces.rewrite(p, user);
            rewritten.add(r);
            userCode.addAll(List.of(r.body(), r.before(), r.after()));
        }
        boolean lastupdate = s.hasEventDriven() && SetTimeTraces.lastupdateNeeded(s, model, remaining, userCode);
        Set<String> notPerSynapse = new HashSet<>(traces.names());
        notPerSynapse.addAll(setTimes.names());
        if (s.hasEventDriven() && !lastupdate) notPerSynapse.add("lastupdate");
        arrays.removeIf(a -> notPerSynapse.contains(a.name()));
        notPerSynapse.forEach(recordable::remove);
        for (String x : setTimes.names()) arrays.add(new ArrayVar(SetTimeTraces.timeName(x), ValueType.DOUBLE, Double.NEGATIVE_INFINITY));
        List<PathwayPlan> pathways = new ArrayList<>();
        for (int k = 0; k < s.pathways().size(); k++) {
            Pathway p = s.pathways().get(k);
            PostsynapticTraces.Rewritten r = rewritten.get(k);
            List<SynapticStep> code = new ArrayList<>(ownUpdate);
            code.addAll(setTimes.rewrite(r.body()));
            if (lastupdate) {
                code.add(SynapticStep.write(new Expr.Var("lastupdate", VarKind.ARRAY, ValueType.DOUBLE, name), new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, "")));
            }
            List<SynapticStep> body = DeadSynapticCode.remove(code);
            List<SynapticStep> later = new ArrayList<>(body);
            later.addAll(r.after());
            pathways.add(new PathwayPlan(p.name(), p.post(), p.event(), body, p.delay(), DeadSynapticCode.withoutUnreadLocals(r.before(), later), r.after()));
        }
        return new SynapsePlan(s, stream, arrays, shared, update, s.summed(), pathways, recordable, traces.traces(), setTimes.reads(), !s.hasEventDriven() || lastupdate);
    }

    /**
     * Brian2 solves event-driven equations exactly (its 'linear' method) and replaces dt by the time
     * since the synapse's last event, {@code t - lastupdate}; the result runs before a pathway's code. (Its decays are shared once the traces kept per neuron are taken out.)
     */
    private List<SynapticStep> eventDrivenUpdate(Synapses s) {
        if (!s.hasEventDriven()) return List.of();
        List<Expr.Var> vars = new ArrayList<>();
        Map<String, Expr> rhs = new LinkedHashMap<>();
        for (DiffEquation eq : s.eventDriven()) {
            vars.add(new Expr.Var(eq.variable(), VarKind.ARRAY, ValueType.DOUBLE, s.name()));
            rhs.put(eq.variable(), eq.rhs());
        }
        StateUpdate update;
        try {
            update = IntegrationMethod.EXACT.integrate(OdeSystem.of(vars, rhs));
        } catch (UnsupportedEquationsException e) {
            diagnostics.error(s.eventDriven().get(0).span(), "the event-driven equations of synapses " + s.name() + " cannot be solved in closed form: " + e.getMessage(),
                    "make them (clock-driven) to integrate them every step");
            return List.of();
        }
        Expr elapsed = Expr.sub(new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, ""), new Expr.Var("lastupdate", VarKind.ARRAY, ValueType.DOUBLE, s.name()));
        Substitution sinceLast = Substitution.of(new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, ""), elapsed);
        List<SynapticStep> out = new ArrayList<>();
        for (dev.myelin.compiler.lower.integrate.Assignment a : update.steps()) {
            out.add(SynapticStep.local("_ed_" + a.localName(), sinceLast.apply(decays.rewrite(renameLocals(a.value()), elapsed))));
        }
        for (StateUpdate.Write w : update.writes()) {
            out.add(SynapticStep.write(w.state(), sinceLast.apply(decays.rewrite(renameLocals(w.value()), elapsed))));
        }
        return out;
    }

    /** Event-driven locals get a prefix of their own, so they cannot clash with other locals of the pathway. */
    private static Expr renameLocals(Expr e) {
        return Substitution.mapVariables(e, v -> v.kind() == VarKind.LOCAL ? new Expr.Var("_ed_" + v.name(), VarKind.LOCAL, v.type(), "") : v);
    }

    private GroupPlan group(NeuronGroup g, int stream, Set<String> writtenBySynapses) {
        String name = g.name();
        List<ArrayVar> arrays = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        Map<String, Expr> recordable = new LinkedHashMap<>();
        for (Variable v : g.variables()) {
            if (v.shared()) {
                shared.add(v.name());
                recordable.put(v.name(), new Expr.Var(v.name(), VarKind.SHARED, v.type(), name));
                continue;
            }
            double initial = v.name().equals("lastspike") ? LASTSPIKE_INITIAL : v.name().equals("not_refractory") ? 1 : 0;
            arrays.add(new ArrayVar(v.name(), v.type(), initial));
            recordable.put(v.name(), new Expr.Var(v.name(), VarKind.ARRAY, v.type(), name));
        }
        List<Step> beforeStart = new ArrayList<>();
        for (Subexpression s : g.subexpressions()) {
            if (s.constantOverDt()) {
                arrays.add(new ArrayVar(s.name(), ValueType.DOUBLE, 0));
                beforeStart.add(Step.write(s.name(), s.value()));
                recordable.put(s.name(), new Expr.Var(s.name(), VarKind.ARRAY, ValueType.DOUBLE, name));
            } else {
                recordable.put(s.name(), s.value());
            }
        }

        Expr.Var notRefractory = new Expr.Var("not_refractory", VarKind.ARRAY, ValueType.BOOL, name);
        Optional<Expr> nrUpdate = Optional.empty();
        if (g.refractory() instanceof Refractory.Duration d) {
            nrUpdate = Optional.of(stepsSinceAtLeast(
                    Expr.sub(new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, ""), new Expr.Var("lastspike", VarKind.ARRAY, ValueType.DOUBLE, name)),
                    timestep(d.seconds())));
        } else if (g.refractory() instanceof Refractory.Condition c) {
            nrUpdate = Optional.of(new Expr.Binary(Op.OR, notRefractory, new Expr.Unary(Op.NOT, c.condition())));
        }

        StateUpdatePlan update = updater.plan(g, nrUpdate.isPresent(), notRefractory);
        boolean gated = nrUpdate.isPresent();
        Optional<Expr> threshold = g.threshold().map(cond -> gated ? new Expr.Binary(Op.AND, cond, notRefractory) : cond);
        List<Step> reset = writes(g.reset());
        // Custom events ignore refractoriness unless their condition says otherwise, as in Brian2.
        List<EventPlan> events = new ArrayList<>();
        for (CustomEvent e : g.events()) events.add(new EventPlan(e.name(), e.condition(), writes(e.code())));
        List<RegularPlan> regular = new ArrayList<>();
        for (int k = 0; k < g.regular().size(); k++) {
            RegularCode r = g.regular().get(k);
            regular.add(new RegularPlan(k, writes(r.code()), r.dt(), r.when()));
        }
        Optional<Expr> constantChance = ConstantChance.of(g, writtenBySynapses);
        return new GroupPlan(g, stream, arrays, shared, beforeStart, nrUpdate, update, threshold, constantChance, reset, events, regular, recordable);
    }

    private static List<Step> writes(List<Assignment> code) {
        List<Step> out = new ArrayList<>();
        for (Assignment a : code) out.add(Step.write(a.target(), a.value()));
        return out;
    }

    /**
     * Brian2's {@code timestep(elapsed) >= steps} as a number, 1 or 0, computed without a comparison
     * or an integer conversion per neuron, so the update loop stays all-double and vectorises.
     * With {@code y = elapsed/dt + 1e-3} and R the refractory period in steps, truncation toward
     * zero gives {@code int(y) >= R} exactly when {@code floor(y) >= R} for R of 1 or more, and when
     * {@code ceil(y) >= R} for R of 0 or less (y below zero: a lastspike in the future). Both are
     * whole numbers, so {@code clip(f(y) - R + 1, 0, 1)} is exactly 1 or 0. With the loop invariant
     * s = 1 or -1, {@code s * floor(s * y)} is floor(y) or ceil(y): few operations per neuron, which
     * matters because C2 unrolls (and so vectorises) only loops with small bodies.
     */
    private static Expr stepsSinceAtLeast(Expr elapsed, Expr steps) {
        Expr dt = new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, "");
        Expr positive = new Expr.Binary(Op.GE, steps, Expr.num(1));
        Expr sign = Expr.sub(Expr.mul(Expr.Num.of(2.0), positive), Expr.Num.of(1.0));
        Expr signedY = Expr.mul(Expr.add(elapsed, Expr.mul(Expr.num(1e-3), dt)), Expr.div(sign, dt));
        Expr whole = Expr.mul(sign, Expr.Call.of(Function.FLOOR, signedY));
        return Expr.Call.of(Function.CLIP, Expr.add(whole, Expr.sub(Expr.Num.of(1.0), steps)), Expr.Num.of(0.0), Expr.Num.of(1.0));
    }

    /**
     * Brian2's {@code timestep(x, dt) = int64((x + 1e-3*dt)/dt)}, with the division done as a
     * multiplication by {@code 1/dt} (hoisted out of the neuron loop): the 1e-3*dt margin keeps
     * the ulp this may cost far from an integer boundary, and it runs for every neuron and step.
     */
    private static Expr timestep(Expr seconds) {
        Expr dt = new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, "");
        Expr shifted = Expr.add(seconds, Expr.mul(Expr.num(1e-3), dt));
        return Expr.Call.of(Function.INT, Expr.mul(shifted, Expr.div(Expr.num(1), dt)));
    }

}
