package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Equation;
import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.Flag;
import dev.myelin.compiler.ast.GroupItem;
import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.ast.Statement;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.Assignment;
import dev.myelin.compiler.model.CustomEvent;
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.RegularCode;
import dev.myelin.compiler.model.Method;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Refractory;
import dev.myelin.compiler.model.Subexpression;
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

/** Checks one {@code neurons} block: its equations, flags, threshold, reset, refractoriness and method. */
final class GroupChecker {

    /** Names Brian2 reserves in equations, with what they mean there. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("t", "the simulation time"),
            Map.entry("dt", "the time step"),
            Map.entry("xi", "the noise term of stochastic equations"),
            Map.entry("i", "the index of each neuron"),
            Map.entry("N", "the number of neurons in the group"),
            Map.entry("lastspike", "the time of each neuron's last spike"),
            Map.entry("not_refractory", "the refractoriness flag of each neuron"),
            Map.entry("refractory", "the refractory period"),
            Map.entry("refractory_until", "the end of each neuron's refractory period"),
            Map.entry("True", "the boolean literal True"),
            Map.entry("False", "the boolean literal False"));
    private static final Set<String> DIFF_FLAGS = Set.of("unless refractory");
    private static final Set<String> PARAM_FLAGS = Set.of("constant", "shared");
    private static final Set<String> SUBEXPR_FLAGS = Set.of("shared", "constant over dt");

    /**
     * The checked group, and the scope in which its per-neuron code (inits, assignments) is resolved.
     * {@code hasThreshold} says whether one was written, even if it had errors.
     */
    record Result(NeuronGroup group, Scope scope, Map<String, Symbol.Value> variables, boolean hasThreshold) {
        Assignable assignable() {
            return new Assignable(group.name(), "group", "neuron", variables, scope, group.size());
        }
    }

    /** What a reserved name means, e.g. "the simulation time" for {@code t}. */
    static Optional<String> reservedMeaning(String name) {
        return Optional.ofNullable(RESERVED.get(name));
    }

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final UnitSpecReader unitSpecs;
    private final Scope fileScope;

    GroupChecker(Diagnostics diagnostics, ExpressionChecker expressions, UnitSpecReader unitSpecs, Scope fileScope) {
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.unitSpecs = unitSpecs;
        this.fileScope = fileScope;
    }

    Result check(Item.NeuronGroupDecl decl, Expr size) {
        String g = decl.name().text();
        List<Equation> equations = new ArrayList<>();
        GroupItem.Threshold threshold = null;
        GroupItem.Reset reset = null;
        GroupItem.Refractory refractory = null;
        GroupItem.Method method = null;
        GroupItem.Equations firstEquations = null;
        List<GroupItem.Event> eventItems = new ArrayList<>();
        List<GroupItem.OnEvent> onEventItems = new ArrayList<>();
        List<GroupItem.RunRegularly> regularItems = new ArrayList<>();
        for (GroupItem item : decl.items()) {
            if (item instanceof GroupItem.Equations e) {
                    // A second equations entry is reported, and its equations are still checked.
                    firstEquations = once(firstEquations, e, "equations");
                    equations.addAll(e.equations());
            } else if (item instanceof GroupItem.Threshold t) {
                threshold = once(threshold, t, "threshold");
            } else if (item instanceof GroupItem.Reset r) {
                reset = once(reset, r, "reset");
            } else if (item instanceof GroupItem.Refractory r) {
                refractory = once(refractory, r, "refractory");
            } else if (item instanceof GroupItem.Method m) {
                method = once(method, m, "method");
            } else if (item instanceof GroupItem.Event e) {
                eventItems.add(e);
            } else if (item instanceof GroupItem.OnEvent e) {
                onEventItems.add(e);
            } else if (item instanceof GroupItem.RunRegularly r) {
                regularItems.add(r);
            }
        }
        // Init items are checked by the caller, once the group's scope exists.

        // 1. Declarations: names, units, flags. A declaration with an error still gets a stand-in
        // symbol (Symbol.Value.broken) so that its uses are not reported again as unknown names.
        Map<String, Symbol.Value> vars = new LinkedHashMap<>();
        List<Variable> variables = new ArrayList<>();
        Map<String, Equation.Subexpression> subexpressionDecls = new LinkedHashMap<>();
        Map<String, UnitSpecReader.UnitSpec> subexpressionUnits = new LinkedHashMap<>();
        Set<String> constantOverDt = new HashSet<>();
        Set<String> unlessRefractory = new HashSet<>();
        SourceSpan unlessRefractoryFlag = null;
        Map<String, SourceSpan> declared = new HashMap<>();
        Set<Equation.Differential> accepted = new HashSet<>();
        for (Equation eq : equations) {
            String name = eq.variable().text();
            NameCheck nameCheck = validName(eq, declared);
            Optional<UnitSpecReader.UnitSpec> spec = unitSpecs.read(eq.unit());
            Set<String> flags = flags(eq);
            if (nameCheck == NameCheck.DUPLICATE) continue;
            String var = eq instanceof Equation.Differential && name.startsWith("d") && name.length() > 1 ? name.substring(1) : name;
            Symbol.Kind kind = eq instanceof Equation.Differential ? Symbol.Kind.STATE_VARIABLE
                    : eq instanceof Equation.Subexpression ? Symbol.Kind.SUBEXPRESSION : Symbol.Kind.PARAMETER;
            if (nameCheck == NameCheck.INVALID) {
                vars.putIfAbsent(var, Symbol.Value.broken(kind, eq.span()));
                continue;
            }
            if (eq instanceof Equation.Subexpression s) {
                // Checked even when its unit is wrong, to report the errors of its expression.
                subexpressionDecls.put(name, s);
                subexpressionUnits.put(name, spec.orElse(null));
                if (flags.contains("constant over dt")) constantOverDt.add(name);
                continue;
            }
            if (eq instanceof Equation.Differential d && !differential(d, spec)) {
                vars.put(var, Symbol.Value.broken(kind, eq.span()));
                continue;
            }
            if (spec.isEmpty()) {
                vars.put(var, Symbol.Value.broken(kind, eq.span()));
                continue;
            }
            Dimension dim = spec.get().dimension();
            ValueType type = spec.get().type();
            if (eq instanceof Equation.Differential d) {
                accepted.add(d);
                if (flags.contains("unless refractory")) {
                    unlessRefractory.add(var);
                    if (unlessRefractoryFlag == null) {
                        unlessRefractoryFlag = eq.flags().stream().filter(f -> f.text().equals("unless refractory")).findFirst().map(Flag::span).orElse(null);
                    }
                }
                variables.add(new Variable(var, dim, type, Variable.Role.STATE, false, false, d.span()));
                vars.put(var, new Symbol.Value(new Expr.Var(var, VarKind.ARRAY, type, g), dim, Symbol.Kind.STATE_VARIABLE, d.span()));
            } else if (eq instanceof Equation.Parameter p) {
                boolean shared = flags.contains("shared");
                boolean constant = flags.contains("constant");
                variables.add(new Variable(name, dim, type, Variable.Role.PARAMETER, shared, constant, p.span()));
                vars.put(name, new Symbol.Value(new Expr.Var(name, shared ? VarKind.SHARED : VarKind.ARRAY, type, g), dim,
                        constant ? Symbol.Kind.CONSTANT_PARAMETER : Symbol.Kind.PARAMETER, p.span()));
            }
        }

        // 2. Refractoriness adds Brian2's two built-in variables.
        if (refractory != null) {
            Dimension second = Scope.SECOND;
            variables.add(new Variable("lastspike", second, ValueType.DOUBLE, Variable.Role.BUILTIN, false, false, refractory.span()));
            variables.add(new Variable("not_refractory", Dimension.DIMENSIONLESS, ValueType.BOOL, Variable.Role.BUILTIN, false, false, refractory.span()));
            vars.put("lastspike", new Symbol.Value(new Expr.Var("lastspike", VarKind.ARRAY, ValueType.DOUBLE, g), second, Symbol.Kind.BUILTIN_VARIABLE, refractory.span()));
            vars.put("not_refractory", new Symbol.Value(new Expr.Var("not_refractory", VarKind.ARRAY, ValueType.BOOL, g), Dimension.DIMENSIONLESS, Symbol.Kind.BUILTIN_VARIABLE, refractory.span()));
        } else if (!unlessRefractory.isEmpty()) {
            diagnostics.warning(unlessRefractoryFlag == null ? decl.name().span() : unlessRefractoryFlag,
                    "the flag (unless refractory) has no effect: group " + g + " has no refractory period",
                    "add e.g. 'refractory 5 ms' to the group, or remove the flag");
        }

        // 3. Subexpressions, resolved on first use so they may refer to each other in any order.
        SubexpressionResolver subs = new SubexpressionResolver(g, subexpressionDecls, subexpressionUnits, constantOverDt);
        Scope scope = fileScope.forGroup(g, vars, subs::resolve, subexpressionDecls.keySet());
        subs.scope = scope;
        for (String name : subexpressionDecls.keySet()) subs.resolve(name);

        // 4. Differential equations: right-hand side in the unit of the variable per second.
        List<DiffEquation> diffs = new ArrayList<>();
        for (Equation eq : equations) {
            if (!(eq instanceof Equation.Differential d)) continue;
            // The right-hand side of a rejected equation is still checked for errors of its own.
            Typed rhs = expressions.check(d.rhs(), scope.withNoise());
            if (rhs.invalid() || !accepted.contains(d)) continue;
            String var = d.variable().text().substring(1);
            Dimension unit = vars.get(var).dimension();
            if (rhs.isBoolean()) {
                diagnostics.error(d.rhs().span(), "the right-hand side of a differential equation must be a number, not a condition",
                        "write how d" + var + "/dt depends on the variables, e.g. '-" + var + "/tau'");
                continue;
            }
            Dimension expected = unit.divide(Scope.SECOND);
            if (!rhs.dimension().equals(expected)) {
                diagnostics.error(d.rhs().span(), "the two sides of this equation have different units: d" + var + "/dt is in "
                        + expected + ", the right-hand side " + Wording.is(rhs.dimension()),
                        rhs.dimension().equals(unit) ? "divide the right-hand side by a time constant, e.g. '(...)/tau' with tau in seconds"
                                : "the right-hand side must be in " + expected + ": the unit after ':' (" + unit + ") per second; check the units of its terms");
                continue;
            }
            diffs.add(new DiffEquation(var, rhs.expr(), unlessRefractory.contains(var), d.span()));
        }
        NoiseTerms.checkPlainXiOnce(diffs, diagnostics);

        // 5. Threshold, reset, refractoriness, method.
        Optional<Expr> thresholdExpr = Optional.empty();
        if (threshold != null) {
            Typed cond = expressions.check(threshold.condition(), scope);
            if (!cond.invalid() && !cond.isBoolean()) {
                diagnostics.error(threshold.condition().span(), "a threshold must be a condition, but this is a number "
                                + (cond.dimension().isDimensionless() ? "without unit" : "in " + cond.dimension()),
                        "compare it, e.g. 'v > -50*mV'");
            } else if (!cond.invalid()) {
                thresholdExpr = Optional.of(cond.expr());
            }
        }
        List<Assignment> resetCode = new ArrayList<>();
        if (reset != null) {
            if (threshold == null) {
                diagnostics.error(reset.span(), "group " + g + " has a reset but no threshold, so the reset would never run",
                        "add a threshold, e.g. threshold 'v > -50*mV', or remove the reset");
            }
            for (Statement st : reset.statements()) statement(st, scope, "reset").ifPresent(resetCode::add);
        }
        Refractory refr = refractory == null ? new Refractory.None() : refractory(refractory, scope);
        Method m = method == null ? new Method("", decl.name().span()) : method(method);

        // 6. Custom events with the code run on them, and run_regularly code.
        List<CustomEvent> events = customEvents(g, eventItems, onEventItems, threshold != null, scope);
        List<RegularCode> regular = new ArrayList<>();
        for (GroupItem.RunRegularly r : regularItems) regularCode(r, scope).ifPresent(regular::add);

        NeuronGroup group = new NeuronGroup(g, size, variables, subs.resolvedInOrder(), diffs, thresholdExpr, resetCode, refr, m, events, regular,
                decl.span());
        return new Result(group, scope, vars, threshold != null);
    }

    private List<CustomEvent> customEvents(String g, List<GroupItem.Event> eventItems, List<GroupItem.OnEvent> onEventItems, boolean hasThreshold,
                                           Scope scope) {
        Map<String, GroupItem.Event> declared = new LinkedHashMap<>();
        Map<String, Expr> conditions = new LinkedHashMap<>();
        for (GroupItem.Event e : eventItems) {
            String name = e.name().text();
            Typed cond = expressions.check(e.condition(), scope);
            if (name.equals("spike")) {
                diagnostics.error(e.name().span(), "the event 'spike' is the group's threshold", "write its condition as threshold '...', or give this event another name");
                continue;
            }
            GroupItem.Event first = declared.putIfAbsent(name, e);
            if (first != null) {
                diagnostics.error(e.name().span(), "group " + g + " already has an event '" + name + "' (line " + first.span().line() + ")",
                        "keep one condition per event; combine conditions with 'or'");
                continue;
            }
            if (cond.invalid()) continue;
            if (!cond.isBoolean()) {
                diagnostics.error(e.condition().span(), "an event's condition must be a condition, but this is a number "
                        + (cond.dimension().isDimensionless() ? "without unit" : "in " + cond.dimension()), "compare it, e.g. 'v > -50*mV'");
                continue;
            }
            conditions.put(name, cond.expr());
        }
        Map<String, List<Assignment>> code = new LinkedHashMap<>();
        Map<String, GroupItem.OnEvent> codeItems = new LinkedHashMap<>();
        for (GroupItem.OnEvent on : onEventItems) {
            String name = on.event().text();
            if (!declared.containsKey(name)) {
                String help = name.equals("spike") ? (hasThreshold ? "code run on spikes is the group's reset: write it as reset '...'" : "add a threshold and a reset")
                        : Wording.didYouMean(name, declared.keySet(), "declare the event first, e.g. event " + name + " 'v > 10*mV'");
                diagnostics.error(on.event().span(), "group " + g + " has no event '" + name + "'", help);
                continue;
            }
            GroupItem.OnEvent first = codeItems.putIfAbsent(name, on);
            if (first != null) {
                diagnostics.error(on.span(), "event '" + name + "' already has code (line " + first.span().line() + ")", "put all its statements in one on_event string");
                continue;
            }
            List<Assignment> statements = new ArrayList<>();
            for (Statement st : on.code()) statement(st, scope, "on_event code").ifPresent(statements::add);
            code.put(name, statements);
        }
        List<CustomEvent> out = new ArrayList<>();
        for (Map.Entry<String, Expr> e : conditions.entrySet()) {
            out.add(new CustomEvent(e.getKey(), e.getValue(), code.getOrDefault(e.getKey(), List.of()), declared.get(e.getKey()).span()));
        }
        return out;
    }

    private Optional<RegularCode> regularCode(GroupItem.RunRegularly r, Scope scope) {
        List<Assignment> statements = new ArrayList<>();
        for (Statement st : r.code()) statement(st, scope, "run_regularly code").ifPresent(statements::add);
        Optional<Expr> every = Optional.empty();
        if (r.dt().isPresent()) {
            every = new TimeValue(diagnostics, expressions, fileScope).read(r.dt().get(), "the dt of run_regularly", true, "dt 10 ms");
            if (every.isEmpty()) return Optional.empty();
        }
        RegularCode.Slot when = RegularCode.Slot.START;
        if (r.when().isPresent()) {
            String slot = r.when().get().text();
            Optional<RegularCode.Slot> named = java.util.Arrays.stream(RegularCode.Slot.values()).filter(x -> x.brianName().equals(slot)).findFirst();
            if (named.isEmpty()) {
                List<String> slots = java.util.Arrays.stream(RegularCode.Slot.values()).map(RegularCode.Slot::brianName).toList();
                diagnostics.error(r.when().get().span(), "unknown scheduling slot '" + slot + "'",
                        Wording.didYouMean(slot, slots, "the slots are " + String.join(", ", slots)));
                return Optional.empty();
            }
            when = named.get();
        }
        return Optional.of(new RegularCode(statements, every, when, r.span()));
    }

    /** The checks particular to {@code dx/dt = ...}; false (reported) when the equation is malformed. */
    private boolean differential(Equation.Differential d, Optional<UnitSpecReader.UnitSpec> spec) {
        String name = d.variable().text();
        if (!d.dtName().text().equals("dt")) {
            String x = name.startsWith("d") && name.length() > 1 ? name.substring(1) : name;
            diagnostics.error(d.dtName().span(), "a differential equation must be with respect to time: 'd" + x + "/dt', not '" + name + "/"
                    + d.dtName().text() + "'", "write 'd" + x + "/dt = ...'");
            return false;
        }
        if (!name.startsWith("d") || name.length() < 2) {
            diagnostics.error(d.variable().span(), "the left side of a differential equation is written 'dx/dt', with 'd' before the variable's name",
                    "write 'd" + name + "/dt = ...'");
            return false;
        }
        if (spec.isPresent() && spec.get().type() != ValueType.DOUBLE) {
            diagnostics.error(d.unit().span(), "a differential equation needs a real-valued variable, not " + (spec.get().type() == ValueType.BOOL ? "a boolean" : "an integer"),
                    "give it a unit, e.g. ': volt', or ': 1' if it is dimensionless");
            return false;
        }
        return true;
    }

    private <T extends GroupItem> T once(T previous, T next, String what) {
        if (previous != null) duplicate(next.span(), what, previous.span());
        return previous == null ? next : previous;
    }

    private void duplicate(SourceSpan span, String what, SourceSpan first) {
        diagnostics.error(span, "this group already has " + (what.equals("equations") ? "equations" : "a " + what) + " (line " + first.line() + ")",
                what.equals("threshold") ? "keep one threshold; combine conditions with 'or', e.g. 'v > Vt or w > wt'"
                        : what.equals("equations") ? "put all equations in one equations string" : "keep one " + what);
    }

    private enum NameCheck { VALID, INVALID, DUPLICATE }

    private NameCheck validName(Equation eq, Map<String, SourceSpan> declared) {
        String name = eq.variable().text();
        String var = eq instanceof Equation.Differential && name.startsWith("d") && name.length() > 1 ? name.substring(1) : name;
        SourceSpan at = eq.variable().span();
        if (eq instanceof Equation.Differential && !var.equals(name)) {
            // Point at the variable's name, after the 'd'.
            at = new SourceSpan(at.file(), at.line(), at.column() + 1, at.length() - 1);
        }
        if (RESERVED.containsKey(var)) {
            diagnostics.error(at, "'" + var + "' cannot be a variable's name: Brian2 reserves it for " + RESERVED.get(var),
                    "choose another name, e.g. '" + var + "_'");
            return NameCheck.INVALID;
        }
        if (var.startsWith("_")) {
            diagnostics.error(at, "names starting with '_' are reserved for generated code", "choose a name that starts with a letter");
            return NameCheck.INVALID;
        }
        if (Function.byName(var).isPresent()) {
            diagnostics.error(at, "'" + var + "' cannot be a variable's name: it is the name of a function", "choose another name, e.g. '" + var + "_'");
            return NameCheck.INVALID;
        }
        if (fileScope.builtin(var).isPresent()) {
            diagnostics.error(at, "'" + var + "' cannot be a variable's name: it is the name of a unit or mathematical constant",
                    "choose another name, e.g. '" + var + "_'");
            return NameCheck.INVALID;
        }
        SourceSpan first = declared.putIfAbsent(var, eq.span());
        if (first != null) {
            diagnostics.error(at, "'" + var + "' is already defined on line " + first.line(), "keep one definition of " + var);
            return NameCheck.DUPLICATE;
        }
        return NameCheck.VALID;
    }

    private Set<String> flags(Equation eq) {
        Set<String> allowed = eq instanceof Equation.Differential ? DIFF_FLAGS : eq instanceof Equation.Parameter ? PARAM_FLAGS : SUBEXPR_FLAGS;
        String kind = eq instanceof Equation.Differential ? "a differential equation" : eq instanceof Equation.Parameter ? "a parameter" : "a subexpression";
        String allowedText = allowed.size() == 1 ? "the only flag allowed on " + kind + " is (" + allowed.iterator().next() + ")"
                : "flags allowed on " + kind + ": " + String.join(", ", sorted(allowed).stream().map(f -> "(" + f + ")").toList());
        Set<String> out = new HashSet<>();
        for (Flag f : eq.flags()) {
            boolean known = DIFF_FLAGS.contains(f.text()) || PARAM_FLAGS.contains(f.text()) || SUBEXPR_FLAGS.contains(f.text());
            if (!known) {
                Set<String> all = new HashSet<>(DIFF_FLAGS);
                all.addAll(PARAM_FLAGS);
                all.addAll(SUBEXPR_FLAGS);
                Optional<String> near = Wording.closest(f.text(), allowed).or(() -> Wording.closest(f.text(), all));
                diagnostics.error(f.span(), "unknown flag '" + f.text() + "'",
                        near.map(n -> "did you mean '" + n + "'? " + capitalized(allowedText)).orElse(allowedText));
            } else if (!allowed.contains(f.text())) {
                diagnostics.error(f.span(), "the flag '" + f.text() + "' is not allowed on " + kind, allowedText);
            } else if (!out.add(f.text())) {
                diagnostics.error(f.span(), "the flag '" + f.text() + "' is given twice", "remove one");
            }
        }
        return out;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** A statement of per-neuron code (reset): {@code x = e}, {@code x += e}, ... */
    Optional<Assignment> statement(Statement st, Scope scope, String where) {
        return write(st, scope, where, "a variable of this group").map(w -> new Assignment(w.target().name(), w.value()));
    }

    /**
     * A statement of code that writes a variable resolved in {@code scope} (per-neuron or
     * per-synapse code); the target keeps its kind (array, pre, post). {@code owner} says in the
     * message what the target should have been, e.g. "a variable of this group".
     */
    Optional<SynapticWrite> write(Statement st, Scope scope, String where, String owner) {
        String name = st.target().text();
        Optional<Symbol.Value> target = scope.resolve(name);
        Typed value = expressions.check(st.value(), scope);
        if (target.isEmpty()) {
            Optional<String> near = Wording.closest(name, scope.declaredNames());
            String unit = value.invalid() || value.isBoolean() ? "volt" : value.dimension().toString();
            diagnostics.error(st.target().span(), "the " + where + " assigns to '" + name + "', which is not " + owner,
                    near.map(n -> "did you mean '" + n + "'?").orElse("declare it in the equations, e.g. '" + name + " : " + unit + "'"));
            return Optional.empty();
        }
        Symbol.Value sym = target.get();
        if (sym.isBroken()) return Optional.empty();
        if (!writable(sym, st.target().span(), name)) return Optional.empty();
        if (sym.expr() instanceof Expr.Var v && v.kind() == VarKind.SHARED) {
            boolean perNeuron = !where.startsWith("on_pre") && !where.startsWith("on_post");
            String each = where.equals("reset") ? "neuron that spikes" : where.equals("on_event code") ? "neuron that has the event"
                    : perNeuron ? "neuron" : "synapse that receives an event";
            diagnostics.error(st.target().span(), "the " + where + " runs once for every " + each
                            + ", so it cannot write the shared variable '" + name + "'",
                    "make '" + name + "' a " + (perNeuron ? "per-neuron" : "per-synapse") + " variable (remove (shared)), or set it between runs with '"
                            + owner(sym, perNeuron ? "G" : "S") + "." + name + " = ...'");
            return Optional.empty();
        }
        if (value.invalid()) return Optional.empty();
        Expr.Var current = (Expr.Var) sym.expr();
        Expr result;
        switch (st.op()) {
            case "=" -> {
                if (!value.dimension().equals(sym.dimension())) {
                    unitMismatch(st, name, sym.dimension(), value.dimension());
                    return Optional.empty();
                }
                result = value.expr();
            }
            case "+=", "-=" -> {
                if (!value.dimension().equals(sym.dimension())) {
                    unitMismatch(st, name, sym.dimension(), value.dimension());
                    return Optional.empty();
                }
                result = new Expr.Binary(st.op().equals("+=") ? Op.ADD : Op.SUB, current, value.expr());
            }
            default -> {
                if (!value.dimension().isDimensionless()) {
                    diagnostics.error(st.value().span(), "'" + st.op() + "' needs a dimensionless factor, but this is in " + value.dimension(),
                            "scale by a plain number, e.g. '" + name + " " + st.op() + " 0.5', or assign with '" + name + " = ...'");
                    return Optional.empty();
                }
                result = new Expr.Binary(st.op().equals("*=") ? Op.MUL : Op.DIV, current, value.expr());
            }
        }
        return Optional.of(new SynapticWrite(current, result));
    }

    private void unitMismatch(Statement st, String name, Dimension target, Dimension value) {
        diagnostics.error(st.value().span(), "'" + name + "' " + Wording.is(target) + " but this value " + Wording.is(value),
                target.isDimensionless() ? "give a plain number, or divide by a unit, e.g. '" + name + " " + st.op() + " 0.5'"
                        : "give the value in " + target + ", e.g. '" + name + " " + st.op() + " " + Wording.example("0.5", target) + "'");
    }

    /** The group or synapses a variable belongs to, for examples in messages. */
    private static String owner(Symbol.Value sym, String otherwise) {
        return sym.expr() instanceof Expr.Var v && !v.owner().isEmpty() ? v.owner() : otherwise;
    }

    /** Whether per-neuron code may write {@code name}; reports why not. */
    boolean writable(Symbol.Value sym, SourceSpan at, String name) {
        String why = switch (sym.kind()) {
            case STATE_VARIABLE, PARAMETER -> null;
            case CONSTANT_PARAMETER -> "it is a parameter marked (constant)";
            case SUBEXPRESSION -> "it is a subexpression, computed from other variables";
            case MODEL_CONST -> "it is a const, fixed when the model is compiled";
            case MODEL_PARAM -> "it is a param, the same for the whole model";
            case BUILTIN_VARIABLE -> "it is set by the refractoriness mechanism";
            case SYNAPTIC_BUILTIN -> "it is maintained by the synapses";
            default -> "it is " + sym.kind().describe();
        };
        if (why == null) return true;
        String help = switch (sym.kind()) {
            case CONSTANT_PARAMETER -> "remove the (constant) flag, or set it between runs with '" + owner(sym, "G") + "." + name + " = ...'";
            case SUBEXPRESSION -> "assign to the variables it is computed from";
            case MODEL_CONST, MODEL_PARAM -> "to change it per neuron, declare it in the group's equations instead, e.g. '" + name + " : "
                    + (sym.dimension() == null ? "volt" : sym.dimension()) + "'";
            default -> "only the group's state variables and parameters can be assigned";
        };
        diagnostics.error(at, "cannot assign to '" + name + "': " + why, help);
        return false;
    }

    private Refractory refractory(GroupItem.Refractory r, Scope scope) {
        Typed value = expressions.check(r.value(), r.quoted() ? scope : fileScope);
        if (value.invalid()) return new Refractory.None();
        if (value.isBoolean()) return new Refractory.Condition(value.expr());
        if (!value.dimension().equals(Scope.SECOND)) {
            diagnostics.error(r.value().span(), "refractory must be a duration or a condition, but this is a number "
                            + (value.dimension().isDimensionless() ? "without unit" : "in " + value.dimension()),
                    "write a time like 'refractory 5 ms', or a condition like refractory 'v > -40*mV'");
            return new Refractory.None();
        }
        return new Refractory.Duration(value.expr());
    }

    /**
     * The method's name is checked here, so that a wrong one is reported with the model's other
     * errors; whether the method suits the equations is decided when lowering applies it.
     */
    private Method method(GroupItem.Method m) {
        String name = m.name().text();
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (!Method.NAMES.contains(key)) {
            String valid = "the methods are exact (also called linear), euler, rk2, rk4, heun, milstein and exponential_euler; leave 'method' out for Brian2's automatic choice";
            if (Method.BRIAN2_ONLY.contains(key)) {
                diagnostics.error(m.name().span(), "Brian2's integration method '" + name + "' is not supported by Myelin", valid);
            } else {
                diagnostics.error(m.name().span(), "unknown integration method '" + name + "'",
                        Wording.closest(name, Method.NAMES).map(n -> "did you mean '" + n + "'? T" + valid.substring(1)).orElse(valid));
            }
        }
        return new Method(name, m.name().span());
    }

    /** Resolves subexpressions lazily, inlining their dependencies and detecting cycles. */
    private final class SubexpressionResolver {
        private final Map<String, Equation.Subexpression> decls;
        /** The declared unit of each; null when the unit itself was wrong (and reported). */
        private final Map<String, UnitSpecReader.UnitSpec> units;
        private final Set<String> constantOverDt;
        private final Map<String, Symbol.Value> done = new LinkedHashMap<>();
        private final List<Subexpression> inOrder = new ArrayList<>();
        private final Set<String> inProgress = new LinkedHashSet<>();
        private final Set<String> failed = new HashSet<>();
        private final String groupName;
        Scope scope;

        SubexpressionResolver(String groupName, Map<String, Equation.Subexpression> decls, Map<String, UnitSpecReader.UnitSpec> units, Set<String> constantOverDt) {
            this.groupName = groupName;
            this.decls = decls;
            this.units = units;
            this.constantOverDt = constantOverDt;
        }

        Optional<Symbol.Value> resolve(String name) {
            if (done.containsKey(name)) return Optional.of(done.get(name));
            Equation.Subexpression decl = decls.get(name);
            if (decl == null) return Optional.empty();
            if (failed.contains(name)) return Optional.of(invalid(name, decl));
            if (!inProgress.add(name)) {
                List<String> path = new ArrayList<>(inProgress);
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
                cycle.add(name);
                if (cycle.size() == 2) {
                    diagnostics.error(decl.variable().span(), "subexpression '" + name + "' is defined in terms of itself",
                            "a subexpression cannot use its own value; for a variable that changes over time, write a differential equation 'd" + name + "/dt = ...'");
                } else {
                    for (String member : cycle) failed.add(member);
                    diagnostics.error(decl.variable().span(), "subexpression '" + name + "' is defined in terms of itself, through " + String.join(" -> ", cycle),
                            "break the cycle: define one of " + String.join(", ", cycle.subList(0, cycle.size() - 1)) + " without the others");
                }
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            Typed value = expressions.check(decl.rhs(), scope);
            inProgress.remove(name);
            UnitSpecReader.UnitSpec unit = units.get(name);
            if (value.invalid() || unit == null || failed.contains(name)) {
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            Dimension declared = unit.dimension();
            boolean declaredBoolean = unit.type() == ValueType.BOOL;
            if (value.isBoolean() != declaredBoolean) {
                diagnostics.error(decl.rhs().span(), declaredBoolean
                                ? "subexpression '" + name + "' is declared boolean but its value is a number " + (value.dimension().isDimensionless() ? "without unit" : "in " + value.dimension())
                                : "subexpression '" + name + "' is a condition, but it is declared " + (declared.isDimensionless() ? "as a number" : "in " + declared),
                        declaredBoolean ? "write a condition, e.g. 'v > -50*mV', or declare the unit of the value" : "declare it ': boolean'");
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            if (!value.dimension().equals(declared)) {
                diagnostics.error(decl.rhs().span(), "subexpression '" + name + "' is declared " + (declared.isDimensionless() ? "dimensionless" : "in " + declared)
                                + " but its value " + Wording.is(value.dimension()),
                        "make the unit after ':' (" + declared + ") and the expression agree");
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            if (!constantOverDt.contains(name) && dev.myelin.compiler.expr.RandomCalls.in(value.expr())) {
                diagnostics.error(decl.rhs().span(), "subexpression '" + name + "' calls rand() or randn(), so its value would change each time it is used",
                        "add the flag (constant over dt) to draw it once per time step, as Brian2 requires");
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            // A (constant over dt) subexpression is stored once per step, as Brian2 does, so uses read the stored value.
            Expr use = constantOverDt.contains(name) ? new Expr.Var(name, VarKind.ARRAY, ValueType.DOUBLE, groupName) : value.expr();
            Symbol.Value sym = new Symbol.Value(use, declared, Symbol.Kind.SUBEXPRESSION, decl.span());
            done.put(name, sym);
            inOrder.add(new Subexpression(name, value.expr(), declared, constantOverDt.contains(name), decl.span()));
            return Optional.of(sym);
        }

        /** A stand-in so that uses of a broken subexpression do not report again. */
        private Symbol.Value invalid(String name, Equation.Subexpression decl) {
            return new Symbol.Value(Expr.num(Double.NaN), null, Symbol.Kind.SUBEXPRESSION, decl.span());
        }

        List<Subexpression> resolvedInOrder() {
            return inOrder;
        }
    }

}
