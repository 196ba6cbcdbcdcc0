package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.RandomCalls;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Refractory;
import dev.myelin.compiler.model.Variable;

import java.util.Optional;
import java.util.Set;

/**
 * Recognises a threshold {@code rand() < p} whose chance p cannot change during a run: Brian2's
 * PoissonGroup with rates set by a value or between runs. Each neuron then spikes in each step
 * independently with the same chance, so the steps between its spikes are geometrically
 * distributed, and codegen draws one gap per spike instead of one uniform per neuron and step
 * (784 inputs at a few Hz: a few draws per step instead of 784). The distribution of spike trains
 * is the same; the random numbers are not.
 *
 * <p>p may read params, dt, protocol variables and parameters of the group that nothing writes
 * during a run; the group must have no equations, reset, events, run_regularly code or
 * refractoriness, any of which could make the chance or the spiking depend on the step.
 */
final class ConstantChance {

    private ConstantChance() {
    }

    /**
     * The chance p, or empty when the threshold is not of that form.
     * {@code writtenDuringRuns} holds "group.variable" for every variable synapses write.
     */
    static Optional<Expr> of(NeuronGroup g, Set<String> writtenDuringRuns) {
        if (g.threshold().isEmpty() || !(g.threshold().get() instanceof Expr.Binary b) || b.op() != Op.LT) return Optional.empty();
        if (!(b.left() instanceof Expr.Call draw) || draw.fn() != Function.RAND) return Optional.empty();
        if (!g.equations().isEmpty() || !g.reset().isEmpty() || !g.events().isEmpty() || !g.regular().isEmpty()
                || !(g.refractory() instanceof Refractory.None)) {
            return Optional.empty();
        }
        Expr chance = b.right();
        if (RandomCalls.in(chance)) return Optional.empty();
        for (Expr.Var v : FreeVariables.of(chance)) {
            boolean steady = switch (v.kind()) {
                case PARAM, DT, SIZE, PROTOCOL -> true;
                case ARRAY, SHARED -> v.owner().equals(g.name())
                        && g.variable(v.name()).map(x -> x.role() == Variable.Role.PARAMETER).orElse(false)
                        && !writtenDuringRuns.contains(g.name() + "." + v.name());
                default -> false;
            };
            if (!steady) return Optional.empty();
        }
        return Optional.of(chance);
    }
}
