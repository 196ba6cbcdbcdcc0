package dev.myelin.compiler.expr;

/** The machine type of a value in generated code. Brian2's `float`, `integer` and `boolean`. */
public enum ValueType {
    DOUBLE, INT, BOOL;

    /** Python's numeric promotion: an operation on an int and a float is a float. */
    public static ValueType promote(ValueType a, ValueType b) {
        return (a == DOUBLE || b == DOUBLE) ? DOUBLE : INT;
    }
}
