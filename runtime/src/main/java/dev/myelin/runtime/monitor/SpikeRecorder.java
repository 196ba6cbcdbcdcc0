package dev.myelin.runtime.monitor;

import dev.myelin.runtime.io.NpyWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Spikes of neurons [start, stop) of a group: index relative to start, and the step. Grows by
 * doubling; no object per spike.
 */
public final class SpikeRecorder implements Recorder {

    private final String name;
    private final int start;
    private final int stop;
    private int[] indices = new int[1024];
    private long[] steps = new long[1024];
    private int count;
    /** Where the current (or last) run's spikes begin. */
    private int runStart;

    public SpikeRecorder(String name, int start, int stop) {
        this.name = name;
        this.start = start;
        this.stop = stop;
    }

    public String name() {
        return name;
    }

    /** Called from the threshold slot with the group's spikes of this step. */
    public void record(int[] spikes, int n, long step) {
        for (int k = 0; k < n; k++) {
            int i = spikes[k];
            if (i < start || (stop >= 0 && i >= stop)) continue;
            if (count == indices.length) grow();
            indices[count] = i - start;
            steps[count] = step;
            count++;
        }
    }

    private void grow() {
        indices = Arrays.copyOf(indices, indices.length * 2);
        steps = Arrays.copyOf(steps, steps.length * 2);
    }

    /** Spikes per recorded neuron (Brian2's SpikeMonitor.count), indexed relative to the start of the range. */
    public long[] counts() {
        long[] out = new long[stop - start];
        for (int k = 0; k < count; k++) out[indices[k]]++;
        return out;
    }

    public int count() {
        return count;
    }

    @Override
    public int mark() {
        return count;
    }

    @Override
    public void truncate(int mark) {
        count = Math.min(count, mark);
        runStart = Math.min(runStart, count);
    }

    @Override
    public void beginRun() {
        runStart = count;
    }

    /** Spikes per recorded neuron during the last run (or the current one). */
    public long[] countsInLastRun() {
        long[] out = new long[stop - start];
        for (int k = runStart; k < count; k++) out[indices[k]]++;
        return out;
    }

    /** The number of neurons recorded. */
    public int neurons() {
        return stop - start;
    }

    public int[] indices() {
        return Arrays.copyOf(indices, count);
    }

    public long[] steps() {
        return Arrays.copyOf(steps, count);
    }

    public List<String> write(Path dir, double dt) throws IOException {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) t[k] = steps[k] * dt;
        NpyWriter.write(dir.resolve(name + "_i.npy"), indices());
        NpyWriter.write(dir.resolve(name + "_t.npy"), t);
        return List.of(name + "_i.npy", name + "_t.npy");
    }
}
