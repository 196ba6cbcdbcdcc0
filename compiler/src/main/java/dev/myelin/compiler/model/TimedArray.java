package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.runtime.units.Dimension;

import java.util.List;
import java.util.Optional;

/**
 * Brian2's TimedArray: values on a time grid of step {@code dt} (seconds, an expression of params),
 * called as {@code name(t)} (1-D) or {@code name(t, i)} (2-D, one column per neuron). Values are
 * inline (SI, already scaled) or read from an NPY file when the model runs and multiplied by {@code scale}.
 */
public record TimedArray(String name, int index, Dimension dimension, boolean twoDimensional, Optional<List<Double>> values,
                         Optional<String> file, double scale, Expr dt) {
}
