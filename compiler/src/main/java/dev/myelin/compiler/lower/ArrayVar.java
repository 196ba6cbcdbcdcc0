package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.ValueType;

/** A per-neuron array the generated class allocates, with the value every element starts at. */
public record ArrayVar(String name, ValueType type, double initial) {
}
