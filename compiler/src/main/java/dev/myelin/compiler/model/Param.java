package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.ValueType;
import dev.myelin.runtime.units.Dimension;

/** A {@code param}: its default (SI) and dimension; the run-time value may come from {@code --set}. */
public record Param(String name, double defaultValue, Dimension dimension, ValueType type) {
}
