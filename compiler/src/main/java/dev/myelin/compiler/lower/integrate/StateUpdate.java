package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Evaluator;
import dev.myelin.compiler.expr.Expr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One integration step as straight-line code, in Brian2's shape: compute the {@code steps} in
 * order (each local may read state variables, parameters, {@code t}, {@code dt} and earlier
 * locals), then perform the {@code writes}. Every step reads the OLD state values; the writes only
 * copy locals into state variables ({@code v = _v}), so their order does not matter.
 *
 * <p>Local names: {@code _v} holds the new value of state variable {@code v}; helper locals start
 * with two underscores ({@code __k1_v}, {@code __BA_v}, {@code __z1}). As user names cannot start
 * with an underscore (Brian2's rule), neither kind can collide with a user variable or with each
 * other.
 */
public record StateUpdate(List<Assignment> steps, List<Write> writes) {

    /** {@code state = value}, where {@code value} is a local computed by the steps. */
    public record Write(Expr.Var state, Expr.Var value) {
    }

    public StateUpdate {
        steps = List.copyOf(steps);
        writes = List.copyOf(writes);
    }

    /** The new value of each state variable, by name: the local that holds it. */
    public Map<String, Expr> newValues() {
        Map<String, Expr> values = new LinkedHashMap<>();
        for (Write w : writes) {
            values.put(w.state().name(), w.value());
        }
        return values;
    }

    /**
     * Runs the step numerically with the {@link Evaluator}: {@code values} gives every variable
     * the update reads by name; returns the new state values by name.
     */
    public Map<String, Double> apply(Map<String, Double> values) {
        Map<String, Double> scope = new HashMap<>(values);
        for (Assignment a : steps) {
            scope.put(a.localName(), Evaluator.evaluate(a.value(), scope));
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (Write w : writes) {
            result.put(w.state().name(), scope.get(w.value().name()));
        }
        return result;
    }
}
