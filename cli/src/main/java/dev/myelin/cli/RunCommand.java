package dev.myelin.cli;

import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Results;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Compile and run a model, writing its results (NPY files and manifest.json).")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model file (.myl)")
    Path model;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override a param, with its unit: --set I0=0.7nA")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: results/<model name>)")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the model's 'seed', else a fresh one)")
    Long seed;

    @Option(names = "--plot", description = "also draw figures (PNG, SVG) into the results directory's plots/, "
            + "from whatever was recorded, also after a failed or interrupted run")
    boolean plot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Warmup.inBackground();
        CompiledModel compiled = new ModelCompiler().compile(model);
        compiled.warnings().forEach(w -> spec.commandLine().getErr().print(w.render()));
        spec.commandLine().getErr().flush();
        Simulation sim = compiled.instantiate(overrides, seed);
        Path dir = out != null ? out : Path.of("results", baseName(model));
        sim.setResultsDirectory(dir);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", model.toString());
        info.put("myelin_version", "0.1.0");

        // Ctrl-C stops the simulation at the next chunk of steps; what was recorded is still written
        // (and plotted, with --plot, which may take longer than writing).
        CountDownLatch written = new CountDownLatch(1);
        long waitSeconds = plot ? 60 : 10;
        Thread onInterrupt = new Thread(() -> {
            sim.requestStop();
            try {
                written.await(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        String error = null;
        int code = ExitCodes.OK;
        try {
            sim.runProtocol();
        } catch (Simulation.Stopped stopped) {
            error = stopped.getMessage();
            code = ExitCodes.INTERRUPTED;
        } catch (RuntimeException | OutOfMemoryError e) {
            // After OutOfMemoryError the arrays that filled the heap are unreachable, so the results can still be written.
            RuntimeException failure = e instanceof RuntimeException r ? r : new dev.myelin.runtime.ModelError(String.format(java.util.Locale.ROOT,
                    "the Java heap (%s) is full; run Java with a larger heap (-Xmx; with ./myelin: MYELIN_JAVA_OPTS=-Xmx16g)"
                            + " or make the model or its monitors smaller", dev.myelin.runtime.HeapRoom.limit()));
            error = failure.getMessage();
            Results.write(dir, sim, info, compiled.timings().asMap(), error);
            spec.commandLine().getErr().println("results recorded until the error were written to " + dir);
            if (plot) PlotCommand.afterRun(dir, compiled.model(), stdout, spec.commandLine().getErr());
            written.countDown();
            throw failure;
        }
        Results.write(dir, sim, info, compiled.timings().asMap(), error);
        summary(stdout, compiled, sim, dir, error);
        if (plot && !PlotCommand.afterRun(dir, compiled.model(), stdout, spec.commandLine().getErr()) && code == ExitCodes.OK) {
            code = ExitCodes.USER_ERROR;
        }
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting because of Ctrl-C: the hook is running and has seen the results written.
        }
        return code;
    }

    private static void summary(PrintWriter out, CompiledModel compiled, Simulation sim, Path dir, String error) {
        Map<String, Double> t = compiled.timings().asMap();
        double compileMs = t.values().stream().mapToDouble(Double::doubleValue).sum() * 1000;
        out.printf("%s: compiled in %.0f ms, simulated %.4g s of model time in %.3f s%s%n", compiled.model().source().name(), compileMs,
                sim.step() * sim.dt(), sim.simulateSeconds(), error == null ? "" : " (" + error + ")");
        for (Recorder r : sim.recorders()) {
            if (r instanceof SpikeRecorder s) out.printf("  %s: %d spikes%n", s.name(), s.count());
        }
        out.println("  results: " + dir);
        out.flush();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
