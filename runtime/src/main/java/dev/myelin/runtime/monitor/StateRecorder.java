package dev.myelin.runtime.monitor;

import dev.myelin.runtime.io.NpyWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Values of some variables at some indices, sampled every {@code everySteps} steps. Stored per
 * variable as one flat array, sample-major while recording; written as (n_recorded, n_times).
 */
public final class StateRecorder implements Recorder {

    private final String name;
    private final String[] variables;
    private final int[] indices;
    private final long everySteps;
    private double[][] data;
    private long[] steps = new long[256];
    private int samples;

    public StateRecorder(String name, String[] variables, int[] indices, long everySteps) {
        this.name = name;
        this.variables = variables.clone();
        this.indices = indices.clone();
        this.everySteps = Math.max(1, everySteps);
        this.data = new double[variables.length][256 * Math.max(1, indices.length)];
    }

    public String name() {
        return name;
    }

    /** Whether this step is one the monitor records (its clock ticks with the network's). */
    public boolean due(long step) {
        return step % everySteps == 0;
    }

    /** Opens a new sample; the generated code then calls {@link #put} for each variable and index. */
    public void begin(long step) {
        if (samples == steps.length) {
            ensureHeap(step);
            steps = Arrays.copyOf(steps, steps.length * 2);
            for (int v = 0; v < data.length; v++) data[v] = Arrays.copyOf(data[v], data[v].length * 2);
        }
        steps[samples++] = step;
    }

    /**
     * Refuses to double the recording when the heap cannot hold it (a state monitor is the usual
     * way a long run fills the heap), with what the monitor records and how to make it smaller;
     * what it recorded until then is still written with the results.
     */
    private void ensureHeap(long step) {
        long perSample = (long) Math.max(1, indices.length) * variables.length * Double.BYTES;
        boolean indexable = (long) samples * 2 * Math.max(1, indices.length) <= Integer.MAX_VALUE - 8;
        if (indexable && dev.myelin.runtime.HeapRoom.canHold(perSample * samples * 2)) return;
        throw new dev.myelin.runtime.ModelError(String.format(java.util.Locale.ROOT,
                "monitor %s records %,d values per sample (%d variable%s of %,d neurons or synapses) and holds %,d samples (%s) at step %,d;"
                        + " %s cannot hold twice that. Record fewer (record [...]), less often (dt ...), or run Java with"
                        + " a larger heap (-Xmx; with ./myelin: MYELIN_JAVA_OPTS=-Xmx16g); what it recorded so far is written with the results",
                name, (long) indices.length * variables.length, variables.length, variables.length == 1 ? "" : "s", indices.length,
                samples, dev.myelin.runtime.HeapRoom.gigabytes(perSample * samples), step,
                indexable ? "the Java heap (" + dev.myelin.runtime.HeapRoom.limit() + ")" : "one Java array"));
    }

    public int size() {
        return indices.length;
    }

    public int index(int k) {
        return indices[k];
    }

    public void put(int variable, int k, double value) {
        data[variable][(samples - 1) * indices.length + k] = value;
    }

    @Override
    public int mark() {
        return samples;
    }

    @Override
    public void truncate(int mark) {
        samples = Math.min(samples, mark);
    }

    /** The recorded variables, in the monitor's order. */
    public List<String> variables() {
        return List.of(variables);
    }

    public int samples() {
        return samples;
    }

    /** Recorded values of one variable as [recorded index][sample]. */
    public double[][] values(String variable) {
        int v = Arrays.asList(variables).indexOf(variable);
        double[][] out = new double[indices.length][samples];
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < indices.length; k++) out[k][s] = data[v][s * indices.length + k];
        }
        return out;
    }

    public long[] steps() {
        return Arrays.copyOf(steps, samples);
    }

    public List<String> write(Path dir, double dt) throws IOException {
        List<String> files = new ArrayList<>();
        double[] t = new double[samples];
        for (int s = 0; s < samples; s++) t[s] = steps[s] * dt;
        NpyWriter.write(dir.resolve(name + "_t.npy"), t);
        files.add(name + "_t.npy");
        for (int v = 0; v < variables.length; v++) {
            // numpy's (n_recorded, n_times) in C order is the transpose of the sample-major recording.
            String file = name + "_" + variables[v] + ".npy";
            NpyWriter.writeTransposed(dir.resolve(file), data[v], indices.length, samples);
            files.add(file);
        }
        return files;
    }
}
