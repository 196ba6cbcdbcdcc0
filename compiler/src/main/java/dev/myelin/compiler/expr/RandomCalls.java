package dev.myelin.compiler.expr;

/**
 * Whether an expression draws random numbers. Such a subtree must not be dropped, duplicated or
 * folded: each evaluation is a fresh draw and advances the random stream.
 */
public final class RandomCalls {

    private RandomCalls() {
    }

    public static boolean in(Expr e) {
        if (e instanceof Expr.Call c) {
            if (c.fn().isRandom()) {
                return true;
            }
            for (Expr a : c.args()) {
                if (in(a)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof Expr.Unary u) {
            return in(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return in(b.left()) || in(b.right());
        }
        return false;
    }
}
