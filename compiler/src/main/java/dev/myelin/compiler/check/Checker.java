package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.GroupItem;
import dev.myelin.compiler.ast.Ident;
import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.ast.ModelFile;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.Monitor;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Param;
import dev.myelin.compiler.model.ProtocolStep;
import dev.myelin.compiler.model.ReadoutSpec;
import dev.myelin.compiler.model.SpikeGenerator;
import dev.myelin.compiler.model.Synapses;
import dev.myelin.compiler.model.TimedArray;
import dev.myelin.compiler.ast.Equation;
import dev.myelin.compiler.expr.Op;
import dev.myelin.runtime.units.Dimension;
import dev.myelin.runtime.units.UnitTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.HashSet;
import java.util.Set;

/**
 * The checking pass: resolves every name, checks every dimension and flag, and reports all the
 * errors it can find in one go. Produces the {@link CheckedModel} that lowering works from.
 */
public final class Checker {

    /** Brian2's default time step. */
    static final double DEFAULT_DT = 1e-4;

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final Map<String, Symbol.Value> fileSymbols = new LinkedHashMap<>();
    private final Map<String, SourceSpan> fileNames = new HashMap<>();
    private final Scope fileScope;
    private final Map<String, GroupChecker.Result> groups = new LinkedHashMap<>();
    private final List<Param> params = new ArrayList<>();
    /** The model's dt (seconds), known once settings are read. */
    private Expr modelDt = Expr.num(DEFAULT_DT);

    private Checker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.expressions = new ExpressionChecker(diagnostics, new ExpressionChecker.RandomSites());
        this.fileScope = Scope.fileLevel(fileSymbols, UnitTable.brian2(), tables);
    }

    /** Checks a parsed model; errors go to {@code diagnostics} and the result is then incomplete. */
    public static CheckedModel check(ModelFile file, Diagnostics diagnostics) {
        try {
            return new Checker(diagnostics).run(file);
        } catch (StackOverflowError deep) {
            diagnostics.error(new SourceSpan(file.source(), 1, 1, 1), "the model is nested too deeply to check",
                    "split very long expressions into named subexpressions");
            return new CheckedModel(file.source(), Expr.num(DEFAULT_DT), -1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, Map.of());
        }
    }

    /** The data files named in the model, found beside it; one per compilation, so a standalone jar can bundle them. */
    private DataFiles dataFiles;

    private CheckedModel run(ModelFile file) {
        dataFiles = new DataFiles(diagnostics, dataDirectory(file));
        Expr dt = Expr.num(DEFAULT_DT);
        long seed = -1;
        Item.DtSetting dtSetting = null;
        // Pass 1: settings, consts and params, so that groups may use them wherever they are declared.
        for (Item item : file.items()) {
            if (item instanceof Item.DtSetting d) {
                    if (dtSetting != null) {
                        diagnostics.error(d.span(), "dt is already set on line " + dtSetting.span().line(), "keep one 'dt = ...' line");
                        continue;
                    }
                    dtSetting = d;
            } else if (item instanceof Item.SeedSetting s) {
                seed = seed(s).orElse(seed);
            } else if (item instanceof Item.ConstDecl c) {
                constant(c);
            } else if (item instanceof Item.ParamDecl p) {
                param(p);
            } else if (item instanceof Item.TimedArrayDecl ta) {
                if (declare(ta.name(), "a timed array")) {
                    new TimedArrayReader(diagnostics, expressions, fileScope, dataFiles).read(ta, tables.size()).ifPresent(t -> tables.put(t.name(), t));
                }
            }
        }
        if (dtSetting != null) dt = timeValue(dtSetting.value(), "dt", true, "dt = 0.1 ms").orElse(dt);
        modelDt = dt;

        // Pass 2: groups, synapses, monitors and the protocol, in file order.
        List<Monitor> monitors = new ArrayList<>();
        List<ProtocolStep> inits = new ArrayList<>();
        List<ProtocolStep> synapseInits = new ArrayList<>();
        List<ProtocolStep> protocol = new ArrayList<>();
        UnitSpecReader unitSpecs = new UnitSpecReader(diagnostics, fileScope);
        GroupChecker groupChecker = new GroupChecker(diagnostics, expressions, unitSpecs, fileScope);
        SynapsesChecker synapsesChecker = new SynapsesChecker(diagnostics, expressions, unitSpecs, fileScope, groupChecker, dataFiles);
        Set<String> delayAssigned = delayAssignments(file);
        Map<String, SourceSpan> monitorNames = new HashMap<>();
        ProtocolChecker protocolChecker = new ProtocolChecker(diagnostics, expressions, fileScope, fileSymbols, dataFiles,
                this::protocolLeaf);
        for (Item item : file.items()) {
            if (item instanceof Item.NeuronGroupDecl g) {
                neuronGroup(g, groupChecker, inits);
            } else if (item instanceof Item.PoissonDecl p) {
                neuronGroup(poissonGroup(p), groupChecker, inits);
            } else if (item instanceof Item.SpikeGeneratorDecl sg) {
                if (neuronGroup(new Item.NeuronGroupDecl(sg.name(), sg.size(), List.of(), sg.span()), groupChecker, inits)) {
                    new SpikeGeneratorReader(diagnostics, expressions, fileScope, dataFiles).read(sg, groups.get(sg.name().text()).group())
                            .ifPresent(generators::add);
                }
            } else if (item instanceof Item.PoissonInputDecl pi) {
                if (declare(pi.name(), "a Poisson input")) poissonInput(pi).ifPresent(poissonInputs::add);
            } else if (item instanceof Item.SynapsesDecl sd) {
                synapses(sd, synapsesChecker, delayAssigned.contains(sd.name().text()), synapseInits);
            } else if (item instanceof Item.SpikeMonitorDecl m) {
                    if (uniqueMonitor(m.name(), monitorNames)) spikeMonitor(m).filter(mon -> ownFiles(m.name(), mon)).ifPresent(monitors::add);
            } else if (item instanceof Item.StateMonitorDecl m) {
                    if (uniqueMonitor(m.name(), monitorNames)) stateMonitor(m).filter(mon -> ownFiles(m.name(), mon)).ifPresent(monitors::add);
            } else if (item instanceof Item.EventMonitorDecl m) {
                    if (uniqueMonitor(m.name(), monitorNames)) eventMonitor(m).filter(mon -> ownFiles(m.name(), mon)).ifPresent(monitors::add);
            } else if (item instanceof Item.RateMonitorDecl m) {
                    if (uniqueMonitor(m.name(), monitorNames)) rateMonitor(m).filter(mon -> ownFiles(m.name(), mon)).ifPresent(monitors::add);
            } else if (item instanceof Item.ReadoutDecl r) {
                readout(r);
            } else if (item instanceof Item.DataSetDecl ds) {
                protocolChecker.dataSet(ds);
            } else if (item instanceof Item.Run || item instanceof Item.Assign || item instanceof Item.Save || item instanceof Item.Normalize || item instanceof Item.Image
                    || item instanceof Item.Observe || item instanceof Item.Report
                    || ProtocolChecker.isControl(item)) {
                protocolChecker.statement(item, protocol);
            }
        }
        List<ProtocolStep> steps = new ArrayList<>(inits);
        for (SynapsesChecker.Result syn : synapses.values()) steps.add(new ProtocolStep.Connect(syn.synapses().name(), syn.synapses().span()));
        steps.addAll(synapseInits);
        int setupSteps = steps.size();
        steps.addAll(protocol);
        List<NeuronGroup> checked = groups.values().stream().map(GroupChecker.Result::group).toList();
        List<Synapses> checkedSynapses = synapses.values().stream().map(SynapsesChecker.Result::synapses).toList();
        return new CheckedModel(file.source(), dt, seed, params, checked, checkedSynapses, generators, List.copyOf(tables.values()), poissonInputs, monitors, steps,
                protocolChecker.variables(), protocolChecker.dataSets(), List.copyOf(readouts.values()), setupSteps, dataFiles.found());
    }

    /** A protocol statement that acts on the network: run, an assignment, save (at any depth of the protocol's control flow). */
    private void protocolLeaf(Item item, List<ProtocolStep> protocol) {
        if (item instanceof Item.Run r) {
            timeValue(r.duration(), "a run's duration", false, "run 100 ms").ifPresent(d -> protocol.add(new ProtocolStep.Run(d, r.span())));
        } else if (item instanceof Item.Assign a) {
            Assignable target = assignable(a.group());
            if (target != null) assignment(target, a.variable(), a.value(), a.span()).ifPresent(protocol::add);
        } else if (item instanceof Item.Normalize n) {
            normalize(n).ifPresent(protocol::add);
        } else if (item instanceof Item.Image im) {
            image(im).ifPresent(protocol::add);
        } else if (item instanceof Item.Observe o) {
            Typed label = expressions.check(o.label(), fileScope);
            if (knownReadout(o.readout()) && !label.invalid()) {
                if (label.isBoolean() || !label.dimension().isDimensionless() || label.expr().type() != ValueType.INT) {
                    diagnostics.error(o.label().span(), "a label is a whole number without unit", "write e.g. 'label sample.label'");
                } else {
                    protocol.add(new ProtocolStep.Observe(o.readout().text(), o.predict(), label.expr(), o.span()));
                }
            }
        } else if (item instanceof Item.Report r) {
            if (knownReadout(r.readout())) protocol.add(new ProtocolStep.Report(r.readout().text(), r.span()));
        } else if (item instanceof Item.Save sv) {
            new SaveReader(diagnostics, expressions, fileScope, this::assignable, this::spikeMonitorRange).read(sv).ifPresent(save -> {
                if (savedNames.putIfAbsent(save.name(), sv.span()) != null) {
                    diagnostics.error(sv.name().span(), "'" + save.name() + "' is already saved on line " + savedNames.get(save.name()).line(),
                            "give each saved value its own name: it names the file " + save.name() + ".npy");
                } else if (resultFiles.containsKey(save.name() + ".npy")) {
                    diagnostics.error(sv.name().span(), "saving '" + save.name() + "' would write " + save.name() + ".npy, which monitor '"
                            + resultFiles.get(save.name() + ".npy") + "' writes too", "give the saved value another name");
                } else {
                    resultFiles.put(save.name() + ".npy", "save " + save.name());
                    protocol.add(save);
                }
            });
        }
    }

    private final Map<String, SourceSpan> savedNames = new HashMap<>();
    /** Which synapses write each summed group variable ("G.y"): two may not. */
    private final Map<String, String> summedTargets = new HashMap<>();
    private final List<dev.myelin.compiler.model.PoissonInput> poissonInputs = new ArrayList<>();

    /** {@code poissoninput NAME into G.x N n rate r weight w}: the three arguments, their units, a writable target. */
    private Optional<dev.myelin.compiler.model.PoissonInput> poissonInput(Item.PoissonInputDecl pi) {
        GroupChecker.Result g = groups.get(pi.target().group().text());
        if (g == null) {
            unknownGroup(pi.target().group());
            return Optional.empty();
        }
        String var = pi.target().variable().text();
        Symbol.Value target = g.variables().get(var);
        if (target == null || target.isBroken() || !(target.kind() == Symbol.Kind.STATE_VARIABLE || target.kind() == Symbol.Kind.PARAMETER)
                || !(target.expr() instanceof Expr.Var v) || v.kind() != VarKind.ARRAY || v.type() != ValueType.DOUBLE) {
            diagnostics.error(pi.target().variable().span(), "a Poisson input adds to a real-valued, per-neuron variable of group " + g.group().name()
                    + ", and '" + var + "' is not one", variablesHelp(g.assignable(), var));
            return Optional.empty();
        }
        for (String key : pi.args().keySet()) {
            if (!List.of("N", "rate", "weight").contains(key)) {
                diagnostics.error(pi.span(), "a Poisson input has no argument '" + key + "'", "write e.g. 'poissoninput drive into G.ge N 1000 rate 15 Hz weight 0.1'");
                return Optional.empty();
            }
        }
        for (String key : List.of("N", "rate", "weight")) {
            if (!pi.args().containsKey(key)) {
                diagnostics.error(pi.name().span(), "this Poisson input lacks its " + key, "write e.g. 'poissoninput drive into G.ge N 1000 rate 15 Hz weight 0.1'");
                return Optional.empty();
            }
        }
        Typed n = expressions.check(pi.args().get("N"), fileScope);
        Typed rate = expressions.check(pi.args().get("rate"), fileScope);
        Typed weight = expressions.check(pi.args().get("weight"), Boolean.TRUE.equals(pi.quoted().get("weight")) ? g.scope() : fileScope);
        if (n.invalid() || rate.invalid() || weight.invalid()) return Optional.empty();
        if (n.isBoolean() || n.expr().type() != ValueType.INT || !n.dimension().isDimensionless()) {
            diagnostics.error(pi.args().get("N").span(), "N, the number of Poisson sources, is a whole number", "write e.g. 'N 1000'");
            return Optional.empty();
        }
        if (rate.isBoolean() || !rate.dimension().equals(Scope.SECOND.power(-1))) {
            diagnostics.error(pi.args().get("rate").span(), "rate is a frequency, but this " + Wording.is(rate.dimension()), "write e.g. 'rate 15 Hz'");
            return Optional.empty();
        }
        if (weight.isBoolean() || !weight.dimension().equals(target.dimension())) {
            diagnostics.error(pi.args().get("weight").span(), "the weight is added to " + g.group().name() + "." + var + ", which " + Wording.is(target.dimension())
                    + ", but the weight " + Wording.is(weight.dimension()), "give the weight in the unit of " + var);
            return Optional.empty();
        }
        return Optional.of(new dev.myelin.compiler.model.PoissonInput(pi.name().text(), g.group().name(), var, n.expr(), rate.expr(), weight.expr()));
    }
    private final Map<String, SynapsesChecker.Result> synapses = new LinkedHashMap<>();
    private final List<SpikeGenerator> generators = new ArrayList<>();
    private final Map<String, TimedArray> tables = new LinkedHashMap<>();
    /** Spike monitors: name -> [group, start, stop) where stop -1 is the group's end. */
    private final Map<String, Monitor.Spikes> spikeMonitors = new HashMap<>();

    /** Checks a neurons block (also the ones poisson and spikegenerator stand for) with its inits; false if its name is taken. */
    private boolean neuronGroup(Item.NeuronGroupDecl g, GroupChecker groupChecker, List<ProtocolStep> inits) {
        if (!declare(g.name(), "a neuron group")) return false;
        Expr size = groupSize(g.size(), g.name().text());
        GroupChecker.Result result = groupChecker.check(g, size);
        groups.put(g.name().text(), result);
        inits(g.items(), result.assignable(), inits);
        return true;
    }

    private void inits(List<GroupItem> items, Assignable target, List<ProtocolStep> out) {
        Map<String, SourceSpan> initialised = new HashMap<>();
        for (GroupItem gi : items) {
            if (gi instanceof GroupItem.Init init) {
                SourceSpan first = initialised.putIfAbsent(init.variable().text(), init.span());
                if (first != null) {
                    diagnostics.error(init.variable().span(), "'" + init.variable().text() + "' is already initialised on line " + first.line(),
                            "keep one 'init " + init.variable().text() + " = ...'");
                    continue;
                }
                assignment(target, init.variable(), init.value(), init.span()).ifPresent(out::add);
            }
        }
    }

    /**
     * Brian2's PoissonGroup is a neuron group with a rates variable (a subexpression when the
     * rates are an expression) and the threshold {@code rand() < rates*dt}; Myelin builds exactly that.
     */
    private static Item.NeuronGroupDecl poissonGroup(Item.PoissonDecl p) {
        SourceSpan at = p.rates().span();
        Ident rates = new Ident("rates", at);
        Expression hz = new Expression.Name("Hz", at);
        List<GroupItem> items = new ArrayList<>();
        if (p.quoted()) {
            items.add(new GroupItem.Equations(List.of(new Equation.Subexpression(rates, p.rates(), hz, List.of(), at)), at));
        } else {
            items.add(new GroupItem.Equations(List.of(new Equation.Parameter(rates, hz, List.of(), at)), at));
            items.add(new GroupItem.Init(rates, p.rates(), at));
        }
        Expression draw = new Expression.Call(new Ident("rand", at), List.of(), at);
        Expression chance = new Expression.Binary(Op.MUL, new Expression.Name("rates", at), new Expression.Name("dt", at), at, at);
        items.add(new GroupItem.Threshold(new Expression.Binary(Op.LT, draw, chance, at, at), at));
        return new Item.NeuronGroupDecl(p.name(), p.size(), items, p.span());
    }

    private void synapses(Item.SynapsesDecl sd, SynapsesChecker checker, boolean delayAssigned, List<ProtocolStep> inits) {
        if (!declare(sd.name(), "synapses")) return;
        GroupChecker.Result src = groups.get(sd.source().group().text());
        GroupChecker.Result tgt = groups.get(sd.target().group().text());
        SynapsesChecker.Result targetSynapses = synapses.get(sd.target().group().text());
        if (tgt == null && targetSynapses != null) {
            // Synapses onto synapses (Brian2's Synapses(source, other_synapses)): the target's "neurons" are its synapses.
            if (sd.target().start().isPresent()) {
                diagnostics.error(sd.target().span(), "synapses " + sd.target().group().text() + " are the target as a whole; a slice of synapses is not supported",
                        "write '" + sd.target().group().text() + "' without brackets, and select synapses in connect, e.g. connect 'j % 2 == 0'");
                return;
            }
            tgt = targetSynapses.asTarget();
        }
        if (src == null) unknownGroup(sd.source().group());
        if (tgt == null) unknownGroup(sd.target().group());
        if (src == null || tgt == null) return;
        Optional<int[]> from = slice(sd.source(), src.group());
        Optional<int[]> to = slice(sd.target(), tgt.group());
        if (from.isEmpty() || to.isEmpty()) return;
        Synapses.Endpoint source = endpoint(src.group().name(), from.get());
        Synapses.Endpoint target = endpoint(tgt.group().name(), to.get());
        SynapsesChecker.Result result = checker.check(sd, source, src, target, tgt, delayAssigned);
        for (dev.myelin.compiler.model.Pathway p : result.synapses().pathways()) {
            GroupChecker.Result trigger = p.post() ? tgt : src;
            if (p.post() && targetSynapses != null && tgt.group().name().equals(targetSynapses.synapses().name())) {
                diagnostics.error(p.span(), "the target " + tgt.group().name() + " is a synapses object, which never spikes, so this on_post code would never run",
                        "remove the on_post code; synapses onto synapses act through on_pre code, e.g. on_pre 'd_post += 1'");
                continue;
            }
            // A custom event's existence is checked with the pathway (SynapsesChecker).
            if (p.event().equals("spike") && !spiking(trigger.group().name())) {
                diagnostics.error(p.span(), "group " + trigger.group().name() + " has no threshold, so it never spikes and this " + (p.post() ? "on_post" : "on_pre") + " code would never run",
                        "add a threshold to group " + trigger.group().name());
            }
        }
        if (targetSynapses != null && tgt.group().name().equals(targetSynapses.synapses().name())) {
            for (Equation eq : sd.items().stream().filter(GroupItem.Equations.class::isInstance).flatMap(e -> ((GroupItem.Equations) e).equations().stream()).toList()) {
                if (eq instanceof Equation.Subexpression sub && sub.flags().stream().anyMatch(f -> f.text().equals("summed"))) {
                    diagnostics.error(sub.variable().span(), "a (summed) variable cannot write into synapses " + tgt.group().name(),
                            "sum into a neuron group's parameter instead, or write the value in on_pre code");
                }
            }
        }
        for (dev.myelin.compiler.model.SummedVariable sum : result.synapses().summed()) {
            String key = sum.target().owner() + "." + sum.target().name();
            String other = summedTargets.putIfAbsent(key, sd.name().text());
            if (other != null) {
                diagnostics.error(sd.name().span(), "synapses " + sd.name().text() + " and " + other + " both write the summed variable " + key
                        + ", so one sum would overwrite the other", "sum into two variables and add them in the group's equations, as Brian2 requires");
            }
        }
        synapses.put(sd.name().text(), result);
        // A quoted delay is the initial value of the per-synapse delay variable.
        for (GroupItem gi : sd.items()) {
            if (gi instanceof GroupItem.Delay d && d.quoted()) {
                String variable = SynapsesChecker.delayVariable(d.pathway().map(Ident::text).orElse("pre"));
                if (result.perSynapseDelays().contains(variable)) {
                    assignment(result.assignable(), new Ident(variable, d.span()), d.value(), d.span()).ifPresent(inits::add);
                }
            }
        }
        inits(sd.items(), result.assignable(), inits);
    }

    private static Synapses.Endpoint endpoint(String group, int[] range) {
        return new Synapses.Endpoint(group, range[0], range[1] < 0 ? Optional.empty() : Optional.of(range[1]));
    }

    private boolean spiking(String group) {
        GroupChecker.Result g = groups.get(group);
        return g != null && (g.hasThreshold() || generators.stream().anyMatch(sg -> sg.group().equals(group)));
    }

    /** The synapses whose pre pathway's delay is assigned (S.delay = ...), so it must be a per-synapse variable. */
    private static Set<String> delayAssignments(ModelFile file) {
        Set<String> out = new HashSet<>();
        for (Item item : file.items()) {
            if (item instanceof Item.Assign a && a.variable().text().equals("delay")) out.add(a.group().text());
            if (item instanceof Item.SynapsesDecl sd) {
                for (GroupItem gi : sd.items()) {
                    if (gi instanceof GroupItem.Init init && init.variable().text().equals("delay")) out.add(sd.name().text());
                }
            }
        }
        return out;
    }

    /** The group or synapses named, or null (reported). */
    private final Map<String, ReadoutSpec> readouts = new LinkedHashMap<>();

    /** {@code readout NAME of MON classes N}: one per model, over a spike monitor declared before it. */
    private void readout(Item.ReadoutDecl r) {
        Typed classes = expressions.check(r.classes(), fileScope);
        Monitor.Spikes mon = spikeMonitors.get(r.monitor().text());
        if (mon == null || !mon.event().equals("spike")) {
            diagnostics.error(r.monitor().span(), "a readout reads the spikes of a spikemonitor, and there is no spikemonitor '" + r.monitor().text() + "' before this line",
                    Wording.didYouMean(r.monitor().text(), spikeMonitors.keySet(), "declare one first, e.g. spikemonitor " + r.monitor().text() + " of exc"));
            return;
        }
        if (!readouts.isEmpty()) {
            diagnostics.error(r.name().span(), "a model has one readout, and readout " + readouts.keySet().iterator().next() + " is declared already",
                    "observe and predict all samples with that one");
            return;
        }
        if (classes.invalid()) return;
        if (classes.isBoolean() || !classes.dimension().isDimensionless() || classes.expr().type() != ValueType.INT) {
            diagnostics.error(r.classes().span(), "the number of classes is a whole number without unit", "write e.g. 'classes 10'");
            return;
        }
        if (!declare(r.name(), "a readout")) return;
        readouts.put(r.name().text(), new ReadoutSpec(r.name().text(), mon.name(), classes.expr()));
    }

    private boolean knownReadout(Ident name) {
        if (readouts.containsKey(name.text())) return true;
        diagnostics.error(name.span(), "unknown readout '" + name.text() + "'",
                Wording.didYouMean(name.text(), readouts.keySet(), "declare it first, e.g. readout " + name.text() + " of spikes classes 10"));
        return false;
    }

    /** {@code normalize S.w per post to total}: a per-synapse variable of synapses, a total in its unit. */
    private Optional<ProtocolStep> normalize(Item.Normalize n) {
        Typed total = expressions.check(n.total(), fileScope);
        Optional<PerNeuron> target = perNeuron(n.synapses(), n.variable(), n.per(), "normalize");
        if (target.isEmpty() || total.invalid()) return Optional.empty();
        Symbol.Value v = target.get().value();
        if (total.isBoolean() || !total.dimension().equals(v.dimension())) {
            diagnostics.error(n.total().span(), "the total must be in the unit of " + n.synapses().text() + "." + n.variable().text() + " (" + v.dimension()
                    + "), but this " + (total.isBoolean() ? "is a condition" : Wording.is(total.dimension())), "write e.g. 'to 78' for a dimensionless weight");
            return Optional.empty();
        }
        return Optional.of(new ProtocolStep.Normalize(n.synapses().text(), n.variable().text(), target.get().post(), total.expr(), n.span()));
    }

    /** A per-synapse variable taken per target ({@code post}) or per source neuron, by normalize and image. */
    private record PerNeuron(Symbol.Value value, boolean post) {
    }

    private Optional<PerNeuron> perNeuron(Ident synapsesName, Ident variable, Ident perName, String verb) {
        SynapsesChecker.Result syn = synapses.get(synapsesName.text());
        if (syn == null) {
            diagnostics.error(synapsesName.span(), verb + " works on synapses, and there are no synapses '" + synapsesName.text() + "'",
                    Wording.didYouMean(synapsesName.text(), synapses.keySet(), "write e.g. 'normalize S.w per post to 78'"));
            return Optional.empty();
        }
        String per = perName.text();
        if (!per.equals("post") && !per.equals("pre")) {
            diagnostics.error(perName.span(), verb + " " + synapsesName.text() + "." + variable.text() + " per post (each target neuron's incoming synapses) or per pre (each source neuron's outgoing ones)",
                    "write 'per post' or 'per pre'");
            return Optional.empty();
        }
        Symbol.Value v = syn.variables().get(variable.text());
        if (v == null || !(v.expr() instanceof Expr.Var var) || var.kind() != VarKind.ARRAY || var.type() != ValueType.DOUBLE
                || (v.kind() != Symbol.Kind.PARAMETER && v.kind() != Symbol.Kind.STATE_VARIABLE)) {
            diagnostics.error(variable.span(), "synapses " + synapsesName.text() + " have no per-synapse variable '" + variable.text() + "' to " + verb,
                    verb + " a parameter or state variable of the synapses, e.g. their weight w");
            return Optional.empty();
        }
        return Optional.of(new PerNeuron(v, per.equals("post")));
    }

    /** {@code image NAME = S.w per post shape (rows, cols)}: a per-synapse variable, whole-number sizes, a file name of its own. */
    private Optional<ProtocolStep> image(Item.Image im) {
        Optional<PerNeuron> target = perNeuron(im.synapses(), im.variable(), im.per(), "image");
        if (target.isEmpty()) return Optional.empty();
        Optional<Expr> rows = tileSize(im.rows()), cols = tileSize(im.cols());
        if (rows.isEmpty() || cols.isEmpty()) return Optional.empty();
        String file = im.name().text() + ".png";
        if (resultFiles.containsKey(file)) {
            diagnostics.error(im.name().span(), "image '" + im.name().text() + "' would write " + file + ", which " + resultFiles.get(file) + " writes too",
                    "give the image another name");
            return Optional.empty();
        }
        resultFiles.put(file, "image " + im.name().text());
        return Optional.of(new ProtocolStep.Image(im.name().text(), im.synapses().text(), im.variable().text(), target.get().post(), rows.get(), cols.get(), im.span()));
    }

    private Optional<Expr> tileSize(Expression e) {
        Typed size = expressions.check(e, fileScope);
        if (size.invalid()) return Optional.empty();
        if (size.isBoolean() || !size.dimension().isDimensionless() || size.expr().type() != ValueType.INT) {
            diagnostics.error(e.span(), "a tile's size is a whole number of pixels", "write e.g. 'shape (28, 28)' for MNIST's 784 inputs");
            return Optional.empty();
        }
        return Optional.of(size.expr());
    }

    private Assignable assignable(Ident name) {
        GroupChecker.Result g = groups.get(name.text());
        if (g != null) return g.assignable();
        SynapsesChecker.Result syn = synapses.get(name.text());
        if (syn != null) return syn.assignable();
        unknownGroup(name);
        return null;
    }

    private Optional<Monitor.Spikes> spikeMonitorRange(String name) {
        return Optional.ofNullable(spikeMonitors.get(name));
    }

    /** Where the data files a model names are looked up: beside the model file. */
    static java.nio.file.Path dataDirectory(ModelFile file) {
        java.nio.file.Path parent = java.nio.file.Path.of(file.source().name()).toAbsolutePath().getParent();
        return parent == null ? java.nio.file.Path.of(".") : parent;
    }

    // ── file-level declarations ──

    private boolean declare(Ident name, String what) {
        SourceSpan previous = fileNames.putIfAbsent(name.text(), name.span());
        if (previous != null) {
            diagnostics.error(name.span(), "'" + name.text() + "' is already declared on line " + previous.line(), "give " + what + " another name");
            return false;
        }
        return true;
    }

    /** A const or param may not take the name of a unit or of a built-in variable of the equations. */
    private boolean allowedValueName(Ident name, String keyword) {
        String text = name.text();
        String why = GroupChecker.reservedMeaning(text).map(m -> "Brian2 reserves it for " + m)
                .orElse(fileScope.builtin(text).isPresent() ? "it is the name of a unit or mathematical constant" : null);
        if (why == null) return true;
        diagnostics.error(name.span(), "'" + text + "' cannot be the name of a " + keyword + ": " + why,
                "choose another name, e.g. '" + text + "_'");
        return false;
    }

    private void constant(Item.ConstDecl c) {
        if (!declare(c.name(), "this const")) return;
        boolean named = allowedValueName(c.name(), "const");
        Typed value = expressions.check(c.value(), fileScope);
        if (!named) {
            // A stand-in, so that uses of the name are not reported again as unknown.
            fileSymbols.put(c.name().text(), Symbol.Value.broken(Symbol.Kind.MODEL_CONST, c.span()));
            return;
        }
        if (value.invalid()) {
            fileSymbols.put(c.name().text(), Symbol.Value.broken(Symbol.Kind.MODEL_CONST, c.span()));
            return;
        }
        if (!value.isConstant()) {
            diagnostics.error(c.value().span(), "a const must be known when the model is compiled, but this depends on a param",
                    "declare '" + c.name().text() + "' with 'param' instead");
            fileSymbols.put(c.name().text(), Symbol.Value.broken(Symbol.Kind.MODEL_CONST, c.span()));
            return;
        }
        fileSymbols.put(c.name().text(), new Symbol.Value(value.expr(), value.dimension(), Symbol.Kind.MODEL_CONST, c.span()));
    }

    private void param(Item.ParamDecl p) {
        if (!declare(p.name(), "this param")) return;
        boolean named = allowedValueName(p.name(), "param");
        Typed value = expressions.check(p.value(), fileScope);
        if (!named) {
            fileSymbols.put(p.name().text(), Symbol.Value.broken(Symbol.Kind.MODEL_PARAM, p.span()));
            return;
        }
        if (value.invalid()) {
            fileSymbols.put(p.name().text(), Symbol.Value.broken(Symbol.Kind.MODEL_PARAM, p.span()));
            return;
        }
        if (value.isBoolean()) {
            diagnostics.error(p.value().span(), "a param must be a number, but this is a condition (True or False)",
                    "use a number, e.g. 'param " + p.name().text() + " = 1', and compare it where it is used ('" + p.name().text() + " > 0')");
            fileSymbols.put(p.name().text(), Symbol.Value.broken(Symbol.Kind.MODEL_PARAM, p.span()));
            return;
        }
        ValueType type = value.expr().type() == ValueType.INT ? ValueType.INT : ValueType.DOUBLE;
        // A default that uses params above it is computed at run time, unless --set gives the value.
        params.add(value.isConstant() ? Param.constant(p.name().text(), value.constantValue(), value.dimension(), type)
                : new Param(p.name().text(), Double.NaN, value.dimension(), type, Optional.of(value.expr())));
        fileSymbols.put(p.name().text(), new Symbol.Value(new Expr.Var(p.name().text(), VarKind.PARAM, type, ""), value.dimension(), Symbol.Kind.MODEL_PARAM, p.span()));
    }

    private OptionalLong seed(Item.SeedSetting s) {
        Typed value = expressions.check(s.value(), fileScope);
        if (value.invalid()) return OptionalLong.empty();
        if (!value.isConstant() || value.expr().type() != ValueType.INT || value.constantValue() < 0 || !value.dimension().isDimensionless()) {
            diagnostics.error(s.value().span(), "the seed must be a whole number of at least 0, without a unit", "write e.g. 'seed 42'");
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) value.constantValue());
    }

    /** A time at file level: a constant or an expression of params, in seconds. */
    private Optional<Expr> timeValue(Expression e, String what, boolean positive, String example) {
        return new TimeValue(diagnostics, expressions, fileScope).read(e, what, positive, example);
    }


    /** The size of a group; when it is wrong, a stand-in that is not a number, so that no size check reports again. */
    private Expr groupSize(Expression e, String group) {
        Expr unknown = new Expr.Var("N", VarKind.SIZE, ValueType.INT, group);
        Typed value = expressions.check(e, fileScope);
        if (value.invalid()) return unknown;
        if (!value.dimension().isDimensionless() || value.expr().type() != ValueType.INT) {
            diagnostics.error(e.span(), "the number of neurons must be a whole number", "write e.g. 'neurons " + group + "[100] { ... }'");
            return unknown;
        }
        if (value.isConstant() && value.constantValue() < 1) {
            diagnostics.error(e.span(), "a group needs at least one neuron", "write e.g. 'neurons " + group + "[100] { ... }'");
            return unknown;
        }
        return value.expr();
    }

    // ── assignments (init, and the protocol's G.x = ...) ──

    private Optional<ProtocolStep> assignment(Assignable g, Ident variable, Expression value, SourceSpan span) {
        String name = variable.text();
        String group = g.name();
        Symbol.Value target = g.variables().get(name);
        if (target == null) {
            Optional<Symbol.Value> other = g.scope().resolve(name);
            if (other.isPresent() && other.get().kind() == Symbol.Kind.SUBEXPRESSION) {
                diagnostics.error(variable.span(), "cannot assign to '" + name + "': it is a subexpression, computed from other variables",
                        "assign to the variables it is computed from");
            } else if (other.isPresent() && other.get().kind() != Symbol.Kind.UNIT && other.get().kind() != Symbol.Kind.MATH_CONSTANT
                    && other.get().kind() != Symbol.Kind.MODEL_CONST && other.get().kind() != Symbol.Kind.MODEL_PARAM) {
                diagnostics.error(variable.span(), "cannot assign to '" + name + "': it is " + other.get().kind().describe(),
                        "only the group's state variables and parameters can be assigned");
            } else if (g.what().equals("synapses") && (name.equals("delay") || name.endsWith("_delay"))) {
                // The delay item made it one delay for all synapses (or the pathway does not exist).
                diagnostics.error(variable.span(), "synapses " + group + " have one delay for all synapses, set by their 'delay' entry, so it cannot be assigned here",
                        "to give each synapse its own delay, remove the unquoted 'delay' entry (or quote it: delay 'expr') and assign '" + group + "." + name + " = ...' here");
            } else {
                diagnostics.error(variable.span(), g.what() + " " + group + " has no variable '" + name + "'", variablesHelp(g, name));
            }
            return Optional.empty();
        }
        if (target.kind() == Symbol.Kind.BUILTIN_VARIABLE) {
            diagnostics.error(variable.span(), "cannot assign to '" + name + "': it is set by the refractoriness mechanism",
                    "only the group's state variables and parameters can be assigned");
            return Optional.empty();
        }
        Dimension want = target.dimension();
        if (want == null) {
            // The declaration was reported; check the value on its own.
            if (!(value instanceof Expression.ListLit)) expressions.check(value, g.scope());
            return Optional.empty();
        }
        if (value instanceof Expression.ListLit list && target.expr() instanceof Expr.Var v && v.kind() == VarKind.SHARED) {
            diagnostics.error(list.span(), "'" + name + "' is shared, so " + g.what() + " " + group + " has one value of it, not one per " + g.element(),
                    "assign a single value, e.g. 'G." + name + " = " + Wording.example("1", want) + "'");
            return Optional.empty();
        }
        if (value instanceof Expression.FileRef f) {
            if (target.expr() instanceof Expr.Var v && v.kind() == VarKind.SHARED) {
                diagnostics.error(f.span(), "'" + name + "' is shared, so it takes one value, not a file of values", "assign a single value");
                return Optional.empty();
            }
            if (target.expr().type() != ValueType.DOUBLE) {
                diagnostics.error(f.span(), "values from a file can only be assigned to real-valued variables, and '" + name + "' is "
                        + (target.expr().type() == ValueType.BOOL ? "boolean" : "an integer"), "declare it with a unit, e.g. '" + name + " : 1'");
                return Optional.empty();
            }
            if (dataFiles.existing(new Item.FileName(f.path(), f.span())).isEmpty()) return Optional.empty();
            return Optional.of(new ProtocolStep.AssignFile(group, name, f.path(), span));
        }
        if (value instanceof Expression.Binary b && (b.left() instanceof Expression.ListLit || b.right() instanceof Expression.ListLit)) {
            // [0, 0.5, 1.3] * ms: a list of constants with one unit.
            Optional<ConstantList> list = ConstantList.read(value, expressions, fileScope, diagnostics, group + "." + name);
            if (list.isEmpty()) return Optional.empty();
            if (!list.get().dimension().equals(want)) {
                mismatch(value.span(), group, name, want, list.get().dimension());
                return Optional.empty();
            }
            Expr size = g.size();
            if (size instanceof Expr.Num n && n.value() != list.get().values().size()) {
                diagnostics.error(value.span(), "this list has " + list.get().values().size() + " values but " + g.what() + " " + group + " has " + (long) n.value() + " " + g.element() + "s",
                        "give one value per " + g.element() + ", or a single value for all");
                return Optional.empty();
            }
            return Optional.of(new ProtocolStep.AssignList(group, name, list.get().values().stream().map(v -> (Expr) Expr.num(v)).toList(), span));
        }
        if (value instanceof Expression.ListLit list) {
            List<Expr> items = new ArrayList<>();
            for (Expression item : list.items()) {
                Typed t = expressions.check(item, fileScope);
                if (t.invalid()) return Optional.empty();
                if (!fits(t, want)) {
                    mismatch(item.span(), group, name, want, t.dimension());
                    return Optional.empty();
                }
                items.add(t.expr());
            }
            Expr size = g.size();
            if (size instanceof Expr.Num n && n.value() != items.size()) {
                diagnostics.error(list.span(), "this list has " + items.size() + " value" + (items.size() == 1 ? "" : "s") + " but group " + group + " has " + (long) n.value() + " neurons",
                        "give one value per neuron, or a single value for all");
                return Optional.empty();
            }
            return Optional.of(new ProtocolStep.AssignList(group, name, items, span));
        }
        Typed t = expressions.check(value, g.scope());
        if (t.invalid()) return Optional.empty();
        if (target.expr().type() == ValueType.BOOL && !t.isBoolean()) {
            diagnostics.error(value.span(), "'" + name + "' is boolean, so it needs a condition or True/False, not a number",
                    "write True, False or a condition such as 'v > 0*mV'");
            return Optional.empty();
        }
        if (!fits(t, want)) {
            mismatch(value.span(), group, name, want, t.dimension());
            return Optional.empty();
        }
        return Optional.of(new ProtocolStep.AssignExpr(group, name, t.expr(), span));
    }

    /** As in Brian2's Python interface, a plain 0 may be assigned to a variable of any unit. */
    private static boolean fits(Typed t, Dimension want) {
        return t.dimension().equals(want) || (t.isConstant() && t.constantValue() == 0 && t.dimension().isDimensionless());
    }

    private void mismatch(SourceSpan at, String group, String name, Dimension want, Dimension got) {
        diagnostics.error(at, group + "." + name + " " + Wording.is(want) + " but this value " + Wording.is(got),
                want.isDimensionless() ? "give a plain number, or divide by a unit, e.g. '0.5'"
                        : "give the value in " + want + ", e.g. '" + Wording.example("0.5", want) + "'");
    }

    private static String variablesHelp(Assignable g, String name) {
        return Wording.closest(name, g.variables().keySet()).map(c -> "did you mean '" + c + "'?")
                .orElse(g.variables().isEmpty() ? "declare it in the " + (g.what().equals("group") ? "group's" : "synapses'") + " equations, e.g. '" + name + " : volt'"
                        : "the variables of " + g.name() + " are: " + String.join(", ", g.variables().keySet()));
    }

    // ── monitors ──

    private static String milliseconds(double seconds) {
        return new java.math.BigDecimal(seconds * 1e3).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Which monitor writes each result file: two monitors must not write the same file. */
    private final Map<String, String> resultFiles = new HashMap<>();

    private boolean ownFiles(Ident name, Monitor monitor) {
        List<String> files = new ArrayList<>();
        if (monitor instanceof Monitor.Spikes) files.addAll(List.of(name.text() + "_i.npy", name.text() + "_t.npy"));
        if (monitor instanceof Monitor.Rate) files.addAll(List.of(name.text() + "_t.npy", name.text() + "_rate.npy"));
        if (monitor instanceof Monitor.State st) {
            files.add(name.text() + "_t.npy");
            for (String v : st.variables()) files.add(name.text() + "_" + v + ".npy");
        }
        for (String file : files) {
            String other = resultFiles.get(file);
            if (other != null) {
                diagnostics.error(name.span(), "monitor '" + name.text() + "' would write " + file + ", which monitor '" + other + "' writes too",
                        "rename one of the two monitors");
                return false;
            }
        }
        for (String file : files) resultFiles.put(file, name.text());
        return true;
    }

    private boolean uniqueMonitor(Ident name, Map<String, SourceSpan> names) {
        SourceSpan previous = names.putIfAbsent(name.text(), name.span());
        if (previous != null) {
            diagnostics.error(name.span(), "a monitor named '" + name.text() + "' already exists (line " + previous.line() + ")",
                    "monitor names must be unique: they name the result files");
            return false;
        }
        return true;
    }

    private void unknownGroup(Ident name) {
        diagnostics.error(name.span(), "unknown group '" + name.text() + "'",
                groups.isEmpty() ? "declare it first with 'neurons " + name.text() + "[N] { ... }'"
                        : Wording.didYouMean(name.text(), groups.keySet(), "groups declared before this line: " + String.join(", ", groups.keySet())));
    }

    private Optional<Monitor> spikeMonitor(Item.SpikeMonitorDecl m) {
        GroupChecker.Result g = groups.get(m.source().group().text());
        if (g == null) {
            unknownGroup(m.source().group());
            return Optional.empty();
        }
        if (!spiking(g.group().name())) {
            diagnostics.error(m.source().group().span(), "group " + g.group().name() + " has no threshold, so it never spikes",
                    "add a threshold to the group, or record a variable with a statemonitor");
            return Optional.empty();
        }
        Optional<int[]> range = slice(m.source(), g.group());
        Optional<Monitor> monitor = range.map(r -> new Monitor.Spikes(m.name().text(), g.group().name(), r[0], r[1], "spike"));
        monitor.ifPresent(mon -> spikeMonitors.put(mon.name(), (Monitor.Spikes) mon));
        // mon.total: the spikes recorded so far, for the protocol (e.g. spikes during the last run).
        monitor.ifPresent(mon -> fileSymbols.put(mon.name() + ".total", new Symbol.Value(
                new Expr.Var(mon.name(), VarKind.MONITOR_TOTAL, ValueType.INT, ""), Dimension.DIMENSIONLESS, Symbol.Kind.PROTOCOL_VARIABLE, null)));
        return monitor;
    }

    private Optional<Monitor> eventMonitor(Item.EventMonitorDecl m) {
        GroupChecker.Result g = groups.get(m.source().group().text());
        if (g == null) {
            unknownGroup(m.source().group());
            return Optional.empty();
        }
        String event = m.event().text();
        if (event.equals("spike")) {
            diagnostics.error(m.event().span(), "spikes are recorded with a spikemonitor", "write 'spikemonitor " + m.name().text() + " of " + g.group().name() + "'");
            return Optional.empty();
        }
        if (g.group().event(event).isEmpty()) {
            List<String> events = g.group().events().stream().map(dev.myelin.compiler.model.CustomEvent::name).toList();
            diagnostics.error(m.event().span(), "group " + g.group().name() + " has no event '" + event + "'",
                    Wording.didYouMean(event, events, "declare it in the group, e.g. event " + event + " 'v > 10*mV'"));
            return Optional.empty();
        }
        return slice(m.source(), g.group()).map(r -> new Monitor.Spikes(m.name().text(), g.group().name(), r[0], r[1], event));
    }

    private Optional<Monitor> rateMonitor(Item.RateMonitorDecl m) {
        GroupChecker.Result g = groups.get(m.source().group().text());
        if (g == null) {
            unknownGroup(m.source().group());
            return Optional.empty();
        }
        if (m.source().start().isPresent()) {
            diagnostics.error(m.source().span(), "a rate monitor records a whole group", "write 'ratemonitor " + m.name().text() + " of " + g.group().name() + "'");
            return Optional.empty();
        }
        return Optional.of(new Monitor.Rate(m.name().text(), g.group().name()));
    }

    /** Constant bounds [start, stop) of {@code G}, {@code G[k]} or {@code G[a:b]}; stop -1 means N. */
    private Optional<int[]> slice(Item.GroupRef ref, NeuronGroup group) {
        if (ref.start().isEmpty()) return Optional.of(new int[]{0, -1});
        OptionalLong start = constantIndex(ref.start().get());
        OptionalLong stop = ref.stop().isPresent() ? constantIndex(ref.stop().get()) : OptionalLong.of(start.orElse(0) + 1);
        if (start.isEmpty() || stop.isEmpty()) return Optional.empty();
        long n = group.size() instanceof Expr.Num num ? (long) num.value() : Long.MAX_VALUE;
        if (start.getAsLong() < 0 || stop.getAsLong() > n || start.getAsLong() >= stop.getAsLong()) {
            String what = ref.stop().isPresent() ? "the slice " + start.getAsLong() + ":" + stop.getAsLong() : "index " + start.getAsLong();
            diagnostics.error(ref.span(), what + " is not inside group " + group.name()
                    + (n == Long.MAX_VALUE ? "" : ", which has " + n + " neuron" + (n == 1 ? "" : "s")), rangeHelp(n));
            return Optional.empty();
        }
        return Optional.of(new int[]{(int) start.getAsLong(), (int) stop.getAsLong()});
    }

    private static String rangeHelp(long n) {
        return n == Long.MAX_VALUE ? "write start:stop with start < stop" : "write start:stop with 0 <= start < stop <= " + n;
    }

    private OptionalLong constantIndex(Expression e) {
        Typed t = expressions.check(e, fileScope);
        if (t.invalid()) return OptionalLong.empty();
        if (!t.isConstant() || t.expr().type() != ValueType.INT || !t.dimension().isDimensionless()) {
            diagnostics.error(e.span(), "an index must be a whole number known at compile time",
                    t.isConstant() ? "write a whole number without a unit, e.g. '3'" : "use a number or a const, not a param");
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) t.constantValue());
    }

    private Optional<Monitor> stateMonitor(Item.StateMonitorDecl m) {
        String groupName = m.variables().get(0).group().text();
        GroupChecker.Result g = groups.get(groupName);
        SynapsesChecker.Result syn = synapses.get(groupName);
        if (g == null && syn == null) {
            unknownGroup(m.variables().get(0).group());
            return Optional.empty();
        }
        Assignable owner = g != null ? g.assignable() : syn.assignable();
        boolean atEnd = false;
        if (m.when().isPresent()) {
            String when = m.when().get().text();
            if (!when.equals("start") && !when.equals("end")) {
                diagnostics.error(m.when().get().span(), "a state monitor records at the start or the end of each step, not '" + when + "'",
                        "write 'when start' (Brian2's default) or 'when end'");
                return Optional.empty();
            }
            atEnd = when.equals("end");
        }
        if (m.to().isPresent() && !m.to().get().text().equals("disk")) {
            diagnostics.error(m.to().get().span(), "a state monitor records to memory, or to disk with 'to disk', not to '" + m.to().get().text() + "'",
                    "write 'to disk' to append its samples to the results directory as they are taken");
            return Optional.empty();
        }
        List<String> vars = new ArrayList<>();
        for (Item.VarRef ref : m.variables()) {
            if (!ref.group().text().equals(groupName)) {
                diagnostics.error(ref.group().span(), "one state monitor records variables of one group, but this is " + ref.group().text() + " and the first is " + groupName,
                        "use a second statemonitor for " + ref.group().text());
                return Optional.empty();
            }
            String var = ref.variable().text();
            Optional<Symbol.Value> sym = owner.scope().resolve(var);
            boolean own = owner.variables().containsKey(var) || (sym.isPresent() && sym.get().kind() == Symbol.Kind.SUBEXPRESSION
                    && (g == null || g.group().subexpressions().stream().anyMatch(sub -> sub.name().equals(var)))
                    && (syn == null || syn.synapses().subexpressions().stream().anyMatch(sub -> sub.name().equals(var))))
                    || (syn != null && var.equals("lastupdate") && syn.synapses().hasEventDriven());
            if (!own) {
                diagnostics.error(ref.variable().span(), owner.what() + " " + groupName + " has no variable '" + var + "' to record", variablesHelp(owner, var));
                return Optional.empty();
            }
            vars.add(var);
        }
        if (syn != null) return synapseMonitor(m, groupName, vars, atEnd);
        List<Integer> indices = new ArrayList<>();
        boolean all = false;
        long n = g.group().size() instanceof Expr.Num num ? (long) num.value() : Long.MAX_VALUE;
        if (m.record() instanceof Item.RecordAll ignored) {
            all = true;
        } else if (m.record() instanceof Item.RecordList list) {
                for (Expression e : list.indices()) {
                    OptionalLong k = constantIndex(e);
                    if (k.isEmpty()) return Optional.empty();
                    if (k.getAsLong() < 0 || k.getAsLong() >= n) {
                        diagnostics.error(e.span(), "index " + k.getAsLong() + " is not inside group " + groupName + ", which has " + n
                                + " neuron" + (n == 1 ? "" : "s"), "record indices of " + groupName + " go from 0 to " + (n - 1));
                        return Optional.empty();
                    }
                    indices.add((int) k.getAsLong());
                }
        } else if (m.record() instanceof Item.RecordRange range) {
                OptionalLong a = constantIndex(range.start());
                OptionalLong b = constantIndex(range.stop());
                if (a.isEmpty() || b.isEmpty()) return Optional.empty();
                if (a.getAsLong() < 0 || b.getAsLong() > n || a.getAsLong() >= b.getAsLong()) {
                    diagnostics.error(range.start().span().to(range.stop().span()), "the range " + a.getAsLong() + ":" + b.getAsLong() + " is not inside group " + groupName
                            + (n == Long.MAX_VALUE ? "" : ", which has " + n + " neuron" + (n == 1 ? "" : "s")), rangeHelp(n));
                    return Optional.empty();
                }
                for (long k = a.getAsLong(); k < b.getAsLong(); k++) indices.add((int) k);
        }
        Optional<Optional<Expr>> every = recordDt(m);
        if (every.isEmpty()) return Optional.empty();
        return Optional.of(new Monitor.State(m.name().text(), groupName, vars, indices, all, every.get(), atEnd, m.to().isPresent()));
    }

    /** Synapse indices are checked when the synapses exist, at run time. */
    private Optional<Monitor> synapseMonitor(Item.StateMonitorDecl m, String name, List<String> vars, boolean atEnd) {
        List<Integer> indices = new ArrayList<>();
        boolean all = m.record() instanceof Item.RecordAll;
        if (m.record() instanceof Item.RecordList list) {
            for (Expression e : list.indices()) {
                OptionalLong k = constantIndex(e);
                if (k.isEmpty()) return Optional.empty();
                indices.add((int) k.getAsLong());
            }
        } else if (m.record() instanceof Item.RecordRange range) {
            OptionalLong a = constantIndex(range.start());
            OptionalLong b = constantIndex(range.stop());
            if (a.isEmpty() || b.isEmpty()) return Optional.empty();
            for (long k = a.getAsLong(); k < b.getAsLong(); k++) indices.add((int) k);
        }
        Optional<Optional<Expr>> every = recordDt(m);
        if (every.isEmpty()) return Optional.empty();
        return Optional.of(new Monitor.State(m.name().text(), name, vars, indices, all, every.get(), atEnd, m.to().isPresent()));
    }

    /** The monitor's dt: empty when it is wrong (reported), else the optional dt. */
    private Optional<Optional<Expr>> recordDt(Item.StateMonitorDecl m) {
        if (m.dt().isEmpty()) return Optional.of(Optional.empty());
        Optional<Expr> recordDt = timeValue(m.dt().get(), "a monitor's dt", true, "dt 1 ms");
        if (recordDt.isEmpty()) return Optional.empty();
        if (recordDt.get() instanceof Expr.Num every && modelDt instanceof Expr.Num step) {
            double ratio = every.value() / step.value();
            if (Math.abs(ratio - Math.rint(ratio)) > 1e-6 * ratio || Math.rint(ratio) < 1) {
                diagnostics.error(m.dt().get().span(), "a monitor's dt must be a whole multiple of the model's dt (" + milliseconds(step.value()) + " ms)",
                        "record every k steps, e.g. 'dt " + milliseconds(10 * step.value()) + " ms'");
                return Optional.empty();
            }
        }
        return Optional.of(recordDt);
    }
}
