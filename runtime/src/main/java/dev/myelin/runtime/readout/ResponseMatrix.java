package dev.myelin.runtime.readout;

import dev.myelin.runtime.ModelError;
import java.util.Arrays;
import java.util.Objects;

/**
 * The responses of a group of neurons to a sequence of labelled samples, filled sample by sample:
 * for each sample its label and each neuron's response (a spike count, or a rate). Stored
 * row-major in one double[] that grows by doubling, so adding a sample makes no object.
 * Responses must be finite and not negative, as counts and rates are; the readout's rules
 * (a mean above 0 wins) rely on it.
 */
public final class ResponseMatrix {

    /** The largest Java array. */
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final int neurons;
    private final int classes;
    private double[] responses;
    private int[] labels;
    private int samples;

    /** For {@code neurons} neurons and labels 0 .. {@code classes - 1}. */
    public ResponseMatrix(int neurons, int classes) {
        if (neurons < 1) {
            throw new ModelError("a readout needs at least one neuron, not " + neurons);
        }
        if (classes < 1) {
            throw new ModelError("a readout needs labelled samples of at least one class, not " + classes + " classes");
        }
        this.neurons = neurons;
        this.classes = classes;
        this.labels = new int[16];
        this.responses = new double[16 * neurons];
    }

    /**
     * Adds a sample with label {@code label} and each neuron's spike count during it (SpikeRecorder.counts
     * counts from the start of the run, so take the difference of its counts after and before the sample).
     */
    public void add(int label, long[] spikeCounts) {
        int row = newRow(label, spikeCounts.length);
        for (int n = 0; n < neurons; n++) {
            responses[row + n] = spikeCounts[n];
        }
        commit(label);
    }

    /** Adds a sample with label {@code label} and the response of each neuron. */
    public void add(int label, double[] values) {
        int row = newRow(label, values.length);
        System.arraycopy(values, 0, responses, row, neurons);
        commit(label);
    }

    public int samples() {
        return samples;
    }

    public int neurons() {
        return neurons;
    }

    public int classes() {
        return classes;
    }

    public int label(int sample) {
        return labels[checkSample(sample)];
    }

    public double response(int sample, int neuron) {
        return responses[checkSample(sample) * neurons + Objects.checkIndex(neuron, neurons)];
    }

    /** Copies the responses to {@code sample} into {@code into[0 .. neurons())}. */
    public void responses(int sample, double[] into) {
        System.arraycopy(responses, checkSample(sample) * neurons, into, 0, neurons);
    }

    /** Whether no neuron responded to {@code sample}. */
    public boolean silent(int sample) {
        int row = checkSample(sample) * neurons;
        for (int n = 0; n < neurons; n++) {
            if (responses[row + n] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Checks the label and length and makes room for one more row, whose offset it returns. */
    private int newRow(int label, int length) {
        if (label < 0 || label >= classes) {
            throw new ModelError("sample " + samples + " has the label " + label + " but the readout knows " + classes
                    + " classes, 0.." + (classes - 1));
        }
        if (length != neurons) {
            throw new ModelError("sample " + samples + " has responses of " + length + " neurons but the readout watches " + neurons);
        }
        if (samples == labels.length) {
            int capacity = (int) Math.min((long) samples * 2, MAX_ELEMENTS / neurons);
            if (capacity == samples) {
                throw new ModelError("a readout of " + neurons + " neurons holds at most " + samples + " samples");
            }
            labels = Arrays.copyOf(labels, capacity);
            responses = Arrays.copyOf(responses, capacity * neurons);
        }
        return samples * neurons;
    }

    /** Checks the row written by newRow and counts it in. */
    private void commit(int label) {
        int row = samples * neurons;
        for (int n = 0; n < neurons; n++) {
            double r = responses[row + n];
            if (!(r >= 0) || r == Double.POSITIVE_INFINITY) {
                throw new ModelError("neuron " + n + " responded " + r + " to sample " + samples
                        + "; responses must be spike counts or rates, finite and not negative");
            }
        }
        labels[samples++] = label;
    }

    private int checkSample(int sample) {
        if (sample < 0 || sample >= samples) {
            throw new IndexOutOfBoundsException("sample " + sample + " of " + samples);
        }
        return sample;
    }
}
