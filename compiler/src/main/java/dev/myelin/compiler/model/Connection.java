package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;
import java.util.Optional;

/**
 * One connect statement. Expressions use {@code i}, {@code j} (relative to the slices),
 * pre/post variables and rand(); {@code n} is the number of synapses per chosen pair.
 */
public sealed interface Connection {

    SourceSpan span();

    /**
     * Every pair (i, j) for which {@code condition} holds, each kept with probability {@code p}.
     * A constant p is sampled by skipping (geometric gaps), so the work is proportional to the
     * synapses made, not to N_pre * N_post.
     */
    record Pairs(Optional<Expr> condition, Optional<Expr> p, Expr n, SourceSpan span) implements Connection {
    }

    /** {@code j = 'expr'}: one target per source neuron. */
    record OneTarget(Expr j, Expr n, boolean skipIfInvalid, SourceSpan span) implements Connection {
    }

    /**
     * {@code j = 'element for var in range(...)/sample(...) if condition'}. For range the arguments
     * are start, stop, step; for sample they are start, stop and either p or size.
     */
    record Generated(String variable, boolean sample, Expr start, Expr stop, Expr step, Optional<Expr> p, Optional<Expr> size,
                     Expr element, Optional<Expr> condition, Expr n, boolean skipIfInvalid, SourceSpan span) implements Connection {
    }

    /** {@code i = [...], j = [...]} or index arrays from NPY files: one synapse per listed pair. */
    record Explicit(Indices i, Indices j, boolean skipIfInvalid, SourceSpan span) implements Connection {
    }

    sealed interface Indices {
    }

    record IndexList(List<Integer> values) implements Indices {
        public IndexList {
            values = List.copyOf(values);
        }
    }

    /** An NPY file of integers, path relative to the model file. */
    record IndexFile(String path) implements Indices {
    }
}
