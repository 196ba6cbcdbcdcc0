package dev.myelin.runtime.monitor;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.io.NpyReader;
import dev.myelin.runtime.io.NpyStream;
import dev.myelin.runtime.io.NpyWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Values of some variables at some indices, sampled every {@code everySteps} steps. Stored per
 * variable as one flat array, sample-major while recording; written as (n_recorded, n_times).
 *
 * <p>A monitor {@code to disk} holds at most a buffer of samples (about 8 MB) and appends each
 * full buffer to its variables' .npy files in the results directory ({@link NpyStream}), so a
 * recording can be far larger than the heap, and what was recorded is on disk as it goes.
 */
public final class StateRecorder implements Recorder {

    /** The buffer of a monitor to disk: about this many bytes per variable. */
    private static final int STREAM_BUFFER_BYTES = 8 << 20;

    private final String name;
    private final String[] variables;
    private final int[] indices;
    private final long everySteps;
    /** Values per variable and sample in the buffers: the recorded indices, at least 1. */
    private final int width;
    /** Where a monitor to disk writes (asked at its first write, once the results directory is set); null: in memory. */
    private final Supplier<Path> streamDirectory;
    private NpyStream[] streams;
    private double[][] data;
    private long[] steps = new long[256];
    /** Samples recorded in all; of these, {@code flushed} are on disk (streaming) and the rest in {@code data}. */
    private int samples;
    private int flushed;

    /** A monitor that keeps its samples in memory. */
    public StateRecorder(String name, String[] variables, int[] indices, long everySteps) {
        this(name, variables, indices, everySteps, null);
    }

    /** {@code streamDirectory} non-null: a monitor to disk, writing into the directory it supplies. */
    public StateRecorder(String name, String[] variables, int[] indices, long everySteps, Supplier<Path> streamDirectory) {
        this.name = name;
        this.variables = variables.clone();
        this.indices = indices.clone();
        this.everySteps = Math.max(1, everySteps);
        this.streamDirectory = streamDirectory;
        this.width = Math.max(1, indices.length);
        int buffered = streamDirectory == null ? 256 : Math.max(1, STREAM_BUFFER_BYTES / (Double.BYTES * width));
        this.data = new double[variables.length][buffered * width];
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
        if (streamDirectory != null) {
            if ((samples - flushed) * width == data[0].length) flush();
            if (samples == steps.length) steps = Arrays.copyOf(steps, steps.length * 2);
        } else if (samples == steps.length) {
            ensureHeap(step);
            steps = Arrays.copyOf(steps, steps.length * 2);
            for (int v = 0; v < data.length; v++) data[v] = Arrays.copyOf(data[v], data[v].length * 2);
        }
        steps[samples++] = step;
    }

    @Override
    public long bytesToRecord(long from, long to) {
        long capacity = grownCapacity(from, to);
        return capacity == steps.length ? 0 : capacity * (Long.BYTES + (long) variables.length * width * Double.BYTES);
    }

    @Override
    public void reserve(long from, long to) {
        int capacity = (int) Math.min(grownCapacity(from, to), Integer.MAX_VALUE - 8);
        if (capacity == steps.length) return;
        // Past what one Java array holds: begin() refuses once the run gets there, keeping what was recorded.
        if ((long) capacity * width > Integer.MAX_VALUE - 8) return;
        steps = Arrays.copyOf(steps, capacity);
        for (int v = 0; v < data.length; v++) data[v] = Arrays.copyOf(data[v], capacity * width);
    }

    /** The samples an in-memory recording must hold to record over steps [from, to) ({@link Recorder#grownCapacity}). */
    private long grownCapacity(long from, long to) {
        if (streamDirectory != null) return steps.length;
        long needed = samples + Math.max(0, Math.floorDiv(to + everySteps - 1, everySteps) - Math.floorDiv(from + everySteps - 1, everySteps));
        return Recorder.grownCapacity(needed, steps.length);
    }

    /** A monitor to disk: appends the buffered samples to its files. */
    private void flush() {
        if (samples == flushed) return;
        try {
            if (streams == null) {
                streams = new NpyStream[variables.length];
                Path dir = streamDirectory.get();
                Files.createDirectories(dir);
                for (int v = 0; v < variables.length; v++) streams[v] = new NpyStream(dir.resolve(fileName(v)), indices.length);
            }
            for (int v = 0; v < variables.length; v++) streams[v].append(data[v], samples - flushed);
        } catch (IOException e) {
            throw new ModelError("monitor " + name + ": cannot write its samples to disk (" + e.getMessage() + ")");
        }
        flushed = samples;
    }

    private String fileName(int variable) {
        return name + "_" + variables[variable] + ".npy";
    }

    /**
     * Refuses to double the recording when the heap cannot hold it (a state monitor is the usual
     * way a long run fills the heap), with what the monitor records and how to make it smaller;
     * what it recorded until then is still written with the results.
     */
    private void ensureHeap(long step) {
        long perSample = (long) width * variables.length * Double.BYTES;
        boolean indexable = (long) samples * 2 * width <= Integer.MAX_VALUE - 8;
        if (indexable && dev.myelin.runtime.HeapRoom.canHold(perSample * samples * 2)) return;
        throw new dev.myelin.runtime.ModelError(String.format(java.util.Locale.ROOT,
                "monitor %s records %,d values per sample (%d variable%s of %,d neurons or synapses) and holds %,d samples (%s) at step %,d;"
                        + " %s cannot hold twice that. Record fewer (record [...]), less often (dt ...), or run Java with"
                        + " a larger heap (-Xmx; with ./myelin: MYELIN_JAVA_OPTS=-Xmx16g), or write it to disk as it records ('to disk' after the monitor);"
                        + " what it recorded so far is written with the results",
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
        data[variable][(samples - 1 - flushed) * indices.length + k] = value;
    }

    @Override
    public int mark() {
        return samples;
    }

    @Override
    public void truncate(int mark) {
        if (mark < flushed) {
            try {
                for (NpyStream stream : streams) stream.truncate(mark);
            } catch (IOException e) {
                throw new ModelError("monitor " + name + ": cannot shorten its files on disk (" + e.getMessage() + ")");
            }
            flushed = mark;
        }
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
        if (streamDirectory != null) {
            flush();
            if (streams == null) return out;
            try {
                double[] rowMajor = NpyReader.read(streams[v].file()).data();
                for (int k = 0; k < indices.length; k++) System.arraycopy(rowMajor, k * samples, out[k], 0, samples);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
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
        if (streamDirectory != null) {
            // The files stay open: a later run (the Java API's) goes on appending to them.
            flush();
            for (int v = 0; v < variables.length; v++) {
                Path target = dir.resolve(fileName(v));
                if (streams == null) NpyWriter.writeTransposed(target, new double[0], indices.length, 0);
                else if (!(Files.exists(target) && Files.isSameFile(streams[v].file(), target))) Files.copy(streams[v].file(), target, StandardCopyOption.REPLACE_EXISTING);
                files.add(fileName(v));
            }
            return files;
        }
        for (int v = 0; v < variables.length; v++) {
            // numpy's (n_recorded, n_times) in C order is the transpose of the sample-major recording.
            String file = fileName(v);
            NpyWriter.writeTransposed(dir.resolve(file), data[v], indices.length, samples);
            files.add(file);
        }
        return files;
    }
}
