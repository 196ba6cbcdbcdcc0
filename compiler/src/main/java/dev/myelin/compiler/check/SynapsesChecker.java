package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Equation;
import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.Flag;
import dev.myelin.compiler.ast.GroupItem;
import dev.myelin.compiler.ast.Ident;
import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.ast.Statement;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.Connection;
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.Method;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Pathway;
import dev.myelin.compiler.model.Subexpression;
import dev.myelin.compiler.model.SummedVariable;
import dev.myelin.compiler.model.Synapses;
import dev.myelin.compiler.model.SynapticWrite;
import dev.myelin.compiler.model.Variable;
import dev.myelin.runtime.units.Dimension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one {@code synapses} block. Names in per-synapse code resolve as in Brian2: the synapses'
 * own variables, then {@code x_pre} / {@code x_post} (variables of the source / target group), then
 * unsuffixed names of the target group, then the file's consts, params and units.
 */
final class SynapsesChecker {

    /** Names the synapses define themselves; equations may not declare them. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("i", "the presynaptic neuron's index"), Map.entry("j", "the postsynaptic neuron's index"),
            Map.entry("t", "the simulation time"), Map.entry("dt", "the time step"), Map.entry("N", "the number of synapses"),
            Map.entry("N_pre", "the size of the source group"), Map.entry("N_post", "the size of the target group"),
            Map.entry("N_incoming", "the number of synapses onto the postsynaptic neuron"),
            Map.entry("N_outgoing", "the number of synapses from the presynaptic neuron"),
            Map.entry("lastupdate", "the time of each synapse's last event"), Map.entry("delay", "the synaptic delay"),
            Map.entry("xi", "the noise term of stochastic equations"));

    record Result(Synapses synapses, Scope scope, Map<String, Symbol.Value> variables, Set<String> perSynapseDelays) {
        Assignable assignable() {
            return new Assignable(synapses.name(), "synapses", "synapse", variables, scope, null);
        }

        /**
         * These synapses as the target of other synapses: a stand-in group whose "neurons" are the
         * synapses (N is their count once connected) and whose variables are their parameters and
         * state variables, so that {@code d_post} in the other synapses' code means this {@code d}.
         */
        GroupChecker.Result asTarget() {
            Map<String, Symbol.Value> own = new LinkedHashMap<>();
            for (Map.Entry<String, Symbol.Value> v : variables.entrySet()) {
                Symbol.Kind kind = v.getValue().kind();
                boolean variable = kind == Symbol.Kind.STATE_VARIABLE || kind == Symbol.Kind.PARAMETER || kind == Symbol.Kind.CONSTANT_PARAMETER;
                if (variable && v.getValue().expr() instanceof Expr.Var var && var.kind() == VarKind.ARRAY) own.put(v.getKey(), v.getValue());
            }
            NeuronGroup group = new NeuronGroup(synapses.name(), new Expr.Var("N", VarKind.SIZE, ValueType.INT, synapses.name()), synapses.variables(),
                    List.of(), List.of(), Optional.empty(), List.of(), new dev.myelin.compiler.model.Refractory.None(), synapses.method(), List.of(), List.of(),
                    synapses.span());
            return new GroupChecker.Result(group, scope, own, false);
        }
    }

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final UnitSpecReader unitSpecs;
    private final Scope fileScope;
    private final GroupChecker groups;

    private final DataFiles files;

    SynapsesChecker(Diagnostics diagnostics, ExpressionChecker expressions, UnitSpecReader unitSpecs, Scope fileScope, GroupChecker groups,
                    DataFiles files) {
        this.files = files;
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.unitSpecs = unitSpecs;
        this.fileScope = fileScope;
        this.groups = groups;
    }

    /**
     * {@code delayAssigned}: whether inits or the protocol assign {@code S.delay}, which makes the
     * pre pathway's delay a per-synapse variable even without a quoted delay item.
     */
    Result check(Item.SynapsesDecl decl, Synapses.Endpoint source, GroupChecker.Result src, Synapses.Endpoint target,
                 GroupChecker.Result tgt, boolean delayAssigned) {
        String s = decl.name().text();
        List<Equation> equations = new ArrayList<>();
        List<GroupItem.Pathway> pathwayItems = new ArrayList<>();
        Map<String, GroupItem.Delay> delayItems = new LinkedHashMap<>();
        List<GroupItem.Connect> connectItems = new ArrayList<>();
        GroupItem.Method methodItem = null;
        for (GroupItem item : decl.items()) {
            if (item instanceof GroupItem.Equations e) equations.addAll(e.equations());
            else if (item instanceof GroupItem.Pathway p) pathwayItems.add(p);
            else if (item instanceof GroupItem.Connect c) connectItems.add(c);
            else if (item instanceof GroupItem.Method m) methodItem = m;
            else if (item instanceof GroupItem.Delay d) {
                String pathway = d.pathway().map(Ident::text).orElse("pre");
                GroupItem.Delay previous = delayItems.putIfAbsent(pathway, d);
                if (previous != null) {
                    diagnostics.error(d.span(), "the delay of pathway " + pathway + " is already set on line " + previous.span().line(), "keep one 'delay' per pathway");
                }
            }
        }

        // 1. Declarations.
        Map<String, Symbol.Value> vars = new LinkedHashMap<>();
        List<Variable> variables = new ArrayList<>();
        Map<String, SourceSpan> declared = new HashMap<>();
        Set<String> eventDrivenNames = new LinkedHashSet<>();
        List<Equation.Differential> clockEqs = new ArrayList<>();
        List<Equation.Differential> eventEqs = new ArrayList<>();
        List<Equation.Subexpression> subexpressionDecls = new ArrayList<>();
        List<Equation.Subexpression> summedDecls = new ArrayList<>();
        Map<Equation.Subexpression, UnitSpecReader.UnitSpec> subUnits = new HashMap<>();
        for (Equation eq : equations) {
            String name = eq.variable().text();
            Set<String> flags = new HashSet<>();
            for (Flag f : eq.flags()) flags.add(f.text());
            Optional<UnitSpecReader.UnitSpec> spec = unitSpecs.read(eq.unit());
            String var = eq instanceof Equation.Differential && name.startsWith("d") && name.length() > 1 ? name.substring(1) : name;
            if (eq instanceof Equation.Differential d && !d.dtName().text().equals("dt")) {
                diagnostics.error(d.dtName().span(), "a differential equation must be with respect to time: 'd" + var + "/dt'", "write 'd" + var + "/dt = ...'");
                continue;
            }
            if (!(eq instanceof Equation.Subexpression sub && flags.contains("summed"))) {
                if (RESERVED.containsKey(var)) {
                    diagnostics.error(eq.variable().span(), "'" + var + "' cannot be declared in synapses: it is " + RESERVED.get(var), "choose another name");
                    continue;
                }
                SourceSpan first = declared.putIfAbsent(var, eq.span());
                if (first != null) {
                    diagnostics.error(eq.variable().span(), "'" + var + "' is already declared on line " + first.line(), "give each variable one equation");
                    continue;
                }
            }
            if (!allowedFlags(eq, flags)) continue;
            if (spec.isEmpty()) {
                vars.put(var, Symbol.Value.broken(Symbol.Kind.PARAMETER, eq.span()));
                continue;
            }
            Dimension dim = spec.get().dimension();
            ValueType type = spec.get().type();
            if (eq instanceof Equation.Differential d) {
                variables.add(new Variable(var, dim, ValueType.DOUBLE, Variable.Role.STATE, false, false, d.span()));
                vars.put(var, new Symbol.Value(new Expr.Var(var, VarKind.ARRAY, ValueType.DOUBLE, s), dim, Symbol.Kind.STATE_VARIABLE, d.span()));
                if (flags.contains("event-driven")) {
                    eventDrivenNames.add(var);
                    eventEqs.add(d);
                } else {
                    clockEqs.add(d);
                }
            } else if (eq instanceof Equation.Parameter p) {
                boolean shared = flags.contains("shared");
                boolean constant = flags.contains("constant");
                variables.add(new Variable(name, dim, type, Variable.Role.PARAMETER, shared, constant, p.span()));
                vars.put(name, new Symbol.Value(new Expr.Var(name, shared ? VarKind.SHARED : VarKind.ARRAY, type, s), dim,
                        constant ? Symbol.Kind.CONSTANT_PARAMETER : Symbol.Kind.PARAMETER, p.span()));
            } else if (eq instanceof Equation.Subexpression sub) {
                subUnits.put(sub, spec.get());
                if (flags.contains("summed")) summedDecls.add(sub);
                else subexpressionDecls.add(sub);
            }
        }

        // 2. Pathways and their delays: a quoted delay, or an assignment to S.delay, makes it per synapse.
        Set<String> pathwayNames = new LinkedHashSet<>();
        for (GroupItem.Pathway p : pathwayItems) {
            String name = p.name().map(Ident::text).orElse(p.post() ? "post" : "pre");
            if (!pathwayNames.add(name)) {
                diagnostics.error(p.span(), "synapses " + s + " already have a pathway named " + name,
                        "give the second one a name of its own, e.g. '" + (p.post() ? "on_post" : "on_pre") + " slow '''...'''");
            }
        }
        for (GroupItem.Delay d : delayItems.values()) {
            String name = d.pathway().map(Ident::text).orElse("pre");
            if (!pathwayNames.contains(name)) {
                diagnostics.error(d.pathway().map(Ident::span).orElse(d.span()), "synapses " + s + " have no pathway named " + name + " to delay",
                        pathwayNames.isEmpty() ? "add the code to run, e.g. on_pre 'v_post += w'" : "the pathways are: " + String.join(", ", pathwayNames));
            }
        }
        Set<String> perSynapseDelays = new LinkedHashSet<>();
        for (String name : pathwayNames) {
            GroupItem.Delay d = delayItems.get(name);
            boolean perSynapse = d != null ? d.quoted() : name.equals("pre") && delayAssigned;
            if (!perSynapse) continue;
            String variable = delayVariable(name);
            perSynapseDelays.add(variable);
            variables.add(new Variable(variable, Scope.SECOND, ValueType.DOUBLE, Variable.Role.PARAMETER, false, true, d == null ? decl.span() : d.span()));
            vars.put(variable, new Symbol.Value(new Expr.Var(variable, VarKind.ARRAY, ValueType.DOUBLE, s), Scope.SECOND, Symbol.Kind.PARAMETER, decl.span()));
        }
        if (!eventDrivenNames.isEmpty()) {
            variables.add(new Variable("lastupdate", Scope.SECOND, ValueType.DOUBLE, Variable.Role.BUILTIN, false, false, decl.span()));
        }

        // 3. The scope of per-synapse code.
        Expr.Var pre = new Expr.Var("_pre", VarKind.PRE_INDEX, ValueType.INT, "");
        Expr.Var post = new Expr.Var("_post", VarKind.POST_INDEX, ValueType.INT, "");
        Map<String, Symbol.Value> names = new LinkedHashMap<>(vars);
        names.put("i", builtin(relative(pre, source.start()), Dimension.DIMENSIONLESS, Symbol.Kind.INDEX));
        names.put("j", builtin(relative(post, target.start()), Dimension.DIMENSIONLESS, Symbol.Kind.INDEX));
        names.put("N", builtin(new Expr.Var("N", VarKind.SIZE, ValueType.INT, s), Dimension.DIMENSIONLESS, Symbol.Kind.SIZE));
        names.put("N_pre", builtin(endpointSize(source, src), Dimension.DIMENSIONLESS, Symbol.Kind.SIZE));
        names.put("N_post", builtin(endpointSize(target, tgt), Dimension.DIMENSIONLESS, Symbol.Kind.SIZE));
        names.put("N_incoming", builtin(new Expr.Var("N_incoming", VarKind.POST, ValueType.INT, s), Dimension.DIMENSIONLESS, Symbol.Kind.SYNAPTIC_BUILTIN));
        names.put("N_outgoing", builtin(new Expr.Var("N_outgoing", VarKind.PRE, ValueType.INT, s), Dimension.DIMENSIONLESS, Symbol.Kind.SYNAPTIC_BUILTIN));
        if (!eventDrivenNames.isEmpty()) {
            names.put("lastupdate", builtin(new Expr.Var("lastupdate", VarKind.ARRAY, ValueType.DOUBLE, s), Scope.SECOND, Symbol.Kind.SYNAPTIC_BUILTIN));
        }
        Map<String, Symbol.Value> subexpressions = new LinkedHashMap<>();
        Scope scope = fileScope.forGroup(s, names, name -> {
            Symbol.Value sub = subexpressions.get(name);
            if (sub != null) return Optional.of(sub);
            if (name.endsWith("_pre")) return neuronVariable(src, name.substring(0, name.length() - 4), VarKind.PRE, pre);
            if (name.endsWith("_post")) return neuronVariable(tgt, name.substring(0, name.length() - 5), VarKind.POST, post);
            return neuronVariable(tgt, name, VarKind.POST, post);
        }, suffixedNames(src, tgt));

        // 4. Subexpressions (in order), equations, summed variables.
        List<Subexpression> subs = new ArrayList<>();
        for (Equation.Subexpression sub : subexpressionDecls) {
            Typed value = expressions.check(sub.rhs(), scope);
            UnitSpecReader.UnitSpec unit = subUnits.get(sub);
            String name = sub.variable().text();
            if (value.invalid()) {
                subexpressions.put(name, new Symbol.Value(Expr.num(Double.NaN), null, Symbol.Kind.SUBEXPRESSION, sub.span()));
                continue;
            }
            if (!value.dimension().equals(unit.dimension())) {
                diagnostics.error(sub.rhs().span(), "subexpression '" + name + "' is declared " + Wording.is(unit.dimension()).replaceFirst("^is ", "")
                        + " but its value " + Wording.is(value.dimension()), "make the unit after ':' and the expression agree");
                subexpressions.put(name, new Symbol.Value(Expr.num(Double.NaN), null, Symbol.Kind.SUBEXPRESSION, sub.span()));
                continue;
            }
            subexpressions.put(name, new Symbol.Value(value.expr(), unit.dimension(), Symbol.Kind.SUBEXPRESSION, sub.span()));
            subs.add(new Subexpression(name, value.expr(), unit.dimension(), false, sub.span()));
        }
        List<DiffEquation> clock = differentials(clockEqs, vars, scope, Set.of());
        NoiseTerms.checkPlainXiOnce(clock, diagnostics);
        List<DiffEquation> event = differentials(eventEqs, vars, scope, eventDrivenNames);
        List<SummedVariable> summed = new ArrayList<>();
        for (Equation.Subexpression sub : summedDecls) summed(sub, subUnits.get(sub), scope, source, src, target, tgt).ifPresent(summed::add);

        // 5. Pathway code, and delays.
        List<Pathway> pathways = new ArrayList<>();
        for (GroupItem.Pathway p : pathwayItems) {
            String name = p.name().map(Ident::text).orElse(p.post() ? "post" : "pre");
            List<SynapticWrite> code = new ArrayList<>();
            for (Statement st : p.code()) {
                groups.write(st, scope, (p.post() ? "on_post" : "on_pre") + " code", "a variable of the synapses or of the groups they connect")
                        .ifPresent(code::add);
            }
            Pathway.Delay delay;
            GroupItem.Delay d = delayItems.get(name);
            if (perSynapseDelays.contains(delayVariable(name))) {
                delay = new Pathway.SynapticDelay(delayVariable(name));
            } else if (d != null) {
                delay = new Pathway.ScalarDelay(scalarDelay(d));
            } else {
                delay = new Pathway.ScalarDelay(Expr.num(0));
            }
            if (p.event().isPresent()) {
                Ident eventName = p.event().get();
                NeuronGroup trigger = (p.post() ? tgt : src).group();
                if (trigger.event(eventName.text()).isEmpty()) {
                    List<String> events = trigger.events().stream().map(dev.myelin.compiler.model.CustomEvent::name).toList();
                    diagnostics.error(eventName.span(), "group " + trigger.name() + " has no event '" + eventName.text() + "'",
                            Wording.didYouMean(eventName.text(), events, "declare it in group " + trigger.name() + ", e.g. event " + eventName.text() + " 'v > 10*mV'"));
                    continue;
                }
            }
            pathways.add(new Pathway(name, p.post(), p.event().map(Ident::text).orElse("spike"), code, delay, p.span()));
        }

        // 6. Connections.
        List<Connection> connections = new ArrayList<>();
        Scope connectScope = connectScope(s, source, src, target, tgt, pre, post, true);
        Scope targetScope = connectScope(s, source, src, target, tgt, pre, post, false);
        for (GroupItem.Connect c : connectItems) new ConnectReader(c, connectScope, targetScope).read().ifPresent(connections::add);

        Method method = methodItem == null ? new Method("", decl.name().span()) : new Method(methodItem.name().text(), methodItem.name().span());
        if (methodItem != null && !Method.NAMES.contains(methodItem.name().text().toLowerCase(java.util.Locale.ROOT))) {
            diagnostics.error(methodItem.name().span(), "unknown integration method '" + methodItem.name().text() + "'",
                    "the methods are exact, euler, rk2, rk4, heun, milstein and exponential_euler");
        }
        Synapses synapses = new Synapses(s, source, target, variables, subs, clock, event, summed, pathways, connections, method, decl.span());
        Map<String, Symbol.Value> assignable = new LinkedHashMap<>(vars);
        return new Result(synapses, scope, assignable, perSynapseDelays);
    }

    /** The per-synapse variable holding a pathway's delays: {@code delay} for pre, {@code <name>_delay} otherwise. */
    static String delayVariable(String pathway) {
        return pathway.equals("pre") ? "delay" : pathway + "_delay";
    }

    private static Symbol.Value builtin(Expr e, Dimension d, Symbol.Kind kind) {
        return new Symbol.Value(e, d, kind, null);
    }

    private static Expr relative(Expr.Var absolute, int start) {
        return start == 0 ? absolute : new Expr.Binary(Op.SUB, absolute, Expr.Num.ofInt(start));
    }

    private static Expr endpointSize(Synapses.Endpoint e, GroupChecker.Result g) {
        if (e.stop().isPresent()) return Expr.Num.ofInt(e.stop().get() - e.start());
        Expr n = g.group().size();
        return e.start() == 0 ? n : Simplifier.exact().simplify(new Expr.Binary(Op.SUB, n, Expr.Num.ofInt(e.start())));
    }

    private static Set<String> suffixedNames(GroupChecker.Result src, GroupChecker.Result tgt) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : src.variables().keySet()) out.add(v + "_pre");
        for (String v : tgt.variables().keySet()) {
            out.add(v + "_post");
            out.add(v);
        }
        return out;
    }

    /**
     * A variable (or subexpression) of a neuron group seen from per-synapse code: its arrays are
     * read at the synapse's pre- or postsynaptic neuron, and its {@code i} is that neuron's index.
     */
    private static Optional<Symbol.Value> neuronVariable(GroupChecker.Result g, String name, VarKind kind, Expr.Var index) {
        if (!g.variables().containsKey(name) && !isSubexpression(g, name)) return Optional.empty();
        Optional<Symbol.Value> sym = g.scope().resolve(name);
        if (sym.isEmpty() || sym.get().isBroken()) return sym;
        String owner = g.group().name();
        Expr moved = Substitution.mapVariables(sym.get().expr(), v -> {
            if (v.kind() == VarKind.ARRAY && v.owner().equals(owner)) return new Expr.Var(v.name(), kind, v.type(), owner);
            if (v.kind() == VarKind.INDEX && v.owner().equals(owner)) return index;
            return v;
        });
        return Optional.of(new Symbol.Value(moved, sym.get().dimension(), sym.get().kind(), sym.get().declaredAt()));
    }

    private static boolean isSubexpression(GroupChecker.Result g, String name) {
        return g.group().subexpressions().stream().anyMatch(sub -> sub.name().equals(name));
    }

    private boolean allowedFlags(Equation eq, Set<String> flags) {
        Set<String> allowed = eq instanceof Equation.Differential ? Set.of("event-driven", "clock-driven")
                : eq instanceof Equation.Parameter ? Set.of("constant", "shared") : Set.of("summed");
        for (Flag f : eq.flags()) {
            if (!allowed.contains(f.text())) {
                String kind = eq instanceof Equation.Differential ? "a differential equation of synapses"
                        : eq instanceof Equation.Parameter ? "a parameter of synapses" : "a subexpression of synapses";
                diagnostics.error(f.span(), "the flag '" + f.text() + "' is not allowed on " + kind,
                        "the flags allowed there are: " + String.join(", ", allowed.stream().sorted().toList()));
                return false;
            }
        }
        if (flags.contains("event-driven") && flags.contains("clock-driven")) {
            diagnostics.error(eq.span(), "an equation is either (event-driven) or (clock-driven), not both", "keep one of the two flags");
            return false;
        }
        return true;
    }

    private List<DiffEquation> differentials(List<Equation.Differential> eqs, Map<String, Symbol.Value> vars, Scope scope, Set<String> eventDriven) {
        List<DiffEquation> out = new ArrayList<>();
        for (Equation.Differential d : eqs) {
            String var = d.variable().text().substring(1);
            Typed rhs = expressions.check(d.rhs(), scope.withNoise());
            Symbol.Value sym = vars.get(var);
            if (rhs.invalid() || sym == null || sym.isBroken()) continue;
            Dimension expected = sym.dimension().divide(Scope.SECOND);
            if (rhs.isBoolean() || !rhs.dimension().equals(expected)) {
                diagnostics.error(d.rhs().span(), "the two sides of this equation have different units: d" + var + "/dt is in " + expected
                        + ", the right-hand side " + (rhs.isBoolean() ? "is a condition" : Wording.is(rhs.dimension())),
                        "the right-hand side must be in the unit after ':' per second, e.g. '-" + var + "/tau'");
                continue;
            }
            if (!eventDriven.isEmpty()) {
                // Brian2 integrates event-driven equations in closed form between events: they may
                // only depend on the event-driven variables themselves and on constants.
                for (Expr.Var v : dev.myelin.compiler.expr.FreeVariables.of(rhs.expr())) {
                    if (v.kind() == VarKind.NOISE) {
                        diagnostics.error(d.rhs().span(), "the event-driven equation of '" + var + "' has the noise term '" + v.name()
                                + "', but event-driven equations are solved in closed form between events and cannot be stochastic",
                                "make it (clock-driven) to integrate it every step with a stochastic method");
                        break;
                    }
                    Symbol.Value own = vars.get(v.name());
                    boolean parameter = own != null && (own.kind() == Symbol.Kind.PARAMETER || own.kind() == Symbol.Kind.CONSTANT_PARAMETER)
                            && v.owner().equals(own.expr() instanceof Expr.Var ov ? ov.owner() : "");
                    boolean ok = v.kind() == VarKind.PARAM || (v.kind() == VarKind.ARRAY && eventDriven.contains(v.name()))
                            || ((v.kind() == VarKind.ARRAY || v.kind() == VarKind.SHARED) && parameter);
                    if (!ok) {
                        diagnostics.error(d.rhs().span(), "the event-driven equation of '" + var + "' depends on '" + v.name()
                                        + "', which changes between events, so it cannot be solved in closed form",
                                "make it (clock-driven) to integrate it every step");
                        break;
                    }
                }
            }
            out.add(new DiffEquation(var, rhs.expr(), false, d.span()));
        }
        return out;
    }

    private Optional<SummedVariable> summed(Equation.Subexpression sub, UnitSpecReader.UnitSpec unit, Scope scope, Synapses.Endpoint source,
                                            GroupChecker.Result src, Synapses.Endpoint target, GroupChecker.Result tgt) {
        String name = sub.variable().text();
        boolean toPost = name.endsWith("_post");
        if (!toPost && !name.endsWith("_pre")) {
            diagnostics.error(sub.variable().span(), "a (summed) variable names the group variable it writes, with _post or _pre",
                    "write e.g. '" + name + "_post = w * x_pre : " + (unit == null ? "1" : unit.dimension()) + " (summed)'");
            return Optional.empty();
        }
        GroupChecker.Result g = toPost ? tgt : src;
        String var = name.substring(0, name.length() - (toPost ? 5 : 4));
        Symbol.Value sym = g.variables().get(var);
        Typed value = expressions.check(sub.rhs(), scope);
        if (sym == null || sym.kind() != Symbol.Kind.PARAMETER || !(sym.expr() instanceof Expr.Var v) || v.kind() != VarKind.ARRAY) {
            diagnostics.error(sub.variable().span(), "a (summed) variable must write a parameter of group " + g.group().name()
                            + (sym == null ? ", which has no variable '" + var + "'" : ", but '" + var + "' is " + sym.kind().describe()),
                    "declare it in the group's equations as '" + var + " : " + (unit == null ? "1" : unit.dimension()) + "' (without an equation of its own)");
            return Optional.empty();
        }
        if (value.invalid() || unit == null) return Optional.empty();
        if (!value.dimension().equals(sym.dimension()) || !unit.dimension().equals(sym.dimension())) {
            diagnostics.error(sub.rhs().span(), "the summed value " + Wording.is(value.dimension()) + " but " + g.group().name() + "." + var
                    + " " + Wording.is(sym.dimension()), "make the expression, the unit after ':' and the group variable agree");
            return Optional.empty();
        }
        Expr.Var written = new Expr.Var(var, toPost ? VarKind.POST : VarKind.PRE, ValueType.DOUBLE, g.group().name());
        return Optional.of(new SummedVariable(written, value.expr(), toPost ? target : source));
    }

    private Expr scalarDelay(GroupItem.Delay d) {
        Typed value = expressions.check(d.value(), fileScope);
        if (value.invalid()) return Expr.num(0);
        if (value.isBoolean() || !value.dimension().equals(Scope.SECOND)) {
            diagnostics.error(d.value().span(), "a delay must be a time, but this " + (value.isBoolean() ? "is a condition" : Wording.is(value.dimension())),
                    "write e.g. 'delay 2 ms', or a per-synapse expression in quotes, e.g. delay '(i % 5)*ms'");
            return Expr.num(0);
        }
        if (value.isConstant() && (value.constantValue() < 0 || Double.isNaN(value.constantValue()))) {
            diagnostics.error(d.value().span(), "a delay cannot be negative", "write a delay of 0 or more, e.g. 'delay 2 ms'");
            return Expr.num(0);
        }
        return value.expr();
    }

    // ── connect ──

    /**
     * The scope of connect's expressions: i, j (when {@code withJ}), N_pre, N_post, the groups'
     * variables with _pre / _post, and file-level names. Synaptic variables do not exist yet.
     */
    private Scope connectScope(String s, Synapses.Endpoint source, GroupChecker.Result src, Synapses.Endpoint target, GroupChecker.Result tgt,
                               Expr.Var pre, Expr.Var post, boolean withJ) {
        Map<String, Symbol.Value> names = new LinkedHashMap<>();
        names.put("i", builtin(relative(pre, source.start()), Dimension.DIMENSIONLESS, Symbol.Kind.INDEX));
        if (withJ) names.put("j", builtin(relative(post, target.start()), Dimension.DIMENSIONLESS, Symbol.Kind.INDEX));
        names.put("N_pre", builtin(endpointSize(source, src), Dimension.DIMENSIONLESS, Symbol.Kind.SIZE));
        names.put("N_post", builtin(endpointSize(target, tgt), Dimension.DIMENSIONLESS, Symbol.Kind.SIZE));
        return fileScope.forGroup(s, names, name -> {
            if (name.endsWith("_pre")) return neuronVariable(src, name.substring(0, name.length() - 4), VarKind.PRE, pre);
            if (name.endsWith("_post") && withJ) return neuronVariable(tgt, name.substring(0, name.length() - 5), VarKind.POST, post);
            return Optional.empty();
        }, suffixedNames(src, tgt));
    }

    /** Reads one connect statement into a {@link Connection}. */
    private final class ConnectReader {
        private final GroupItem.Connect c;
        private final Scope pairs;
        private final Scope targets;
        private final Map<String, GroupItem.ConnectArg> byKey = new LinkedHashMap<>();
        private GroupItem.ConnectArg condition;
        private boolean ok = true;

        ConnectReader(GroupItem.Connect c, Scope pairs, Scope targets) {
            this.c = c;
            this.pairs = pairs;
            this.targets = targets;
        }

        Optional<Connection> read() {
            Set<String> keys = Set.of("condition", "p", "n", "i", "j", "skip_if_invalid");
            for (GroupItem.ConnectArg a : c.args()) {
                if (a.key().isEmpty()) {
                    if (condition != null || !byKey.isEmpty()) {
                        diagnostics.error(a.span(), "connect takes one condition, written first", "combine conditions with 'and', e.g. 'i != j and abs(i - j) < 5'");
                        return Optional.empty();
                    }
                    condition = a;
                    continue;
                }
                String key = a.key().get().text();
                if (!keys.contains(key)) {
                    diagnostics.error(a.key().get().span(), "connect has no argument '" + key + "'",
                            Wording.didYouMean(key, keys, "the arguments are: a condition, p, n, i, j and skip_if_invalid"));
                    return Optional.empty();
                }
                if (key.equals("condition")) {
                    condition = a;
                } else if (byKey.put(key, a) != null) {
                    diagnostics.error(a.span(), "connect's " + key + " is given twice", "keep one");
                    return Optional.empty();
                }
            }
            boolean skip = byKey.containsKey("skip_if_invalid") && flag(byKey.get("skip_if_invalid"));
            if (byKey.containsKey("i")) return explicit();
            Expr n = byKey.containsKey("n") ? count(byKey.get("n")) : Expr.Num.ofInt(1);
            if (byKey.containsKey("j")) {
                GroupItem.ConnectArg j = byKey.get("j");
                if (condition != null || byKey.containsKey("p")) {
                    diagnostics.error(j.span(), "connect's j cannot be combined with a condition or p",
                            "put the condition into the generator, e.g. j = 'k for k in sample(N_post, p=0.1) if k != i'");
                    return Optional.empty();
                }
                if (j.generator().isPresent()) return generated(j.generator().get(), n, skip);
                if (!j.quoted() || j.value().isEmpty()) {
                    diagnostics.error(j.span(), "connect's j is an expression of i in quotes", "write e.g. j = 'i' or j = 'k for k in range(i, i + 3)'");
                    return Optional.empty();
                }
                Optional<Expr> target = index(j.value().get(), targets, "j");
                return ok && target.isPresent() ? Optional.of(new Connection.OneTarget(target.get(), n, skip, c.span())) : Optional.empty();
            }
            Optional<Expr> cond = Optional.empty();
            if (condition != null) {
                if (!condition.quoted() || condition.value().isEmpty()) {
                    if (condition.value().isPresent() && condition.value().get() instanceof Expression.BoolLit b && b.value()) {
                        cond = Optional.empty();
                    } else {
                        diagnostics.error(condition.span(), "connect's condition is code in quotes", "write e.g. connect 'i != j'");
                        return Optional.empty();
                    }
                } else {
                    Typed t = expressions.check(condition.value().get(), pairs);
                    if (t.invalid()) return Optional.empty();
                    if (!t.isBoolean()) {
                        diagnostics.error(condition.value().get().span(), "connect's condition must be true or false, but this is a number",
                                "compare, e.g. 'i != j' or 'abs(i - j) <= 2'");
                        return Optional.empty();
                    }
                    cond = Optional.of(t.expr());
                }
            }
            Optional<Expr> p = byKey.containsKey("p") ? probability(byKey.get("p"), pairs) : Optional.empty();
            return ok ? Optional.of(new Connection.Pairs(cond, p, n, c.span())) : Optional.empty();
        }

        private boolean flag(GroupItem.ConnectArg a) {
            if (!a.quoted() && a.value().isPresent()) {
                Typed t = expressions.check(a.value().get(), fileScope);
                if (!t.invalid() && t.isBoolean() && t.isConstant()) return t.constantValue() != 0;
            }
            diagnostics.error(a.span(), "skip_if_invalid is true or false", "write skip_if_invalid = true");
            ok = false;
            return false;
        }

        private Optional<Expr> probability(GroupItem.ConnectArg a, Scope scope) {
            if (a.value().isEmpty()) {
                diagnostics.error(a.span(), "p is a probability, not a file", "write e.g. p = 0.1");
                ok = false;
                return Optional.empty();
            }
            Typed t = expressions.check(a.value().get(), a.quoted() ? scope : fileScope);
            if (t.invalid()) {
                ok = false;
                return Optional.empty();
            }
            if (t.isBoolean() || !t.dimension().isDimensionless()) {
                diagnostics.error(a.value().get().span(), "p is a probability, a number without unit, but this " + (t.isBoolean() ? "is a condition" : Wording.is(t.dimension())),
                        "write e.g. p = 0.1");
                ok = false;
                return Optional.empty();
            }
            if (t.isConstant() && (t.constantValue() < 0 || t.constantValue() > 1)) {
                diagnostics.error(a.value().get().span(), "p is a probability, between 0 and 1, but this is " + t.constantValue(), "write e.g. p = 0.1");
                ok = false;
                return Optional.empty();
            }
            return Optional.of(t.expr());
        }

        private Expr count(GroupItem.ConnectArg a) {
            if (a.value().isEmpty()) {
                diagnostics.error(a.span(), "n is a number of synapses per pair, not a file", "write e.g. n = 2");
                ok = false;
                return Expr.Num.ofInt(1);
            }
            return index(a.value().get(), a.quoted() ? pairs : fileScope, "n").orElse(Expr.Num.ofInt(1));
        }

        /** An integer expression without unit (j, n, range bounds). */
        private Optional<Expr> index(Expression e, Scope scope, String what) {
            Typed t = expressions.check(e, scope);
            if (t.invalid()) {
                ok = false;
                return Optional.empty();
            }
            if (t.isBoolean() || !t.dimension().isDimensionless() || t.expr().type() != ValueType.INT) {
                diagnostics.error(e.span(), "connect's " + what + " must be a whole number without unit",
                        t.expr().type() == ValueType.DOUBLE && t.dimension().isDimensionless() ? "convert it with int(...), e.g. 'int(i/2)'" : "write e.g. 'i'");
                ok = false;
                return Optional.empty();
            }
            return Optional.of(t.expr());
        }

        private Optional<Connection> generated(GroupItem.Generator g, Expr n, boolean skip) {
            String fn = g.function().text();
            if (!fn.equals("range") && !fn.equals("sample")) {
                diagnostics.error(g.function().span(), "a generator iterates over range(...) or sample(...), not " + fn + "(...)",
                        "write e.g. 'k for k in range(i - 2, i + 3)' or 'k for k in sample(N_post, p=0.1)'");
                return Optional.empty();
            }
            String loop = g.variable().text();
            Expr.Var local = new Expr.Var("_g_" + loop, VarKind.LOCAL, ValueType.INT, "");
            Map<String, Symbol.Value> extra = new LinkedHashMap<>();
            extra.put(loop, new Symbol.Value(local, Dimension.DIMENSIONLESS, Symbol.Kind.INDEX, g.variable().span()));
            Scope inner = fileScope.forGroup(c.span().toString(), extra, name -> targets.resolve(name), targets.declaredNames());
            List<Expr> positional = new ArrayList<>();
            Optional<Expr> p = Optional.empty();
            Optional<Expr> size = Optional.empty();
            for (GroupItem.GeneratorArg a : g.args()) {
                if (a.key().isEmpty()) {
                    index(a.value(), targets, fn + "'s bounds").ifPresent(positional::add);
                    continue;
                }
                String key = a.key().get().text();
                if (fn.equals("sample") && key.equals("p")) {
                    p = probability(new GroupItem.ConnectArg(a.key(), Optional.of(a.value()), true, Optional.empty(), Optional.empty(), a.value().span()), targets);
                } else if (fn.equals("sample") && key.equals("size")) {
                    size = index(a.value(), targets, "size");
                } else {
                    diagnostics.error(a.key().get().span(), fn + "() has no argument '" + key + "'",
                            fn.equals("sample") ? "write sample(N_post, p=0.1), sample(low, high, p=0.1) or sample(N_post, size=10)" : "write range(stop), range(start, stop) or range(start, stop, step)");
                    ok = false;
                }
            }
            int given = positional.size();
            if (!ok) return Optional.empty();
            if (given < 1 || given > (fn.equals("range") ? 3 : 2)) {
                diagnostics.error(g.function().span(), fn + "() takes " + (fn.equals("range") ? "1 to 3" : "1 or 2") + " bounds, but " + given + " were given",
                        fn.equals("range") ? "write range(stop), range(start, stop) or range(start, stop, step)" : "write sample(N_post, p=0.1) or sample(low, high, p=0.1)");
                return Optional.empty();
            }
            if (fn.equals("sample") && p.isPresent() == size.isPresent()) {
                diagnostics.error(g.function().span(), "sample() takes either p or size", "write sample(N_post, p=0.1) or sample(N_post, size=10)");
                return Optional.empty();
            }
            Expr start = given == 1 ? Expr.Num.ofInt(0) : positional.get(0);
            Expr stop = given == 1 ? positional.get(0) : positional.get(1);
            Expr step = given == 3 ? positional.get(2) : Expr.Num.ofInt(1);
            Optional<Expr> element = index(g.element(), inner, "j");
            Optional<Expr> cond = Optional.empty();
            if (g.condition().isPresent()) {
                Typed t = expressions.check(g.condition().get(), inner);
                if (t.invalid()) return Optional.empty();
                if (!t.isBoolean()) {
                    diagnostics.error(g.condition().get().span(), "the generator's condition must be true or false", "compare, e.g. 'if k != i'");
                    return Optional.empty();
                }
                cond = Optional.of(t.expr());
            }
            if (element.isEmpty() || !ok) return Optional.empty();
            return Optional.of(new Connection.Generated(local.name(), fn.equals("sample"), start, stop, step, p, size, element.get(), cond, n, skip, c.span()));
        }

        private Optional<Connection> explicit() {
            GroupItem.ConnectArg i = byKey.get("i");
            GroupItem.ConnectArg j = byKey.get("j");
            if (j == null || condition != null || byKey.containsKey("p") || byKey.containsKey("n")) {
                diagnostics.error(i.span(), "connect with i takes i and j (two lists or NPY files of indices), and optionally skip_if_invalid",
                        "write e.g. connect i = [0, 1, 2], j = [3, 4, 5]");
                return Optional.empty();
            }
            Optional<Connection.Indices> is = indices(i);
            Optional<Connection.Indices> js = indices(j);
            if (is.isEmpty() || js.isEmpty()) return Optional.empty();
            if (is.get() instanceof Connection.IndexList a && js.get() instanceof Connection.IndexList b && a.values().size() != b.values().size()) {
                diagnostics.error(j.span(), "i has " + a.values().size() + " indices but j has " + b.values().size(), "give one j for every i");
                return Optional.empty();
            }
            boolean skip = byKey.containsKey("skip_if_invalid") && flag(byKey.get("skip_if_invalid"));
            return Optional.of(new Connection.Explicit(is.get(), js.get(), skip, c.span()));
        }

        private Optional<Connection.Indices> indices(GroupItem.ConnectArg a) {
            if (a.file().isPresent()) {
                if (files.existing(a.file().get()).isEmpty()) return Optional.empty();
                return Optional.of(new Connection.IndexFile(a.file().get().path()));
            }
            if (a.value().isPresent() && a.value().get() instanceof Expression.ListLit list) {
                List<Integer> out = new ArrayList<>();
                for (Expression e : list.items()) {
                    Typed t = expressions.check(e, fileScope);
                    if (t.invalid()) return Optional.empty();
                    if (!t.isConstant() || t.expr().type() != ValueType.INT || t.constantValue() < 0) {
                        diagnostics.error(e.span(), "an index is a whole number of at least 0, known when the model is compiled", "write e.g. [0, 1, 2]");
                        return Optional.empty();
                    }
                    out.add((int) t.constantValue());
                }
                return Optional.of(new Connection.IndexList(out));
            }
            diagnostics.error(a.span(), "connect's " + a.key().map(Ident::text).orElse("i") + " is a list of indices or an NPY file",
                    "write e.g. i = [0, 1, 2] or i = 'pre_indices.npy'");
            return Optional.empty();
        }
    }
}
