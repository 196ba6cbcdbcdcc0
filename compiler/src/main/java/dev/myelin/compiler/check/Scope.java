package dev.myelin.compiler.check;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.runtime.units.Dimension;
import dev.myelin.runtime.units.Unit;
import dev.myelin.runtime.units.UnitTable;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Name resolution, in Brian2's order: the group's own variables (and subexpressions), then the
 * file's consts and params, then units and mathematical constants.
 */
final class Scope {

    static final Dimension SECOND = Dimension.SECOND;
    static final Dimension NOISE_DIMENSION = SECOND.power(-0.5).orElseThrow();

    private final Map<String, Symbol.Value> model;
    private final UnitTable units;
    private final Map<String, Symbol.Value> group;
    /** Resolves a group's subexpression on first use (so they may be declared in any order). */
    private final Function<String, Optional<Symbol.Value>> lazy;
    /** The names {@code lazy} knows, for suggestions. */
    private final Set<String> lazyNames;

    /** The model's timed arrays by name (shared by every scope of a model, filled as they are declared). */
    private final Map<String, dev.myelin.compiler.model.TimedArray> tables;
    /** True in the right-hand side of a differential equation, the only place noise terms may appear. */
    private final boolean noise;

    private Scope(Map<String, Symbol.Value> model, UnitTable units, Map<String, dev.myelin.compiler.model.TimedArray> tables,
                  Map<String, Symbol.Value> group, Function<String, Optional<Symbol.Value>> lazy, Set<String> lazyNames, boolean noise) {
        this.model = model;
        this.tables = tables;
        this.units = units;
        this.group = group;
        this.lazy = lazy;
        this.lazyNames = lazyNames;
        this.noise = noise;
    }

    /** The same scope where {@code xi} and {@code xi_*} are Brian2's noise terms (in second**-0.5). */
    Scope withNoise() {
        return new Scope(model, units, tables, group, lazy, lazyNames, true);
    }

    /** Brian2 reserves {@code xi} and every name starting with {@code xi_} for independent noise terms. */
    static boolean isNoiseName(String name) {
        return name.equals("xi") || name.startsWith("xi_");
    }

    /** The file level: consts, params, units. */
    static Scope fileLevel(Map<String, Symbol.Value> model, UnitTable units, Map<String, dev.myelin.compiler.model.TimedArray> tables) {
        return new Scope(model, units, tables, Map.of(), name -> Optional.empty(), Set.of(), false);
    }

    /** A timed array called by name in code, e.g. {@code stim(t)}. */
    Optional<dev.myelin.compiler.model.TimedArray> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * A group: its variables plus {@code i}, {@code N}, {@code t}, {@code dt}, over the file level.
     * A variable declared under one of those reserved names has already been reported, and its
     * stand-in (see {@link Symbol.Value#broken}) hides the built-in so uses are not reported again.
     */
    Scope forGroup(String groupName, Map<String, Symbol.Value> variables, Function<String, Optional<Symbol.Value>> subexpressions,
                   Set<String> subexpressionNames) {
        Map<String, Symbol.Value> names = new LinkedHashMap<>(variables);
        names.putIfAbsent("i", new Symbol.Value(new Expr.Var("i", VarKind.INDEX, ValueType.INT, groupName), Dimension.DIMENSIONLESS, Symbol.Kind.INDEX, null));
        names.putIfAbsent("N", new Symbol.Value(new Expr.Var("N", VarKind.SIZE, ValueType.INT, groupName), Dimension.DIMENSIONLESS, Symbol.Kind.SIZE, null));
        names.putIfAbsent("t", new Symbol.Value(new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, ""), SECOND, Symbol.Kind.TIME, null));
        return new Scope(model, units, tables, names, subexpressions, subexpressionNames, false);
    }

    boolean isGroupScope() {
        return !group.isEmpty();
    }

    Optional<Symbol.Value> resolve(String name) {
        Symbol.Value own = group.get(name);
        if (own != null) return Optional.of(own);
        Optional<Symbol.Value> sub = lazy.apply(name);
        if (sub.isPresent()) return sub;
        if (name.equals("dt")) return Optional.of(new Symbol.Value(new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, ""), SECOND, Symbol.Kind.TIME, null));
        Symbol.Value declared = model.get(name);
        if (declared != null) return Optional.of(declared);
        if (noise && isNoiseName(name)) {
            return Optional.of(new Symbol.Value(new Expr.Var(name, VarKind.NOISE, ValueType.DOUBLE, ""), NOISE_DIMENSION, Symbol.Kind.NOISE, null));
        }
        return builtin(name);
    }

    Optional<Symbol.Value> builtin(String name) {
        switch (name) {
            case "pi": return Optional.of(math(Math.PI));
            case "e": return Optional.of(math(Math.E));
            case "inf": return Optional.of(math(Double.POSITIVE_INFINITY));
            default:
        }
        Optional<Unit> unit = units.lookup(name);
        return unit.map(u -> new Symbol.Value(Expr.num(u.scale()), u.dimension(), Symbol.Kind.UNIT, null));
    }

    private static Symbol.Value math(double value) {
        return new Symbol.Value(Expr.num(value), Dimension.DIMENSIONLESS, Symbol.Kind.MATH_CONSTANT, null);
    }

    Optional<Unit> unit(String name) {
        return units.lookup(name);
    }

    /** Every unit name, for suggestions. */
    Set<String> unitNames() {
        return units.names();
    }

    /** The names declared in the model that are visible here (not units), for suggestions. */
    Set<String> declaredNames() {
        Set<String> out = new LinkedHashSet<>(group.keySet());
        out.addAll(lazyNames);
        out.addAll(model.keySet());
        return out;
    }
}
