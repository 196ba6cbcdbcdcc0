package dev.myelin.runtime.readout;

import dev.myelin.runtime.ModelError;
import java.util.Arrays;

/**
 * Which class each neuron stands for, as Diehl and Cook (2015) assign them after unsupervised
 * learning: the class to whose samples the neuron responded most on average. The mean response
 * of neuron n to class c is the sum of its responses to the samples labelled c divided by the
 * number of those samples; classes without samples are skipped.
 *
 * <p>The rules are those of Diehl's {@code get_new_assignments}: every neuron starts unassigned
 * ({@link #UNASSIGNED}, -1) with a best mean of 0, and the classes are visited in increasing order,
 * a class taking the neuron only when its mean is strictly greater than the best so far. So ties
 * go to the lowest class, and a neuron whose means are all 0 (one that never responded to any
 * sample) stays unassigned and takes no part in {@link Prediction}.
 */
public final class LabelAssignment {

    public static final int UNASSIGNED = -1;

    private final int[] classOf;
    private final int classes;
    private final int[] neuronsOf;

    private LabelAssignment(int[] classOf, int classes) {
        this.classOf = classOf;
        this.classes = classes;
        this.neuronsOf = new int[classes];
        for (int c : classOf) {
            if (c != UNASSIGNED) {
                neuronsOf[c]++;
            }
        }
    }

    /** Assigns each neuron from the responses to labelled samples. */
    public static LabelAssignment fit(ResponseMatrix responses) {
        int neurons = responses.neurons();
        int classes = responses.classes();
        double[] sums = new double[classes * neurons];
        int[] samplesOf = new int[classes];
        double[] row = new double[neurons];
        for (int s = 0; s < responses.samples(); s++) {
            int c = responses.label(s);
            samplesOf[c]++;
            responses.responses(s, row);
            for (int n = 0; n < neurons; n++) {
                sums[c * neurons + n] += row[n];
            }
        }
        int[] classOf = new int[neurons];
        for (int n = 0; n < neurons; n++) {
            int best = UNASSIGNED;
            double bestMean = 0;
            for (int c = 0; c < classes; c++) {
                if (samplesOf[c] > 0 && sums[c * neurons + n] / samplesOf[c] > bestMean) {
                    bestMean = sums[c * neurons + n] / samplesOf[c];
                    best = c;
                }
            }
            classOf[n] = best;
        }
        return new LabelAssignment(classOf, classes);
    }

    /** An assignment given class by neuron ({@link #UNASSIGNED} for none), e.g. one saved from an earlier run. */
    public static LabelAssignment of(int[] classOf, int classes) {
        for (int n = 0; n < classOf.length; n++) {
            if (classOf[n] < UNASSIGNED || classOf[n] >= classes) {
                throw new ModelError("neuron " + n + " is assigned class " + classOf[n] + " but there are " + classes
                        + " classes, 0.." + (classes - 1) + " (-1: unassigned)");
            }
        }
        return new LabelAssignment(classOf.clone(), classes);
    }

    public int neurons() {
        return classOf.length;
    }

    public int classes() {
        return classes;
    }

    /** The class of {@code neuron}, or {@link #UNASSIGNED}. */
    public int classOf(int neuron) {
        return classOf[neuron];
    }

    /** The class of every neuron, a copy (for saving with NpyWriter). */
    public int[] toArray() {
        return classOf.clone();
    }

    /** How many neurons stand for class {@code c}. */
    public int neuronsOf(int c) {
        return neuronsOf[c];
    }

    public int unassigned() {
        int count = 0;
        for (int c : classOf) {
            if (c == UNASSIGNED) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "LabelAssignment" + Arrays.toString(classOf);
    }
}
