package dev.myelin.cli;

import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.driver.ModelCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a model for errors without running it.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model file (.myl)")
    Path model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Diagnostics d = new ModelCompiler().check(ModelCompiler.read(model));
        if (d.hasErrors()) {
            spec.commandLine().getErr().print(d.render());
            spec.commandLine().getErr().flush();
            return ExitCodes.USER_ERROR;
        }
        d.warnings().forEach(w -> spec.commandLine().getErr().print(w.render()));
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().println(model + ": ok");
        return ExitCodes.OK;
    }
}
