package dev.myelin.compiler.expr;

/**
 * Thrown by {@link Derivative} when an expression depends on the variable through an operation
 * with no usable derivative (comparisons, {@code floor}, {@code int}, {@code %}, ...). Carries
 * the offending subexpression and a reason a user can read.
 */
public final class NotDifferentiableException extends RuntimeException {

    private final transient Expr culprit;
    private final String reason;

    public NotDifferentiableException(Expr culprit, String reason) {
        super(reason + ": " + ExprFormatter.format(culprit));
        this.culprit = culprit;
        this.reason = reason;
    }

    /** The smallest subexpression that could not be differentiated, e.g. {@code floor(v)}. */
    public Expr culprit() {
        return culprit;
    }

    /** Why, e.g. "floor is piecewise constant". */
    public String reason() {
        return reason;
    }
}
