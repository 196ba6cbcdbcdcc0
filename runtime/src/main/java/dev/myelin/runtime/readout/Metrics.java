package dev.myelin.runtime.readout;

import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.io.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well a {@link Prediction} did: accuracy, the confusion matrix and counts by class. Samples
 * predicted {@link Prediction#NONE} count as wrong and are left out of the confusion matrix (it
 * has no column for them), so row c of the matrix sums to the samples of class c that got a
 * prediction; {@link #unpredictedSamples} says how many did not.
 */
public final class Metrics {

    static final String JSON_FILE = "metrics.json";
    static final String CONFUSION_FILE = "confusion.npy";

    private final int classes;
    private final int samples;
    private final int correct;
    /** Row-major, classes x classes: row the true class, column the predicted class. */
    private final int[] confusion;
    private final int[] samplesOf;
    private final int[] correctOf;
    private final int silentSamples;
    private final int unpredictedSamples;

    private Metrics(Prediction prediction) {
        classes = prediction.classes();
        samples = prediction.samples();
        confusion = new int[classes * classes];
        samplesOf = new int[classes];
        correctOf = new int[classes];
        int right = 0;
        int unpredicted = 0;
        for (int s = 0; s < samples; s++) {
            int label = prediction.label(s);
            int predicted = prediction.predicted(s);
            samplesOf[label]++;
            if (predicted == Prediction.NONE) {
                unpredicted++;
                continue;
            }
            confusion[label * classes + predicted]++;
            if (predicted == label) {
                correctOf[label]++;
                right++;
            }
        }
        correct = right;
        unpredictedSamples = unpredicted;
        silentSamples = prediction.silentSamples();
    }

    public static Metrics of(Prediction prediction) {
        return new Metrics(prediction);
    }

    public int classes() {
        return classes;
    }

    public int samples() {
        return samples;
    }

    public int correct() {
        return correct;
    }

    /** The fraction of samples predicted right; NaN when there are no samples. */
    public double accuracy() {
        return samples == 0 ? Double.NaN : (double) correct / samples;
    }

    /** How many samples of class {@code trueClass} were predicted {@code predictedClass}. */
    public int confusion(int trueClass, int predictedClass) {
        return confusion[trueClass * classes + predictedClass];
    }

    /** The confusion matrix row-major, classes x classes (row: true class, column: predicted class), a copy. */
    public int[] confusion() {
        return confusion.clone();
    }

    /** How many samples are labelled {@code c}. */
    public int samplesOf(int c) {
        return samplesOf[c];
    }

    /** How many samples labelled {@code c} were predicted right. */
    public int correctOf(int c) {
        return correctOf[c];
    }

    /** Samples no neuron responded to. */
    public int silentSamples() {
        return silentSamples;
    }

    /** Samples predicted {@link Prediction#NONE}: the silent ones and those only unassigned neurons responded to. */
    public int unpredictedSamples() {
        return unpredictedSamples;
    }

    /**
     * Writes {@code metrics.json} and {@code confusion.npy} (int32, classes x classes) into
     * {@code dir}, creating it if need be; {@code extra} entries (timings) end the JSON object.
     */
    public void write(Path dir, Map<String, Object> extra) throws IOException {
        Files.createDirectories(dir);
        NpyWriter.writeMatrix(dir.resolve(CONFUSION_FILE), confusion, classes, classes);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("samples", samples);
        json.put("correct", correct);
        json.put("accuracy", accuracy());
        json.put("classes", classes);
        json.put("class_samples", samplesOf);
        json.put("class_correct", correctOf);
        json.put("silent_samples", silentSamples);
        json.put("unpredicted_samples", unpredictedSamples);
        json.put("confusion_file", CONFUSION_FILE);
        json.putAll(extra);
        Files.writeString(dir.resolve(JSON_FILE), Json.write(json) + "\n");
    }
}
