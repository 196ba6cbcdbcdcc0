package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;

/** One step of the experiment, in order: runs, and assignments between them. */
public sealed interface ProtocolStep {

    /** {@code G.x = 'values.npy'}: one value per element from an NPY file (SI units), its length checked when it is read. */
    record AssignFile(String group, String variable, String path, SourceSpan span) implements ProtocolStep {
    }

    /** Make the synapses of {@code synapses} (all its connect statements), before its variables are set. */
    record Connect(String synapses, SourceSpan span) implements ProtocolStep {
    }

    /** Advance the simulation by {@code duration} (an expression of params, seconds). */
    record Run(Expr duration, SourceSpan span) implements ProtocolStep {
    }

    /** {@code G.x = expr}, evaluated per neuron (may use i, N, rand(), other variables). */
    record AssignExpr(String group, String variable, Expr value, SourceSpan span) implements ProtocolStep {
    }

    /** {@code G.x = [a, b, c]}: one scalar expression per neuron; the length is checked against N. */
    record AssignList(String group, String variable, List<Expr> values, SourceSpan span) implements ProtocolStep {
        public AssignList {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code save name = expr, ...}: the values of each expression over the elements of {@code owner}
     * (a group, synapses, or a spike monitor's per-neuron {@code count}) written to {@code name.npy};
     * one column per expression when there are several.
     */
    record Save(String name, String owner, OwnerKind kind, List<Expr> values, SourceSpan span) implements ProtocolStep {
        public Save {
            values = List.copyOf(values);
        }
    }

    enum OwnerKind { GROUP, SYNAPSES, SPIKE_MONITOR, SCALAR }
}
