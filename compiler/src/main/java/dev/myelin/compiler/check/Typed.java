package dev.myelin.compiler.check;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.runtime.units.Dimension;

/**
 * An expression with its physical dimension. {@code INVALID} stands for a part that already
 * produced an error, so that one mistake is reported once, not again by every enclosing operator.
 */
record Typed(Expr expr, Dimension dimension) {

    static final Typed INVALID = new Typed(Expr.num(Double.NaN), null);

    boolean invalid() {
        return dimension == null;
    }

    boolean isBoolean() {
        return !invalid() && expr.type() == dev.myelin.compiler.expr.ValueType.BOOL;
    }

    /** A value known at compile time (a literal, const or unit, possibly folded). */
    boolean isConstant() {
        return expr instanceof Expr.Num || expr instanceof Expr.Bool;
    }

    double constantValue() {
        if (expr instanceof Expr.Bool b) return b.value() ? 1 : 0;
        return ((Expr.Num) expr).value();
    }
}
