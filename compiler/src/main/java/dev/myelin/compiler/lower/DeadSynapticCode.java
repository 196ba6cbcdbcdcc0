package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.RandomCalls;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes per-synapse work whose result nothing uses: a write that a later write of the same
 * variable replaces before anything reads it, then locals that no later line reads. In STDP the
 * event-driven update decays every trace, and the pathway's own code then sets some of them
 * ({@code pre = 1} on a presynaptic spike): those decays are dead. Lines that draw random numbers
 * stay, as every draw is part of the model's random stream.
 */
final class DeadSynapticCode {

    private DeadSynapticCode() {
    }

    static List<SynapticStep> remove(List<SynapticStep> code) {
        List<SynapticStep> out = new ArrayList<>(code);
        for (int i = out.size() - 1; i >= 0; i--) {
            SynapticStep s = out.get(i);
            if (!s.isLocal() && !RandomCalls.in(s.value()) && overwrittenUnread(out, i)) out.remove(i);
        }
        return withoutUnreadLocals(out, List.of());
    }

    /** {@code code} without the locals that no later line of it, nor any line of {@code laterCode}, reads. */
    static List<SynapticStep> withoutUnreadLocals(List<SynapticStep> code, List<SynapticStep> laterCode) {
        List<SynapticStep> out = new ArrayList<>(code);
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int i = out.size() - 1; i >= 0; i--) {
                SynapticStep s = out.get(i);
                Expr.Var local = Expr.Var.local(s.local());
                if (s.isLocal() && !RandomCalls.in(s.value()) && !readAfter(out, i, local) && !readAfter(laterCode, -1, local)) {
                    out.remove(i);
                    removed = true;
                }
            }
        }
        return out;
    }

    /** Whether a later line writes line i's target, with no read of it in between (that line's value included). */
    private static boolean overwrittenUnread(List<SynapticStep> code, int i) {
        Expr.Var target = code.get(i).target();
        for (int j = i + 1; j < code.size(); j++) {
            SynapticStep s = code.get(j);
            if (reads(s.value(), target)) return false;
            if (!s.isLocal() && same(s.target(), target)) return true;
        }
        return false;
    }

    private static boolean readAfter(List<SynapticStep> code, int i, Expr.Var local) {
        for (int j = i + 1; j < code.size(); j++) {
            if (reads(code.get(j).value(), local)) return true;
        }
        return false;
    }

    private static boolean reads(Expr e, Expr.Var v) {
        for (Expr.Var r : FreeVariables.of(e)) if (same(r, v)) return true;
        return false;
    }

    private static boolean same(Expr.Var a, Expr.Var b) {
        return a.name().equals(b.name()) && a.kind() == b.kind() && a.owner().equals(b.owner());
    }
}
