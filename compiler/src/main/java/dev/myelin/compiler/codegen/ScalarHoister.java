package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves loop-invariant work out of per-neuron loops, as Brian2's "scalar code" does: every largest
 * subtree that reads no per-neuron value and draws no random number is computed once before the
 * loop ({@code exp(-dt/tau)}). Identical subtrees share one local. The arithmetic is unchanged.
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
        if (isInvariant(e)) {
            if (e instanceof Expr.Num || e instanceof Expr.Bool || e instanceof Expr.Var) return e;
            String name = names.computeIfAbsent(e, k -> prefix + names.size());
            return new Expr.Var(name, VarKind.LOCAL, e.type(), "");
        }
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), rewrite(u.operand()));
        if (e instanceof Expr.Binary b) return new Expr.Binary(b.op(), rewrite(b.left()), rewrite(b.right()));
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(rewrite(a));
            return new Expr.Call(c.fn(), args, c.site());
        }
        return e;
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
