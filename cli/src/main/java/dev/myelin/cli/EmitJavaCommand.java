package dev.myelin.cli;

import dev.myelin.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "emit-java", mixinStandardHelpOptions = true, description = "Write the Java source generated for a model.")
final class EmitJavaCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model file (.myl)")
    Path model;

    @Parameters(index = "1", paramLabel = "DIR", description = "directory to write the source into (package folders are created)")
    Path dir;

    @Mixin
    PrecisionOption precision = new PrecisionOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Warmup.inBackground();
        Model compiled = precision.compiler().compile(model);
        compiled.warnings().forEach(spec.commandLine().getErr()::print);
        spec.commandLine().getErr().flush();
        Path file = dir.resolve(compiled.javaClassName().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, compiled.javaSource());
        spec.commandLine().getOut().println(file);
        return ExitCodes.OK;
    }
}
