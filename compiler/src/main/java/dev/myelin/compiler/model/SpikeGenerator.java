package dev.myelin.compiler.model;

import java.util.List;
import java.util.Optional;

/**
 * Brian2's SpikeGeneratorGroup: a group whose spikes are given, inline or from files read when
 * the model runs. {@code period} (seconds, an expression of params) repeats them when present.
 */
public record SpikeGenerator(String group, Source source, Optional<dev.myelin.compiler.expr.Expr> period) {

    public sealed interface Source {
    }

    /** Indices and times (seconds) written in the model file. */
    public record Inline(List<Integer> indices, List<Double> times) implements Source {
        public Inline {
            indices = List.copyOf(indices);
            times = List.copyOf(times);
        }
    }

    /** A CSV file with a header {@code i,t_<unit>}, the unit of the times. */
    public record Csv(String path) implements Source {
    }

    /** Two NPY files: neuron indices, and times in seconds. */
    public record Npy(String indices, String times) implements Source {
    }
}
