package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.ValueType;
import dev.myelin.runtime.units.Dimension;

/**
 * A variable of the experiment protocol ({@code perElement}: a sample's features, one value per
 * element, read by per-neuron code as {@code sample.pixels}) ({@code intensity = 2}, a loop's {@code k}): one value,
 * changed between runs, readable by protocol expressions and by the model's code (read when used,
 * as Brian2 reads external constants at each run).
 */
public record ProtocolVariable(String name, ValueType type, Dimension dimension, boolean perElement) {

    /** A variable with one value. */
    public ProtocolVariable(String name, ValueType type, Dimension dimension) {
        this(name, type, dimension, false);
    }
}
