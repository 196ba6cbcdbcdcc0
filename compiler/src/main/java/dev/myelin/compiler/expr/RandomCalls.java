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

    /** Call sites of one compilation are numbered below this, so offsets by multiples of it stay distinct. */
    public static final int SITE_STRIDE = 1 << 16;

    /**
     * A copy whose random calls draw anew: each call's site is moved by {@code copy * SITE_STRIDE}.
     * Used where a formula evaluates a right-hand side several times (the stages of rk4), since
     * Brian2 draws again in each evaluation.
     */
    public static Expr drawAgain(Expr e, int copy) {
        if (copy == 0 || !in(e)) return e;
        if (e instanceof Expr.Call c) {
            java.util.List<Expr> args = new java.util.ArrayList<>();
            for (Expr a : c.args()) args.add(drawAgain(a, copy));
            return new Expr.Call(c.fn(), args, c.fn().isRandom() ? c.site() + copy * SITE_STRIDE : c.site());
        }
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), drawAgain(u.operand(), copy));
        if (e instanceof Expr.Binary b) return new Expr.Binary(b.op(), drawAgain(b.left(), copy), drawAgain(b.right(), copy));
        return e;
    }
}
