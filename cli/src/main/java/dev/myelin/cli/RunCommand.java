package dev.myelin.cli;

import dev.myelin.api.Model;
import dev.myelin.api.Network;
import dev.myelin.runtime.protocol.ExperimentRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

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

    @Option(names = "--threads", paramLabel = "N", description = "run the time steps on N threads (default 1); the results are the same")
    int threads = 1;

    @Option(names = "--plot", description = "also draw figures (PNG, SVG) into the results directory's plots/, "
            + "from whatever was recorded, also after a failed or interrupted run")
    boolean plot;

    @Mixin
    PrecisionOption precision = new PrecisionOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Warmup.inBackground();
        Model compiled = precision.compiler().compile(model);
        compiled.warnings().forEach(stderr::print);
        stderr.flush();
        Network network = compiled.experiment(overrides, seed);
        network.setThreads(threads);
        Path dir = out != null ? out : Path.of("results", baseName(model));
        // --plot draws once the results are written, also after a failure or Ctrl-C (then it gets a minute).
        ExperimentRun.AfterWrite draw = plot ? written -> PlotCommand.afterRun(written, compiled.checkedModel(), stdout, stderr) : null;
        ExperimentRun.Outcome outcome = network.runExperiment(dir, stdout, stderr, draw, plot ? 60 : 0);
        if (!outcome.completed()) return ExitCodes.INTERRUPTED;
        return outcome.afterWriteSucceeded() ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
