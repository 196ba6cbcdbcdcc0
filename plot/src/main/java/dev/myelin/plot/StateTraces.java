package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;

import java.util.List;

/** A state monitor's record: sample times in seconds and, per variable, (n_recorded, n_times) values in SI units. */
record StateTraces(String monitor, double[] seconds, List<Variable> variables) implements Recording {

    StateTraces {
        variables = List.copyOf(variables);
    }

    /** One recorded variable: row k is the k-th recorded neuron or synapse. */
    record Variable(String name, NpyArray values) {

        int rows() {
            return values.shape()[0];
        }

        /** Row {@code k} as its own array. */
        double[] row(int k) {
            int times = values.shape()[1];
            double[] out = new double[times];
            System.arraycopy(values.data(), k * times, out, 0, times);
            return out;
        }
    }
}
