package dev.myelin.runtime.readout;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.io.NpyWriter;
import dev.myelin.runtime.monitor.SpikeRecorder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The readout of a model's protocol: samples observed (to assign each neuron a class) and samples
 * to classify, each as the spike counts of a monitor's neurons during the last run, with a label.
 */
public final class Readout {

    private final String name;
    private final SpikeRecorder monitor;
    private final int classes;
    private final ResponseMatrix observed;
    private final ResponseMatrix tested;

    public Readout(String name, SpikeRecorder monitor, int classes) {
        this.name = name;
        this.monitor = monitor;
        this.classes = classes;
        this.observed = new ResponseMatrix(monitor.neurons(), classes);
        this.tested = new ResponseMatrix(monitor.neurons(), classes);
    }

    public void observe(long label) {
        observed.add(checked(label), monitor.countsInLastRun());
    }

    public void predict(long label) {
        tested.add(checked(label), monitor.countsInLastRun());
    }

    private int checked(long label) {
        if (label < 0 || label >= classes) {
            throw new ModelError("readout " + name + ": the label " + label + " is not one of the " + classes + " classes (0 to " + (classes - 1) + ")");
        }
        return (int) label;
    }

    /** Assigns classes from the observed samples and classifies the others. */
    public Report report() {
        LabelAssignment assignment = LabelAssignment.fit(observed);
        Metrics metrics = Metrics.of(Prediction.of(tested, assignment));
        return new Report(name, observed.samples(), assignment, metrics);
    }

    /** What a report found: the neurons' classes and the classification's metrics. */
    public record Report(String name, int observedSamples, LabelAssignment assignment, Metrics metrics) {

        public String summary() {
            return String.format(java.util.Locale.ROOT, "%s: accuracy %.4f (%d of %d samples; classes assigned from %d samples, %d of %d neurons unassigned)",
                    name, metrics.accuracy(), metrics.correct(), metrics.samples(), observedSamples, assignment.unassigned(), assignment.neurons());
        }

        /**
         * metrics.json and confusion.npy (see {@link Metrics#write}) and assignments.npy (each
         * neuron's class, -1 for none); {@code extra} goes into metrics.json.
         */
        public void write(Path dir, java.util.Map<String, Object> extra) throws IOException {
            java.util.Map<String, Object> more = new java.util.LinkedHashMap<>();
            more.put("observed_samples", observedSamples);
            more.putAll(extra);
            metrics.write(dir, more);
            NpyWriter.write(dir.resolve("assignments.npy"), assignment.toArray());
        }
    }
}
