package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the part of a state update that refractoriness does not touch out of the loop that
 * branches on {@code not_refractory}, into a second loop over the neurons without a branch, which
 * the JIT can vectorise. With {@code dv/dt = ... (unless refractory)}, the conductances, traces
 * and adaptation variables of a group are computed identically in both branches; the branch alone
 * keeps them scalar.
 *
 * <p>A variable's write moves, with the locals it needs, when both branches compute it with the
 * same steps, it reads no variable the first loop writes (nor {@code not_refractory}), and no step
 * left in the first loop reads it after its write. Neurons are independent, so running the moved
 * steps for every neuron after the first loop gives each neuron the values it had before; the
 * moved steps keep their order. Results are unchanged bit for bit.
 */
final class RefractoryFission {

    /** The first loop's two branches, and the steps of the second, unconditional loop (empty: no fission). */
    record Split(List<Step> active, List<Step> refractory, List<Step> unconditional) {
    }

    private RefractoryFission() {
    }

    /**
     * Splits {@code active}/{@code refractory} (the two branches); {@code arrays} are the group's
     * per-neuron variables, {@code notRefractory} the name of the flag the first loop writes.
     */
    static Split split(List<Step> active, List<Step> refractory, Set<String> arrays, String notRefractory) {
        Set<Integer> moved = new LinkedHashSet<>();
        for (int k = 0; k < active.size(); k++) {
            Step w = active.get(k);
            int r = refractory.indexOf(w);
            if (!w.local() && arrays.contains(w.target()) && r >= 0 && ordered(active, slice(active, k)).equals(ordered(refractory, slice(refractory, r)))) {
                moved.add(k);
            }
        }
        boolean changed = true;
        while (changed && !moved.isEmpty()) {
            changed = false;
            Set<Integer> kept = keptSteps(active, moved);
            Set<String> writtenByFirst = new HashSet<>(writes(active, kept));
            writtenByFirst.addAll(writes(refractory, keptSteps(refractory, movedIn(refractory, active, moved))));
            writtenByFirst.add(notRefractory);
            for (Integer k : List.copyOf(moved)) {
                if (!movable(active, k, kept, writtenByFirst) || !movable(refractory, refractory.indexOf(active.get(k)), keptSteps(refractory, movedIn(refractory, active, moved)), writtenByFirst)) {
                    moved.remove(k);
                    changed = true;
                }
            }
        }
        if (moved.isEmpty()) return new Split(active, refractory, List.of());
        Set<Integer> unconditional = new HashSet<>();
        for (int k : moved) unconditional.addAll(slice(active, k));
        return new Split(live(active, moved), live(refractory, movedIn(refractory, active, moved)), ordered(active, unconditional));
    }

    /** Step k and the local steps it needs, transitively (indices into {@code steps}). */
    private static Set<Integer> slice(List<Step> steps, int k) {
        Set<Integer> out = new HashSet<>();
        Set<String> needed = new HashSet<>(locals(steps.get(k).value()));
        out.add(k);
        for (int j = k - 1; j >= 0; j--) {
            Step s = steps.get(j);
            if (s.local() && needed.contains(s.target())) {
                out.add(j);
                needed.addAll(locals(s.value()));
            }
        }
        return out;
    }

    private static List<Step> ordered(List<Step> steps, Set<Integer> indices) {
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) if (indices.contains(k)) out.add(steps.get(k));
        return out;
    }

    private static Set<Integer> movedIn(List<Step> branch, List<Step> active, Set<Integer> moved) {
        Set<Integer> out = new HashSet<>();
        for (int k : moved) out.add(branch.indexOf(active.get(k)));
        return out;
    }

    /** The steps that stay in the loop with the branch: all but the moved writes, and locals still needed. */
    private static Set<Integer> keptSteps(List<Step> steps, Set<Integer> movedWrites) {
        Set<Integer> kept = new HashSet<>();
        Set<String> needed = new HashSet<>();
        for (int k = steps.size() - 1; k >= 0; k--) {
            Step s = steps.get(k);
            if (movedWrites.contains(k)) continue;
            if (!s.local() || needed.contains(s.target())) {
                kept.add(k);
                needed.addAll(locals(s.value()));
            }
        }
        return kept;
    }

    private static List<Step> live(List<Step> steps, Set<Integer> movedWrites) {
        Set<Integer> kept = keptSteps(steps, movedWrites);
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) if (kept.contains(k)) out.add(steps.get(k));
        return out;
    }

    private static Set<String> writes(List<Step> steps, Set<Integer> indices) {
        Set<String> out = new HashSet<>();
        for (int k : indices) if (!steps.get(k).local()) out.add(steps.get(k).target());
        return out;
    }

    /**
     * Whether the write at {@code k} may run after the first loop: its slice reads nothing the
     * first loop writes, and no step kept in the first loop reads the variable after the write.
     */
    private static boolean movable(List<Step> steps, int k, Set<Integer> kept, Set<String> writtenByFirst) {
        if (k < 0) return false;
        for (int j : slice(steps, k)) {
            for (Expr.Var v : FreeVariables.of(steps.get(j).value())) {
                if (v.kind() != VarKind.LOCAL && writtenByFirst.contains(v.name())) return false;
            }
        }
        String target = steps.get(k).target();
        for (int j : kept) {
            if (j > k && FreeVariables.of(steps.get(j).value()).stream().anyMatch(v -> v.kind() != VarKind.LOCAL && v.name().equals(target))) return false;
        }
        return true;
    }

    private static Set<String> locals(Expr e) {
        Set<String> out = new HashSet<>();
        for (Expr.Var v : FreeVariables.of(e)) if (v.kind() == VarKind.LOCAL) out.add(v.name());
        return out;
    }
}
