package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves loop-invariant work out of per-neuron loops, as Brian2's "scalar code" does: every largest
 * subtree that reads no per-neuron value and draws no random number is computed once before the
 * loop ({@code exp(-dt/tau)}). Identical subtrees share one local.
 *
 * <p>A division by a loop-invariant value becomes a multiplication by its reciprocal, computed once:
 * a division costs several times a multiplication and a neuron update has several ({@code /tau},
 * the unit scalings {@code /nS}). This is what Brian2's compiled targets do under
 * {@code -ffast-math}; it changes a result by at most an ulp or so. Divisions under
 * {@code int}, {@code floor}, {@code ceil}, {@code //} and {@code %} are kept, where an ulp could move
 * a result across an integer.
 */
final class ScalarHoister {

    record Hoisted(String name, Expr value) {
    }

    private final Map<Expr, String> names = new LinkedHashMap<>();
    private final String prefix;
    private final boolean sharedIsInvariant;

    /** {@code sharedIsInvariant} is false for loops that may write shared variables (resets). */
    ScalarHoister(String prefix, boolean sharedIsInvariant) {
        this.prefix = prefix;
        this.sharedIsInvariant = sharedIsInvariant;
    }

    Expr rewrite(Expr e) {
        return rewrite(e, true);
    }

    private Expr rewrite(Expr e, boolean reciprocals) {
        if (isInvariant(e)) {
            if (e instanceof Expr.Num || e instanceof Expr.Bool || e instanceof Expr.Var) return e;
            String name = names.computeIfAbsent(e, k -> prefix + names.size());
            return new Expr.Var(name, VarKind.LOCAL, e.type(), "");
        }
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), rewrite(u.operand(), reciprocals));
        if (e instanceof Expr.Binary b) {
            if (reciprocals && b.op() == Op.DIV && isInvariant(b.right()) && isReal(b)) {
                return new Expr.Binary(Op.MUL, rewrite(b.left(), true),
                        rewrite(new Expr.Binary(Op.DIV, Expr.num(1), b.right()), true));
            }
            boolean keep = reciprocals && b.op() != Op.FLOOR_DIV && b.op() != Op.MOD;
            return new Expr.Binary(b.op(), rewrite(b.left(), keep), rewrite(b.right(), keep));
        }
        if (e instanceof Expr.Call c) {
            boolean keep = reciprocals && c.fn() != Function.INT && c.fn() != Function.FLOOR && c.fn() != Function.CEIL;
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(rewrite(a, keep));
            return new Expr.Call(c.fn(), args, c.site());
        }
        return e;
    }

    /** A division of reals (a division of two integers is printed with a cast and kept). */
    private static boolean isReal(Expr.Binary b) {
        return b.left().type() != ValueType.INT && b.left().type() != ValueType.BOOL
                || b.right().type() != ValueType.INT && b.right().type() != ValueType.BOOL;
    }

    List<Hoisted> hoisted() {
        List<Hoisted> out = new ArrayList<>();
        names.forEach((expr, name) -> out.add(new Hoisted(name, expr)));
        return out;
    }

    private boolean isInvariant(Expr e) {
        if (e instanceof Expr.Var v) {
            return switch (v.kind()) {
                case PARAM, DT, TIME, SIZE, PROTOCOL -> true;
                case SHARED -> sharedIsInvariant;
                case ARRAY, INDEX, LOCAL, PRE, POST, PRE_INDEX, POST_INDEX, NOISE, SAMPLE, MONITOR_TOTAL -> false;
            };
        }
        if (e instanceof Expr.Unary u) return isInvariant(u.operand());
        if (e instanceof Expr.Binary b) return isInvariant(b.left()) && isInvariant(b.right());
        if (e instanceof Expr.Call c) return !c.fn().isRandom() && c.args().stream().allMatch(this::isInvariant);
        return true; // literals
    }
}
