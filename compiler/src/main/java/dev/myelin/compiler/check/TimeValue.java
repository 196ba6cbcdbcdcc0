package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;

import java.util.Optional;

/** Reads a duration written at file level (a run, a period, a clock's dt): a time of consts and params. */
final class TimeValue {

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final Scope fileScope;

    TimeValue(Diagnostics diagnostics, ExpressionChecker expressions, Scope fileScope) {
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.fileScope = fileScope;
    }

    /** The time in seconds; {@code what} names it in messages, {@code example} shows a good one. */
    Optional<Expr> read(Expression e, String what, boolean positive, String example) {
        Typed value = expressions.check(e, fileScope);
        if (value.invalid()) return Optional.empty();
        if (value.isBoolean() || !value.dimension().equals(Scope.SECOND)) {
            String got = value.isBoolean() ? "a condition" : value.dimension().isDimensionless() ? "a number without unit" : "in " + value.dimension();
            diagnostics.error(e.span(), what + " must be a time, but this is " + got, "write it with a time unit, e.g. '" + example + "'");
            return Optional.empty();
        }
        if (value.isConstant()) {
            double seconds = value.constantValue();
            if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0 || (positive && seconds == 0)) {
                diagnostics.error(e.span(), what + " must be " + (positive ? "a positive" : "a finite, non-negative") + " time", "write e.g. '" + example + "'");
                return Optional.empty();
            }
        }
        return Optional.of(value.expr());
    }
}
