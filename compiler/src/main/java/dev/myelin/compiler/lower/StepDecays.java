package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@code exp(-rate*dt)} factors of an event-driven solution, before dt becomes
 * {@code t - lastupdate}, and turns each into {@link Function#DECAY}(rate, elapsed), which codegen
 * reads from a table by whole steps: a synapse event of Diehl & Cook's STDP decays three traces,
 * and three exp calls were most of its cost. The exponent must be dt times a factor free of dt
 * that does not change during a run (literals, params, protocol values); anything else stays exp.
 * Equal rates share one table (and so one call site, which later code can reuse).
 */
final class StepDecays {

    private final Map<Expr, Integer> sites = new LinkedHashMap<>();

    /** How many tables the model needs: sites 0 .. count-1. */
    int count() {
        return sites.size();
    }

    /** {@code e} with every eligible {@code exp(k*dt)} replaced by DECAY(-k, elapsed). */
    Expr rewrite(Expr e, Expr elapsed) {
        return Substitution.mapCalls(e, c -> {
            if (c.fn() != Function.EXP) return null;
            Expr rate = rateOf(c.args().get(0));
            if (rate == null) return null;
            int site = sites.computeIfAbsent(rate, r -> sites.size());
            return new Expr.Call(Function.DECAY, List.of(rate, elapsed), site);
        });
    }

    /**
     * The event-driven lines with each decay computed once, in a local {@code _ed_decayN} before
     * them: traces with equal time constants share it. The event-driven lines come before the
     * pathway's code and lastupdate is written after it, so the locals hold throughout.
     */
    static List<SynapticStep> share(List<SynapticStep> code) {
        Map<Expr, Expr.Var> locals = new LinkedHashMap<>();
        List<SynapticStep> rewritten = new ArrayList<>();
        for (SynapticStep s : code) {
            Expr value = Substitution.mapCalls(s.value(), c -> c.fn() != Function.DECAY ? null
                    : locals.computeIfAbsent(c, k -> Expr.Var.local("_ed_decay" + c.site())));
            rewritten.add(new SynapticStep(s.local(), s.target(), value));
        }
        List<SynapticStep> out = new ArrayList<>();
        locals.forEach((call, local) -> out.add(SynapticStep.local(local.name(), call)));
        out.addAll(rewritten);
        return out;
    }

    /** r such that {@code exponent = -r*dt}, or null when the exponent is not of that form. */
    private static Expr rateOf(Expr exponent) {
        if (!dtTimesFactor(exponent)) return null;
        Expr.Var dt = new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, "");
        Expr factor = Simplifier.exact().simplify(Substitution.of(dt, Expr.Num.of(1)).apply(exponent));
        for (Expr.Var v : FreeVariables.of(factor)) {
            if (v.kind() != VarKind.PARAM && v.kind() != VarKind.PROTOCOL) return null;
        }
        if (RandomCalls.in(factor)) return null;
        return Simplifier.exact().simplify(new Expr.Unary(Op.NEG, factor));
    }

    /** Whether e is dt scaled: dt itself, or a negation, product or quotient with dt in exactly one place, not a divisor. */
    private static boolean dtTimesFactor(Expr e) {
        if (e instanceof Expr.Var v) return v.kind() == VarKind.DT;
        if (e instanceof Expr.Unary u) return u.op() == Op.NEG && dtTimesFactor(u.operand());
        if (e instanceof Expr.Binary b) {
            boolean left = FreeVariables.referencesKind(b.left(), VarKind.DT), right = FreeVariables.referencesKind(b.right(), VarKind.DT);
            if (b.op() == Op.MUL) return left != right && dtTimesFactor(left ? b.left() : b.right());
            if (b.op() == Op.DIV) return left && !right && dtTimesFactor(b.left());
        }
        return false;
    }
}
