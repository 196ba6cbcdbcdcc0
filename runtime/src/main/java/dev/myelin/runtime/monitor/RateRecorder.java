package dev.myelin.runtime.monitor;

import dev.myelin.runtime.io.NpyWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Brian2's PopulationRateMonitor: spikes / (N dt) at the end of every step, in Hz. */
public final class RateRecorder implements Recorder {

    private final String name;
    private final int groupSize;
    private int[] counts = new int[1024];
    private long firstStep = -1;
    private int samples;

    public RateRecorder(String name, int groupSize) {
        this.name = name;
        this.groupSize = groupSize;
    }

    public String name() {
        return name;
    }

    @Override
    public int mark() {
        return samples;
    }

    @Override
    public void truncate(int mark) {
        samples = Math.min(samples, mark);
        if (samples == 0) firstStep = -1;
    }

    @Override
    public long bytesToRecord(long from, long to) {
        long capacity = grownCapacity(from, to);
        return capacity == counts.length ? 0 : capacity * Integer.BYTES;
    }

    @Override
    public void reserve(long from, long to) {
        long capacity = grownCapacity(from, to);
        if (capacity != counts.length && capacity <= Integer.MAX_VALUE - 8) counts = Arrays.copyOf(counts, (int) capacity);
    }

    /** One count per step. */
    private long grownCapacity(long from, long to) {
        return Recorder.grownCapacity(samples + Math.max(0, to - from), counts.length);
    }

    public void record(long step, int spikes) {
        if (firstStep < 0) firstStep = step;
        if (samples == counts.length) counts = Arrays.copyOf(counts, counts.length * 2);
        counts[samples++] = spikes;
    }

    public List<String> write(Path dir, double dt) throws IOException {
        double[] t = new double[samples];
        double[] rate = new double[samples];
        for (int s = 0; s < samples; s++) {
            t[s] = (firstStep + s) * dt;
            rate[s] = counts[s] / dt / groupSize;
        }
        NpyWriter.write(dir.resolve(name + "_t.npy"), t);
        NpyWriter.write(dir.resolve(name + "_rate.npy"), rate);
        return List.of(name + "_t.npy", name + "_rate.npy");
    }
}
