package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Derivative;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.NotDifferentiableException;

import java.util.List;

/**
 * Finds what makes an expression non-affine in a variable, for messages like "it contains v**2":
 * the smallest subexpression that is not affine in the variable although all its operands are.
 */
final class NonlinearTerm {

    private NonlinearTerm() {
    }

    /** Whether {@code e = a*x + b} with {@code a}, {@code b} free of {@code x}. */
    static boolean isAffine(Expr e, String x) {
        try {
            return !FreeVariables.references(Derivative.of(e, x), x);
        } catch (NotDifferentiableException notDifferentiable) {
            return false;
        }
    }

    /** The culprit in an expression that is not affine in {@code x}. */
    static Expr in(Expr e, String x) {
        for (Expr operand : operands(e)) {
            if (!isAffine(operand, x)) {
                return in(operand, x);
            }
        }
        return e;
    }

    private static List<Expr> operands(Expr e) {
        if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Expr.Call c) {
            return c.args();
        }
        return List.of();
    }
}
