package dev.myelin.runtime.protocol;

import dev.myelin.runtime.HeapRoom;
import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.Results;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One execution of a model's whole experiment, with its results written whatever happens: the one
 * path shared by {@code myelin run}, standalone jars and the Java API. Ctrl-C stops the simulation
 * at the next chunk of steps and what was recorded is still written; a failed run writes what it
 * recorded and then rethrows.
 */
public final class ExperimentRun {

    /** Called once results are written (myelin run --plot draws figures); false when it failed. */
    public interface AfterWrite {
        boolean written(Path dir);
    }

    /** How a run ended: {@code interruption} is null for a run that completed. */
    public record Outcome(Path directory, String interruption, boolean afterWriteSucceeded) {
        public boolean completed() {
            return interruption == null;
        }
    }

    private final Simulation sim;
    private final Path dir;
    private final Map<String, Object> info;
    private final Map<String, Double> stageSeconds;

    /** {@code info} goes into manifest.json as it is (model, version); {@code stageSeconds} are the compile timings. */
    public ExperimentRun(Simulation sim, Path dir, Map<String, Object> info, Map<String, Double> stageSeconds) {
        this.sim = sim;
        this.dir = dir;
        // Copies that keep their order: the manifest lists the stages as they ran.
        this.info = new java.util.LinkedHashMap<>(info);
        this.stageSeconds = new java.util.LinkedHashMap<>(stageSeconds);
        sim.setResultsDirectory(dir);
    }

    /**
     * Sets the network up and runs its protocol, writes the results, prints the summary to
     * {@code out} (unless null) and calls {@code after} (may be null), which gets
     * {@code afterSeconds} to finish when the run was interrupted.
     */
    public Outcome execute(String modelName, PrintWriter out, PrintWriter err, AfterWrite after, long afterSeconds) {
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            sim.requestStop();
            try {
                written.await(10 + afterSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        String interruption = null;
        try {
            sim.runProtocol();
        } catch (Simulation.Stopped stopped) {
            interruption = stopped.getMessage();
        } catch (RuntimeException | OutOfMemoryError e) {
            // After OutOfMemoryError the arrays that filled the heap are unreachable, so the results can still be written.
            RuntimeException failure = e instanceof RuntimeException r ? r : new ModelError(String.format(Locale.ROOT,
                    "the Java heap (%s) is full; run Java with a larger heap (-Xmx; with ./myelin: MYELIN_JAVA_OPTS=-Xmx16g)"
                            + " or make the model or its monitors smaller", HeapRoom.limit()));
            write(failure.getMessage());
            err.println("results recorded until the error were written to " + dir);
            err.flush();
            if (after != null) after.written(dir);
            written.countDown();
            throw failure;
        }
        write(interruption);
        Outcome outcome = new Outcome(dir, interruption, true);
        if (out != null) summary(out, modelName, outcome);
        boolean afterOk = after == null || after.written(dir);
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting because of Ctrl-C: the hook is running and has seen the results written.
        }
        return new Outcome(dir, interruption, afterOk);
    }

    private void write(String error) {
        try {
            Results.write(dir, sim, info, stageSeconds, error);
        } catch (IOException e) {
            throw new ModelError("cannot write the results to " + dir + ": " + e.getMessage());
        }
    }

    /** The lines printed after a run: compile and simulation time, spikes per monitor, where the results are. */
    private void summary(PrintWriter out, String modelName, Outcome outcome) {
        double compileMs = stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum() * 1000;
        out.printf("%s: %ssimulated %.4g s of model time in %.3f s%s%n", modelName,
                stageSeconds.isEmpty() ? "" : String.format(Locale.ROOT, "compiled in %.0f ms, ", compileMs),
                sim.step() * sim.dt(), sim.simulateSeconds(), outcome.completed() ? "" : " (" + outcome.interruption() + ")");
        for (Recorder r : sim.recorders()) {
            if (r instanceof SpikeRecorder s) out.printf("  %s: %d spikes%n", s.name(), s.count());
        }
        out.println("  results: " + outcome.directory());
        out.flush();
    }
}
