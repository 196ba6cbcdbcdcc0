package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;

/** One step of the experiment, in order: runs, assignments between them, and the control flow around them. */
public sealed interface ProtocolStep {

    /** The blocks of steps nested in this one (a loop's body, a branch's two sides); none for a simple step. */
    default List<List<ProtocolStep>> blocks() {
        return List.of();
    }

    /** {@code x = value}: sets a protocol variable. */
    record SetVariable(String name, Expr value, SourceSpan span) implements ProtocolStep {
    }

    /** {@code for variable in range(from, to)}: the body for each whole number from {@code from} to {@code to - 1}. */
    record Loop(String variable, Expr from, Expr to, List<ProtocolStep> body, SourceSpan span) implements ProtocolStep {
        public Loop {
            body = List.copyOf(body);
        }

        @Override
        public List<List<ProtocolStep>> blocks() {
            return List.of(body);
        }
    }

    /**
     * {@code for variable in dataSet[from:to]}: the body for each sample of the slice (the whole data
     * set when {@code from}/{@code to} are empty), with the sample's features, label and index set.
     */
    record SampleLoop(String variable, String dataSet, java.util.Optional<Expr> from, java.util.Optional<Expr> to, List<ProtocolStep> body,
                      SourceSpan span) implements ProtocolStep {
        public SampleLoop {
            body = List.copyOf(body);
        }

        @Override
        public List<List<ProtocolStep>> blocks() {
            return List.of(body);
        }
    }

    /** Draws a synaptic variable as one rows x cols tile per target ({@code post}) or source neuron, into NAME.png. */
    record Image(String name, String synapses, String variable, boolean post, Expr rows, Expr cols, SourceSpan span) implements ProtocolStep {
    }

    /**
     * {@code normalize S.w per post to total}: each target neuron's incoming values (each source
     * neuron's outgoing ones when {@code post} is false) are scaled to sum to {@code total}, as
     * Diehl & Cook normalise the input weights before each sample.
     */
    record Normalize(String synapses, String variable, boolean post, Expr total, SourceSpan span) implements ProtocolStep {
    }

    /** {@code observe}/{@code predict}: the readout's monitor's spike counts during the last run, as one sample with this label. */
    record Observe(String readout, boolean predict, Expr label, SourceSpan span) implements ProtocolStep {
    }

    /** {@code report}: the readout's label assignment, predictions and metrics. */
    record Report(String readout, SourceSpan span) implements ProtocolStep {
    }

    /** {@code while}: the body while the condition holds (checked before each pass). */
    record While(Expr condition, List<ProtocolStep> body, SourceSpan span) implements ProtocolStep {
        public While {
            body = List.copyOf(body);
        }

        @Override
        public List<List<ProtocolStep>> blocks() {
            return List.of(body);
        }
    }

    /** {@code repeat ... until}: the body, then again until the condition holds (checked after each pass). */
    record Repeat(List<ProtocolStep> body, Expr condition, SourceSpan span) implements ProtocolStep {
        public Repeat {
            body = List.copyOf(body);
        }

        @Override
        public List<List<ProtocolStep>> blocks() {
            return List.of(body);
        }
    }

    record If(Expr condition, List<ProtocolStep> then, List<ProtocolStep> orElse, SourceSpan span) implements ProtocolStep {
        public If {
            then = List.copyOf(then);
            orElse = List.copyOf(orElse);
        }

        @Override
        public List<List<ProtocolStep>> blocks() {
            return List.of(then, orElse);
        }
    }

    /** One line of output: texts and values (a value is shown in SI units with its {@code dimension}). */
    record Print(List<Part> parts, SourceSpan span) implements ProtocolStep {
        public Print {
            parts = List.copyOf(parts);
        }
    }

    /** A literal text, or a scalar value with its dimension (null dimension: a condition). */
    record Part(String text, Expr value, dev.myelin.runtime.units.Dimension dimension) {
    }

    /** Brian2's store() / restore(): the network's whole state under {@code name} ("default" when unnamed). */
    record Store(String name, boolean restore, SourceSpan span) implements ProtocolStep {
    }

    /**
     * {@code store to 'file'} / {@code restore from 'file'}: the same state in a checkpoint file, so a
     * later run can resume; {@code path} is relative to the results directory unless absolute.
     */
    record Checkpoint(String path, boolean restore, SourceSpan span) implements ProtocolStep {
    }

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
