package dev.myelin.runtime.readout;

import dev.myelin.runtime.ModelError;
import java.util.Arrays;

/**
 * The class each sample is predicted to be, by the vote of Diehl and Cook (2015): the class whose
 * assigned neurons responded most on average, the mean for class c being the sum of the
 * responses of the neurons assigned c divided by the number of those neurons. Classes without
 * neurons are skipped and unassigned neurons are ignored.
 *
 * <p>The best class starts as {@link #NONE} (-1) with a mean of 0 and the classes are visited in
 * increasing order, a class winning only with a mean strictly greater than the best so far: ties
 * go to the lowest class, as in {@link LabelAssignment}, and a sample to which no assigned neuron
 * responded is predicted {@code NONE}, which is never correct. Diehl's
 * {@code get_recognized_number_ranking} differs in both cases: it takes the first of
 * {@code np.argsort(summed_rates)[::-1]}, which sends ties to the highest class and a silent sample
 * to class 9 (the last), so a silent network would score about 10% by chance. Silent samples are
 * counted apart ({@link #silentSamples}).
 */
public final class Prediction {

    public static final int NONE = -1;

    private final int[] predicted;
    private final int[] labels;
    private final int classes;
    private final int silentSamples;

    private Prediction(int[] predicted, int[] labels, int classes, int silentSamples) {
        this.predicted = predicted;
        this.labels = labels;
        this.classes = classes;
        this.silentSamples = silentSamples;
    }

    /** Predicts every sample of {@code responses} so far from the neurons' classes in {@code assignment}. */
    public static Prediction of(ResponseMatrix responses, LabelAssignment assignment) {
        if (responses.neurons() != assignment.neurons() || responses.classes() != assignment.classes()) {
            throw new ModelError("the responses are of " + responses.neurons() + " neurons and " + responses.classes()
                    + " classes but the assignment is of " + assignment.neurons() + " neurons and " + assignment.classes() + " classes");
        }
        int samples = responses.samples();
        int[] predicted = new int[samples];
        int[] labels = new int[samples];
        int silent = 0;
        double[] row = new double[responses.neurons()];
        double[] sums = new double[assignment.classes()];
        for (int s = 0; s < samples; s++) {
            responses.responses(s, row);
            predicted[s] = vote(assignment, row, sums);
            labels[s] = responses.label(s);
            if (responses.silent(s)) {
                silent++;
            }
        }
        return new Prediction(predicted, labels, assignment.classes(), silent);
    }

    /** The predicted class of one sample from each neuron's response to it, or {@link #NONE}. */
    public static int predict(LabelAssignment assignment, double[] responses) {
        if (responses.length != assignment.neurons()) {
            throw new ModelError("responses of " + responses.length + " neurons given but the assignment is of " + assignment.neurons());
        }
        return vote(assignment, responses, new double[assignment.classes()]);
    }

    /** The vote; {@code sums} is scratch space of one element a class. */
    private static int vote(LabelAssignment assignment, double[] responses, double[] sums) {
        Arrays.fill(sums, 0);
        for (int n = 0; n < responses.length; n++) {
            int c = assignment.classOf(n);
            if (c != LabelAssignment.UNASSIGNED) {
                sums[c] += responses[n];
            }
        }
        int best = NONE;
        double bestMean = 0;
        for (int c = 0; c < sums.length; c++) {
            int neurons = assignment.neuronsOf(c);
            if (neurons > 0 && sums[c] / neurons > bestMean) {
                bestMean = sums[c] / neurons;
                best = c;
            }
        }
        return best;
    }

    public int samples() {
        return predicted.length;
    }

    public int classes() {
        return classes;
    }

    /** The predicted class of {@code sample}, or {@link #NONE}. */
    public int predicted(int sample) {
        return predicted[sample];
    }

    /** The true class of {@code sample}. */
    public int label(int sample) {
        return labels[sample];
    }

    /** The predicted classes of all samples, a copy. */
    public int[] toArray() {
        return predicted.clone();
    }

    /** How many samples no neuron at all responded to (all of them are predicted {@link #NONE}). */
    public int silentSamples() {
        return silentSamples;
    }
}
