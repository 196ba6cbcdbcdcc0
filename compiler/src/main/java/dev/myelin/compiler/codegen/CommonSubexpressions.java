package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes repeated subexpressions once per neuron. Integration formulas repeat terms (exponential
 * Euler's {@code B/A} and {@code A} share every rate function), and the JIT does not merge calls such
 * as {@code Math.exp}. Only runs of local steps are rewritten — no array is written in between, so a
 * repeated subtree has one value — and random draws are never merged. Each value is the same tree
 * computed once, so results are unchanged.
 */
final class CommonSubexpressions {

    private final String prefix;
    private int next;

    CommonSubexpressions(String prefix) {
        this.prefix = prefix;
    }

    List<Step> rewrite(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        int k = 0;
        while (k < steps.size()) {
            if (!steps.get(k).local()) {
                out.add(steps.get(k++));
                continue;
            }
            int end = k;
            while (end < steps.size() && steps.get(end).local()) end++;
            out.addAll(rewriteRun(new ArrayList<>(steps.subList(k, end))));
            k = end;
        }
        return out;
    }

    /** Greedy: extract the largest subtree used twice or more, until none is left. */
    private List<Step> rewriteRun(List<Step> run) {
        while (true) {
            Map<Expr, Integer> counts = new HashMap<>();
            for (Step s : run) count(s.value(), counts);
            Expr best = null;
            int bestSize = 0;
            for (Map.Entry<Expr, Integer> e : counts.entrySet()) {
                int size = size(e.getKey());
                if (e.getValue() >= 2 && size > bestSize) {
                    best = e.getKey();
                    bestSize = size;
                }
            }
            if (best == null) return run;
            Expr.Var local = new Expr.Var(prefix + next++, VarKind.LOCAL, best.type(), "");
            int first = -1;
            for (int k = 0; k < run.size(); k++) {
                Step s = run.get(k);
                Expr replaced = replace(s.value(), best, local);
                if (replaced != s.value() && first < 0) first = k;
                run.set(k, new Step(s.target(), replaced, s.local()));
            }
            run.add(first, Step.local(local.name(), best));
        }
    }

    /** Counts subtrees worth sharing: operations and calls, not leaves, not random draws. */
    private static void count(Expr e, Map<Expr, Integer> counts) {
        if (e instanceof Expr.Num || e instanceof Expr.Bool || e instanceof Expr.Var) return;
        if (e instanceof Expr.Call c && c.fn().isRandom()) return;
        if (!dev.myelin.compiler.expr.RandomCalls.in(e)) counts.merge(e, 1, Integer::sum);
        for (Expr child : children(e)) count(child, counts);
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Unary u) return List.of(u.operand());
        if (e instanceof Expr.Binary b) return List.of(b.left(), b.right());
        if (e instanceof Expr.Call c) return c.args();
        return List.of();
    }

    private static int size(Expr e) {
        int n = 1;
        for (Expr c : children(e)) n += size(c);
        // A call costs far more than an arithmetic operation.
        return e instanceof Expr.Call ? n + 8 : n;
    }

    /** Replaces every occurrence of {@code target}; returns the same instance when nothing changed. */
    private static Expr replace(Expr e, Expr target, Expr.Var with) {
        if (e.equals(target)) return with;
        if (e instanceof Expr.Unary u) {
            Expr o = replace(u.operand(), target, with);
            return o == u.operand() ? e : new Expr.Unary(u.op(), o);
        }
        if (e instanceof Expr.Binary b) {
            Expr l = replace(b.left(), target, with);
            Expr r = replace(b.right(), target, with);
            return l == b.left() && r == b.right() ? e : new Expr.Binary(b.op(), l, r);
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            boolean changed = false;
            for (Expr a : c.args()) {
                Expr r = replace(a, target, with);
                changed |= r != a;
                args.add(r);
            }
            return changed ? new Expr.Call(c.fn(), args, c.site()) : e;
        }
        return e;
    }
}
