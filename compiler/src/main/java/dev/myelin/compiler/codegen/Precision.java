package dev.myelin.compiler.codegen;

/**
 * How synaptic variables are stored: Brian2's {@code default_float_dtype}, for the arrays that
 * make up most of a network's memory. With {@link #FLOAT} the real-valued per-synapse variables
 * that are not times (weights, traces, eligibilities) are 32-bit floats; arithmetic, neuron
 * variables, times and delays stay double (see docs/performance.md for why and what it costs).
 */
public enum Precision {
    DOUBLE,
    FLOAT;

    /** As --precision spells it. */
    public static Precision of(String name) {
        return switch (name) {
            case "double", "float64" -> DOUBLE;
            case "float", "float32", "single" -> FLOAT;
            default -> throw new IllegalArgumentException("precision is 'double' or 'float', not '" + name + "'");
        };
    }
}
