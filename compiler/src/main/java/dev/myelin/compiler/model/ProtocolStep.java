package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;

/** One step of the experiment, in order: runs, and assignments between them. */
public sealed interface ProtocolStep {

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
}
