package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

import java.util.List;
import java.util.Optional;

/** What is recorded during a run; results are written under the monitor's name. */
public sealed interface Monitor {

    String name();

    String group();

    /**
     * Spikes (or a custom {@code event}: Brian2's EventMonitor) of neurons [start, stop) of a group;
     * indices are recorded relative to start, as Brian2 does for subgroups.
     */
    record Spikes(String name, String group, int start, int stop, String event) implements Monitor {
    }

    /**
     * Values of {@code variables} of a group or synapses at {@code indices} (or all), every
     * {@code recordDt} seconds (every step when empty), recorded at the start of the step as
     * Brian2's StateMonitor does, or at its end ({@code atEnd}, Brian2's when='end'). With
     * {@code toDisk} the samples are appended to the results directory's files as they are taken.
     */
    record State(String name, String group, List<String> variables, List<Integer> indices, boolean all,
                 Optional<Expr> recordDt, boolean atEnd, boolean toDisk) implements Monitor {
        public State {
            variables = List.copyOf(variables);
            indices = List.copyOf(indices);
        }
    }

    /** The population rate (spikes / (N dt)) at the end of every step. */
    record Rate(String name, String group) implements Monitor {
    }
}
