package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Substitution;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two branches of an {@code (unless refractory)} update as one sequence without a branch, so
 * the JIT vectorises the loop: both branches run for every neuron into locals, and each variable
 * takes {@code m * active + (1 - m) * refractory} with the flag m exactly 1.0 or 0.0. That is the
 * chosen value bit for bit when both are finite ({@code x * 1 + y * 0 = x}). A branch value that is
 * infinite or NaN for a neuron that does not take it turns the result into NaN, as Brian2's own
 * {@code int(not_refractory) * f(v)} does for its non-linear integrators; extra random draws change
 * nothing, each draw being keyed by its call site.
 *
 * <p>Applies when every write is to a per-neuron double variable and no step reads a variable its
 * own branch wrote before it (all reads then see the values from before the step, as in the branch).
 */
final class RefractoryBlend {

    private RefractoryBlend() {
    }

    /**
     * {@code active} and {@code refractory} as one sequence, with {@code mask} (a local, 1.0 or 0.0)
     * choosing; {@code arrays} are the per-neuron variables of {@code group} by name; empty when
     * the branches cannot be blended.
     */
    static Optional<List<Step>> of(String group, List<Step> active, List<Step> refractory, Map<String, ValueType> arrays, Expr.Var mask) {
        if (!blendable(active, arrays) || !blendable(refractory, arrays)) return Optional.empty();
        List<Step> out = new ArrayList<>();
        Set<String> written = new LinkedHashSet<>();
        branch(active, "", "_a$", out, written);
        branch(refractory, "$r", "_r$", out, written);
        Set<String> activeWrites = writes(active), refractoryWrites = writes(refractory);
        Expr keep = Expr.sub(Expr.num(1), mask);
        for (String x : written) {
            Expr old = new Expr.Var(x, VarKind.ARRAY, ValueType.DOUBLE, group);
            Expr a = activeWrites.contains(x) ? local("_a$" + x, ValueType.DOUBLE) : old;
            Expr r = refractoryWrites.contains(x) ? local("_r$" + x, ValueType.DOUBLE) : old;
            out.add(Step.write(x, Expr.add(Expr.mul(mask, a), Expr.mul(keep, r))));
        }
        return Optional.of(out);
    }

    /** Renames {@code steps}' locals with {@code suffix} so several sequences can share one loop body. */
    static List<Step> renameLocals(List<Step> steps, String suffix) {
        List<Step> out = new ArrayList<>();
        branch(steps, suffix, null, out, new HashSet<>());
        return out;
    }

    private static boolean blendable(List<Step> steps, Map<String, ValueType> arrays) {
        Set<String> writtenSoFar = new HashSet<>();
        for (Step s : steps) {
            for (Expr.Var v : FreeVariables.of(s.value())) {
                if (v.kind() != VarKind.LOCAL && writtenSoFar.contains(v.name())) return false;
            }
            if (s.local()) continue;
            if (arrays.get(s.target()) != ValueType.DOUBLE) return false;
            writtenSoFar.add(s.target());
        }
        return true;
    }

    /**
     * Appends {@code steps} with their locals renamed by {@code suffix}; a write becomes the local
     * {@code writePrefix + variable} (or stays a write when {@code writePrefix} is null).
     */
    private static void branch(List<Step> steps, String suffix, String writePrefix, List<Step> out, Set<String> written) {
        Substitution renamed = Substitution.none();
        for (Step s : steps) {
            Expr value = renamed.apply(s.value());
            if (s.local()) {
                String name = s.target() + suffix;
                out.add(Step.local(name, value));
                renamed = renamed.and(local(s.target(), s.value().type()), local(name, s.value().type()));
            } else if (writePrefix == null) {
                out.add(Step.write(s.target(), value));
            } else {
                out.add(Step.local(writePrefix + s.target(), value));
                written.add(s.target());
            }
        }
    }

    private static Set<String> writes(List<Step> steps) {
        Set<String> out = new HashSet<>();
        for (Step s : steps) if (!s.local()) out.add(s.target());
        return out;
    }

    private static Expr.Var local(String name, ValueType type) {
        return new Expr.Var(name, VarKind.LOCAL, type, "");
    }
}
