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
import dev.myelin.compiler.model.DiffEquation;
import dev.myelin.compiler.model.Method;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Refractory;
import dev.myelin.compiler.model.Subexpression;
import dev.myelin.compiler.model.Variable;
import dev.myelin.runtime.units.Dimension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks one {@code neurons} block: its equations, flags, threshold, reset, refractoriness and method. */
final class GroupChecker {

    private static final Set<String> RESERVED = Set.of("t", "dt", "xi", "i", "N", "lastspike", "not_refractory",
            "refractory", "refractory_until", "True", "False");
    private static final Set<String> DIFF_FLAGS = Set.of("unless refractory");
    private static final Set<String> PARAM_FLAGS = Set.of("constant", "shared");
    private static final Set<String> SUBEXPR_FLAGS = Set.of("shared", "constant over dt");

    /** The checked group, and the scope in which its per-neuron code (inits, assignments) is resolved. */
    record Result(NeuronGroup group, Scope scope, Map<String, Symbol.Value> variables) {
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
        for (GroupItem item : decl.items()) {
            if (item instanceof GroupItem.Equations e) {
                    if (!equations.isEmpty()) duplicate(item.span(), "equations");
                    equations.addAll(e.equations());
            } else if (item instanceof GroupItem.Threshold t) {
                threshold = once(threshold, t, "threshold");
            } else if (item instanceof GroupItem.Reset r) {
                reset = once(reset, r, "reset");
            } else if (item instanceof GroupItem.Refractory r) {
                refractory = once(refractory, r, "refractory");
            } else if (item instanceof GroupItem.Method m) {
                method = once(method, m, "method");
            }
        }
        // Init items are checked by the caller, once the group's scope exists.

        // 1. Declarations: names, units, flags.
        Map<String, Symbol.Value> vars = new LinkedHashMap<>();
        List<Variable> variables = new ArrayList<>();
        Map<String, Equation.Subexpression> subexpressionDecls = new LinkedHashMap<>();
        Map<String, Dimension> subexpressionDims = new LinkedHashMap<>();
        Set<String> constantOverDt = new HashSet<>();
        Set<String> unlessRefractory = new HashSet<>();
        Set<String> declared = new HashSet<>();
        for (Equation eq : equations) {
            String name = eq.variable().text();
            if (!validName(eq, declared)) continue;
            Optional<UnitSpecReader.UnitSpec> spec = unitSpecs.read(eq.unit());
            Set<String> flags = flags(eq);
            if (spec.isEmpty()) continue;
            Dimension dim = spec.get().dimension();
            ValueType type = spec.get().type();
            if (eq instanceof Equation.Differential d) {
                if (!d.dtName().text().equals("dt")) {
                    diagnostics.error(d.dtName().span(), "a differential equation must be with respect to time: 'd" + name.substring(1) + "/dt', not 'd"
                            + name.substring(1) + "/" + d.dtName().text() + "'", "write 'd" + name.substring(1) + "/dt = ...'");
                    continue;
                }
                if (!name.startsWith("d") || name.length() < 2) {
                    diagnostics.error(d.variable().span(), "the left side of a differential equation is written 'dx/dt'", "write 'd" + name + "/dt = ...'");
                    continue;
                }
                if (type != ValueType.DOUBLE) {
                    diagnostics.error(eq.unit().span(), "a differential equation needs a real-valued variable, not " + (type == ValueType.BOOL ? "boolean" : "integer"),
                            "give it a unit, e.g. ': volt' or ': 1'");
                    continue;
                }
                String var = name.substring(1);
                if (flags.contains("unless refractory")) unlessRefractory.add(var);
                variables.add(new Variable(var, dim, type, Variable.Role.STATE, false, false, d.span()));
                vars.put(var, new Symbol.Value(new Expr.Var(var, VarKind.ARRAY, type, g), dim, Symbol.Kind.STATE_VARIABLE, d.span()));
            } else if (eq instanceof Equation.Parameter p) {
                boolean shared = flags.contains("shared");
                boolean constant = flags.contains("constant");
                variables.add(new Variable(name, dim, type, Variable.Role.PARAMETER, shared, constant, p.span()));
                vars.put(name, new Symbol.Value(new Expr.Var(name, shared ? VarKind.SHARED : VarKind.ARRAY, type, g), dim,
                        constant ? Symbol.Kind.CONSTANT_PARAMETER : Symbol.Kind.PARAMETER, p.span()));
            } else if (eq instanceof Equation.Subexpression s) {
                subexpressionDecls.put(name, s);
                subexpressionDims.put(name, dim);
                if (flags.contains("constant over dt")) constantOverDt.add(name);
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
            diagnostics.warning(decl.name().span(), "equations use the flag (unless refractory) but group " + g + " has no refractory period",
                    "add e.g. 'refractory 5 ms', or remove the flag");
        }

        // 3. Subexpressions, resolved on first use so they may refer to each other in any order.
        SubexpressionResolver subs = new SubexpressionResolver(g, subexpressionDecls, subexpressionDims, constantOverDt);
        Scope scope = fileScope.forGroup(g, vars, subs::resolve);
        subs.scope = scope;
        for (String name : subexpressionDecls.keySet()) subs.resolve(name);

        // 4. Differential equations: right-hand side in the unit of the variable per second.
        List<DiffEquation> diffs = new ArrayList<>();
        for (Equation eq : equations) {
            if (!(eq instanceof Equation.Differential d) || !vars.containsKey(d.variable().text().substring(1))) continue;
            String var = d.variable().text().substring(1);
            Typed rhs = expressions.check(d.rhs(), scope);
            if (rhs.invalid()) continue;
            if (rhs.isBoolean()) {
                diagnostics.error(d.rhs().span(), "the right-hand side of a differential equation must be a number, not a condition", "");
                continue;
            }
            Dimension expected = vars.get(var).dimension().divide(Scope.SECOND);
            if (!rhs.dimension().equals(expected)) {
                diagnostics.error(d.rhs().span(), "the two sides of this equation have different units: d" + var + "/dt is in "
                        + expected + ", the right-hand side in " + rhs.dimension(),
                        "check the unit after ':' (" + vars.get(var).dimension() + ") and that the right-hand side divides by a time constant");
                continue;
            }
            diffs.add(new DiffEquation(var, rhs.expr(), unlessRefractory.contains(var), d.span()));
        }

        // 5. Threshold, reset, refractoriness, method.
        Optional<Expr> thresholdExpr = Optional.empty();
        if (threshold != null) {
            Typed cond = expressions.check(threshold.condition(), scope);
            if (!cond.invalid() && !cond.isBoolean()) {
                diagnostics.error(threshold.condition().span(), "a threshold must be a condition, but this is a number in " + cond.dimension(),
                        "compare it, e.g. 'v > -50*mV'");
            } else if (!cond.invalid()) {
                thresholdExpr = Optional.of(cond.expr());
            }
        }
        List<Assignment> resetCode = new ArrayList<>();
        if (reset != null) {
            if (threshold == null) {
                diagnostics.error(reset.span(), "group " + g + " has a reset but no threshold, so the reset would never run",
                        "add a threshold, e.g. threshold 'v > -50*mV'");
            }
            for (Statement st : reset.statements()) statement(st, scope, "reset").ifPresent(resetCode::add);
        }
        Refractory refr = refractory == null ? new Refractory.None() : refractory(refractory, scope);
        Method m = method == null ? new Method("", decl.name().span()) : method(method);

        NeuronGroup group = new NeuronGroup(g, size, variables, subs.resolvedInOrder(), diffs, thresholdExpr, resetCode, refr, m, decl.span());
        return new Result(group, scope, vars);
    }


    private <T extends GroupItem> T once(T previous, T next, String what) {
        if (previous != null) duplicate(next.span(), what);
        return previous == null ? next : previous;
    }

    private void duplicate(SourceSpan span, String what) {
        diagnostics.error(span, "this group already has a " + what, "merge them into one " + what + " entry");
    }

    private boolean validName(Equation eq, Set<String> declared) {
        String name = eq.variable().text();
        String var = eq instanceof Equation.Differential && name.startsWith("d") ? name.substring(1) : name;
        SourceSpan at = eq.variable().span();
        if (RESERVED.contains(var)) {
            diagnostics.error(at, "'" + var + "' is a reserved name in Brian2 equations", "rename the variable");
            return false;
        }
        if (var.startsWith("_")) {
            diagnostics.error(at, "names starting with '_' are reserved for generated code", "rename the variable");
            return false;
        }
        if (Function.byName(var).isPresent()) {
            diagnostics.error(at, "'" + var + "' is the name of a function", "rename the variable");
            return false;
        }
        if (fileScope.builtin(var).isPresent()) {
            diagnostics.error(at, "'" + var + "' is already the name of a unit or constant", "rename the variable, e.g. '" + var + "_'");
            return false;
        }
        if (!declared.add(var)) {
            diagnostics.error(at, "'" + var + "' is defined twice in these equations", "keep one definition");
            return false;
        }
        return true;
    }

    private Set<String> flags(Equation eq) {
        Set<String> allowed = eq instanceof Equation.Differential ? DIFF_FLAGS : eq instanceof Equation.Parameter ? PARAM_FLAGS : SUBEXPR_FLAGS;
        String kind = eq instanceof Equation.Differential ? "a differential equation" : eq instanceof Equation.Parameter ? "a parameter" : "a subexpression";
        Set<String> out = new HashSet<>();
        for (Flag f : eq.flags()) {
            boolean known = DIFF_FLAGS.contains(f.text()) || PARAM_FLAGS.contains(f.text()) || SUBEXPR_FLAGS.contains(f.text());
            if (!known) {
                diagnostics.error(f.span(), "unknown flag '" + f.text() + "'", "flags allowed on " + kind + ": " + String.join(", ", sorted(allowed)));
            } else if (!allowed.contains(f.text())) {
                diagnostics.error(f.span(), "the flag '" + f.text() + "' is not allowed on " + kind, "flags allowed on " + kind + ": " + String.join(", ", sorted(allowed)));
            } else {
                out.add(f.text());
            }
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** A statement of per-neuron code (reset): {@code x = e}, {@code x += e}, ... */
    Optional<Assignment> statement(Statement st, Scope scope, String where) {
        String name = st.target().text();
        Optional<Symbol.Value> target = scope.resolve(name);
        Typed value = expressions.check(st.value(), scope);
        if (target.isEmpty()) {
            diagnostics.error(st.target().span(), where + " assigns to '" + name + "', which is not a variable of this group",
                    "declare it in the equations, e.g. '" + name + " : volt'");
            return Optional.empty();
        }
        Symbol.Value sym = target.get();
        if (!writable(sym, st.target().span(), name)) return Optional.empty();
        if (value.invalid()) return Optional.empty();
        Expr current = sym.expr();
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
                            "scaling a variable must keep its unit");
                    return Optional.empty();
                }
                result = new Expr.Binary(st.op().equals("*=") ? Op.MUL : Op.DIV, current, value.expr());
            }
        }
        return Optional.of(new Assignment(name, result));
    }

    private void unitMismatch(Statement st, String name, Dimension target, Dimension value) {
        diagnostics.error(st.value().span(), "'" + name + "' is in " + target + " but this value is in " + value,
                "give the value in " + target + ", e.g. multiply by a unit");
    }

    /** Whether per-neuron code may write {@code name}; reports why not. */
    boolean writable(Symbol.Value sym, SourceSpan at, String name) {
        String why = switch (sym.kind()) {
            case STATE_VARIABLE, PARAMETER -> null;
            case CONSTANT_PARAMETER -> "it is a constant parameter";
            case SUBEXPRESSION -> "it is a subexpression, computed from other variables";
            default -> "it is " + sym.kind().describe();
        };
        if (why == null) return true;
        String help = switch (sym.kind()) {
            case CONSTANT_PARAMETER -> "remove the (constant) flag, or set it between runs with 'G." + name + " = ...'";
            case SUBEXPRESSION -> "assign to the variables it is computed from";
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
            diagnostics.error(r.value().span(), "refractory must be a duration or a condition, but this is in " + value.dimension(),
                    "write a time like 'refractory 5 ms', or a condition like refractory 'v > -40*mV'");
            return new Refractory.None();
        }
        return new Refractory.Duration(value.expr());
    }

    /** The method name is validated when lowering applies it, where the integrators are known. */
    private static Method method(GroupItem.Method m) {
        return new Method(m.name().text(), m.name().span());
    }

    /** Resolves subexpressions lazily, inlining their dependencies and detecting cycles. */
    private final class SubexpressionResolver {
        private final Map<String, Equation.Subexpression> decls;
        private final Map<String, Dimension> dims;
        private final Set<String> constantOverDt;
        private final Map<String, Symbol.Value> done = new LinkedHashMap<>();
        private final List<Subexpression> inOrder = new ArrayList<>();
        private final Set<String> inProgress = new HashSet<>();
        private final Set<String> failed = new HashSet<>();
        private final String groupName;
        Scope scope;

        SubexpressionResolver(String groupName, Map<String, Equation.Subexpression> decls, Map<String, Dimension> dims, Set<String> constantOverDt) {
            this.groupName = groupName;
            this.decls = decls;
            this.dims = dims;
            this.constantOverDt = constantOverDt;
        }

        Optional<Symbol.Value> resolve(String name) {
            if (done.containsKey(name)) return Optional.of(done.get(name));
            Equation.Subexpression decl = decls.get(name);
            if (decl == null) return Optional.empty();
            if (failed.contains(name)) return Optional.of(invalid(name, decl));
            if (!inProgress.add(name)) {
                diagnostics.error(decl.variable().span(), "subexpression '" + name + "' is defined in terms of itself", "break the cycle between the subexpressions");
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            Typed value = expressions.check(decl.rhs(), scope);
            inProgress.remove(name);
            if (value.invalid()) {
                failed.add(name);
                return Optional.of(invalid(name, decl));
            }
            Dimension declared = dims.get(name);
            if (!value.dimension().equals(declared) && !value.isBoolean()) {
                diagnostics.error(decl.rhs().span(), "subexpression '" + name + "' is declared in " + declared + " but its value is in " + value.dimension(),
                        "fix the unit after ':' or the expression");
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
