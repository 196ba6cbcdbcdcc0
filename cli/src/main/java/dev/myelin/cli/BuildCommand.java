package dev.myelin.cli;

import dev.myelin.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Compile a model into a standalone jar that runs its whole experiment:",
                "  java -XX:LoopUnrollLimit=250 -jar MODEL.jar [--set NAME=VALUE]... [--out DIR] [--seed S] [--data DIR]",
                "The jar holds the runtime and the model's generated classes, nothing of the compiler."})
final class BuildCommand implements Callable<Integer> {

    /** The launcher's own JIT option (see the myelin script): neuron loops vectorise with it. */
    static final String JIT_OPTION = "-XX:LoopUnrollLimit=250";

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model file (.myl)")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "JAR", description = "the jar to write (default: <model name>.jar in the current folder)")
    Path output;

    @Option(names = "--bundle-data", description = "put the data files the model reads into the jar, so it runs anywhere as one file")
    boolean bundleData;

    @Mixin
    PrecisionOption precision = new PrecisionOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Warmup.inBackground();
        Model compiled = precision.compiler().compile(model);
        compiled.warnings().forEach(spec.commandLine().getErr()::print);
        spec.commandLine().getErr().flush();
        Path jar = output != null ? output : Path.of(RunCommand.baseName(model) + ".jar");
        Model.Jar written = compiled.buildJar(jar, bundleData);
        out.printf(Locale.ROOT, "%s: wrote %s (%.1f MB)%n", model, written.path(), written.bytes() / 1e6);
        if (bundleData) {
            written.bundledData().forEach((name, file) -> out.printf("  bundled %s%n", name));
        } else if (!compiled.checkedModel().dataFiles().isEmpty()) {
            out.printf("  reads %d data file(s) from %s (--bundle-data puts them in the jar)%n", compiled.checkedModel().dataFiles().size(),
                    compiled.checkedModel().dataFiles().values().iterator().next().getParent());
        }
        out.println("  run it with: java " + JIT_OPTION + " -jar " + written.path() + " [--set NAME=VALUE]... [--out DIR] [--seed S]");
        out.flush();
        return ExitCodes.OK;
    }
}
