package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.runtime.units.Dimension;

/** A variable of a neuron group: a state variable, a parameter, or a built-in like lastspike. */
public record Variable(String name, Dimension dimension, ValueType type, Role role,
                       boolean shared, boolean constant, SourceSpan declaredAt) {

    public enum Role {
        /** Has a differential equation. */
        STATE,
        /** Declared {@code name : unit}; set from outside (protocol, init, reset). */
        PARAMETER,
        /** {@code lastspike}, {@code not_refractory}: maintained by the refractoriness mechanism. */
        BUILTIN
    }
}
