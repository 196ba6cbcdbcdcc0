package dev.myelin.runtime;

import dev.myelin.runtime.units.Dimension;

/** A model parameter as the generated code declares it: name, default (SI), dimension, integer or not. */
public record ParamSpec(String name, double defaultValue, Dimension dimension, boolean integer) {
}
