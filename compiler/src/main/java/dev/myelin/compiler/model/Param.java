package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.runtime.units.Dimension;

import java.util.Optional;

/**
 * A {@code param}: its default (SI) and dimension; the run-time value may come from {@code --set}.
 * A derived param ({@code param n_inh = n_exc/4}) has its default computed at run time from the
 * params above it ({@code derivedFrom}); {@code defaultValue} is then NaN.
 */
public record Param(String name, double defaultValue, Dimension dimension, ValueType type, Optional<Expr> derivedFrom) {

    public static Param constant(String name, double value, Dimension dimension, ValueType type) {
        return new Param(name, value, dimension, type, Optional.empty());
    }
}
