package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Simplifier;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact integration of linear systems {@code dx/dt = A x + b} (Brian2's {@code exact}/{@code linear}
 * method) whose dependency graph is acyclic, i.e. A is triangular after reordering: the
 * closed-form step {@code x(t + dt) = Phi x(t) + gamma} with {@code Phi = expm(A*dt)}.
 *
 * <p>{@code gamma} is the last column of {@code expm(M*dt)} for the augmented matrix
 * {@code M = [[A, b], [0, 0]]}: the constant input is one more node with eigenvalue 0 that every
 * variable with {@code b_i != 0} depends on. This handles a pure integrator ({@code dx/dt = c})
 * and singular A uniformly, where Brian2's sympy solution needs A invertible.
 *
 * <p>For a triangular matrix the entries of the exponential are sums over dependency chains
 * {@code i -> k -> ... -> j} of the product of the coupling coefficients times a divided
 * difference of {@code exp(l*dt)} at the chain's eigenvalues (diagonal entries), which is what
 * Parlett's recurrence computes; {@link ExpDividedDifferences} writes those divided differences so
 * that equal eigenvalues (equal time constants, several integrators) do not divide by zero.
 *
 * <p>Feedback loops of two variables (strongly connected components of size 2, e.g. the adaptive
 * LIF {@code v <-> w}) are first made triangular by a change of basis in {@link CoupledPairs};
 * larger loops are rejected.
 *
 * <p>Coefficients may depend on anything but state variables and {@code t}, notably
 * {@code int(not_refractory)}: with it at 0 the update leaves the variable exactly unchanged.
 */
public final class ExactIntegrator {

    /** The time step as lowering expects to see it. */
    public static final Expr.Var DT = new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, "");

    private ExactIntegrator() {
    }

    /**
     * The update, or the reason exact integration does not apply (non-linear, t-dependent, a
     * feedback loop of more than two variables, complex eigenvalues with literal coefficients).
     */
    public static StateUpdate integrate(OdeSystem system) throws UnsupportedEquationsException {
        LinearForm form = LinearForm.of(system);
        if (form instanceof LinearForm.NotLinear notLinear) {
            throw new UnsupportedEquationsException(notLinear.reason());
        }
        LinearSystem linear = ((LinearForm.Linear) form).system();
        List<int[]> blocks = feedbackBlocks(linear);
        if (blocks.isEmpty()) {
            return new Build(linear, List.of()).update();
        }
        return CoupledPairs.integrate(linear, blocks);
    }

    /**
     * The strongly connected components of two variables (pairs {@code {i, j}}, {@code i < j}),
     * in order; rejects a larger component with the cycle it contains.
     */
    private static List<int[]> feedbackBlocks(LinearSystem linear) throws UnsupportedEquationsException {
        int n = linear.size();
        boolean[][] reaches = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j : dependencies(linear, i)) {
                reaches[i][j] = true;
            }
        }
        for (int k = 0; k < n; k++) { // transitive closure (Warshall); systems are small
            for (int i = 0; i < n; i++) {
                if (reaches[i][k]) {
                    for (int j = 0; j < n; j++) {
                        reaches[i][j] |= reaches[k][j];
                    }
                }
            }
        }
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> component = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != i && reaches[i][j] && reaches[j][i]) {
                    component.add(j);
                }
            }
            if (component.size() > 1) {
                rejectFeedback(linear, i, component);
            }
            if (component.size() == 1 && component.get(0) > i) {
                blocks.add(new int[] {i, component.get(0)});
            }
        }
        return blocks;
    }

    /** Rejects the strongly connected component of {@code i} (more than two variables) with a cycle in it. */
    private static void rejectFeedback(LinearSystem linear, int start, List<Integer> others)
            throws UnsupportedEquationsException {
        int n = linear.size();
        int[] state = new int[n]; // 0 unvisited, 1 on the current path, 2 done
        for (int k = 0; k < n; k++) {
            if (k != start && !others.contains(k)) {
                state[k] = 2; // outside the component: no cycle through it
            }
        }
        List<Integer> cycle = findCycle(linear, start, state, new ArrayList<>());
        StringBuilder description = new StringBuilder();
        if (cycle == null || cycle.size() == 2) { // a cycle always exists in a component
            description.append(name(linear, start)).append(" <-> ").append(name(linear, others.get(0)));
        } else {
            for (int k : cycle) {
                description.append(name(linear, k)).append(" -> ");
            }
            description.append(name(linear, cycle.get(0)));
        }
        throw new UnsupportedEquationsException("exact integration of coupled linear equations with feedback ("
                + description + ") is not supported; use method 'rk4'");
    }

    /** Depth-first search for a cycle through the off-diagonal couplings; returns its nodes. */
    private static List<Integer> findCycle(LinearSystem linear, int i, int[] state, List<Integer> path) {
        if (state[i] == 2) {
            return null;
        }
        if (state[i] == 1) {
            return new ArrayList<>(path.subList(path.indexOf(i), path.size()));
        }
        state[i] = 1;
        path.add(i);
        for (int j : dependencies(linear, i)) {
            List<Integer> cycle = findCycle(linear, j, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state[i] = 2;
        return null;
    }

    /** The other state variables row {@code i} reads, in order. */
    static List<Integer> dependencies(LinearSystem linear, int i) {
        List<Integer> deps = new ArrayList<>();
        for (int j = 0; j < linear.size(); j++) {
            if (j != i && !LinearSystem.isStructuralZero(linear.coefficient(i, j))) {
                deps.add(j);
            }
        }
        return deps;
    }

    private static String name(LinearSystem linear, int i) {
        return linear.variables().get(i).name();
    }

    /** The expressions for one system; node {@code n} (= size) is the constant input 1. */
    static final class Build {
        private final LinearSystem linear;
        private final int constantNode;
        private final Simplifier simplifier = Simplifier.symbolic();
        private final List<Assignment> steps = new ArrayList<>();
        private final Map<Expr, Expr.Var> hoisted = new HashMap<>();

        /** {@code prelude}: locals computed first (they may be read as variables or coefficients). */
        Build(LinearSystem linear, List<Assignment> prelude) {
            this.linear = linear;
            this.constantNode = linear.size();
            this.steps.addAll(prelude);
        }

        StateUpdate update() {
            ExpDividedDifferences differences = new ExpDividedDifferences(DT, this::hoist);
            List<Assignment> results = new ArrayList<>();
            List<StateUpdate.Write> writes = new ArrayList<>();
            for (int i = 0; i < linear.size(); i++) {
                Expr.Var x = linear.variables().get(i);
                results.add(new Assignment("_" + x.name(), newValue(i, differences)));
                writes.add(new StateUpdate.Write(x, Expr.Var.local("_" + x.name())));
            }
            List<Assignment> all = new ArrayList<>(steps);
            all.addAll(results);
            return new StateUpdate(all, writes);
        }

        /** {@code sum over sources j of F_ij * x_j}, starting with the variable's own decay. */
        private Expr newValue(int i, ExpDividedDifferences differences) {
            Map<Integer, List<Expr>> contributions = new LinkedHashMap<>();
            collectChains(i, new ArrayList<>(List.of(i)), Expr.num(1.0), contributions, differences);
            Expr.Var x = linear.variables().get(i);
            Expr sum = Expr.mul(differences.of(List.of(eigenvalue(i))), x);
            for (Map.Entry<Integer, List<Expr>> source : contributions.entrySet()) {
                Expr coefficient = null;
                for (Expr c : source.getValue()) {
                    coefficient = coefficient == null ? c : Expr.add(coefficient, c);
                }
                int j = source.getKey();
                sum = Expr.add(sum, j == constantNode ? coefficient : Expr.mul(coefficient, linear.variables().get(j)));
            }
            return simplifier.simplify(sum);
        }

        /** Walks every chain from the updated variable; each chain's end gets product * g[eigenvalues]. */
        private void collectChains(int node, List<Integer> chain, Expr product,
                                   Map<Integer, List<Expr>> contributions, ExpDividedDifferences differences) {
            if (node == constantNode) {
                return;
            }
            List<Integer> next = new ArrayList<>(dependencies(linear, node));
            if (!LinearSystem.isStructuralZero(linear.constant(node))) {
                next.add(constantNode);
            }
            for (int j : next) {
                Expr coupling = j == constantNode ? linear.constant(node) : linear.coefficient(node, j);
                Expr extended = Expr.mul(product, coupling); // the leading 1* is simplified away
                chain.add(j);
                List<Expr> eigenvalues = chain.stream().map(this::eigenvalue).toList();
                contributions.computeIfAbsent(j, k -> new ArrayList<>())
                        .add(Expr.mul(extended, differences.of(eigenvalues)));
                collectChains(j, chain, extended, contributions, differences);
                chain.remove(chain.size() - 1);
            }
        }

        private Expr eigenvalue(int node) {
            return node == constantNode ? Expr.num(0.0) : linear.coefficient(node, node);
        }

        /** Computes {@code e} once into a local {@code __z<k>} (or reuses the one already holding it). */
        private Expr hoist(Expr e) {
            Expr simplified = simplifier.simplify(e);
            if (simplified instanceof Expr.Var || simplified instanceof Expr.Num) {
                return simplified;
            }
            return hoisted.computeIfAbsent(simplified, value -> {
                Assignment local = new Assignment("__z" + (steps.size() + 1), value);
                steps.add(local);
                return local.local(); // INT for the 0/1 masks, DOUBLE otherwise
            });
        }
    }
}
