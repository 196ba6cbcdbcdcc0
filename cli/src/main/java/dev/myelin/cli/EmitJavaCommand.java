package dev.myelin.cli;

import dev.myelin.compiler.codegen.GeneratedSource;
import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.compiler.driver.ModelCompiler;
import picocli.CommandLine.Command;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Warmup.inBackground();
        CompiledModel compiled = new ModelCompiler().compile(model);
        compiled.warnings().forEach(w -> spec.commandLine().getErr().print(w.render()));
        spec.commandLine().getErr().flush();
        GeneratedSource source = compiled.source();
        Path file = dir.resolve(source.packageName().replace('.', '/')).resolve(source.simpleName() + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.source());
        spec.commandLine().getOut().println(file);
        return ExitCodes.OK;
    }
}
