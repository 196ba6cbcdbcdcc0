package dev.myelin.cli;

import dev.myelin.api.Myelin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
        Myelin.CheckReport report = new Myelin().check(model);
        spec.commandLine().getErr().print(report.report());
        spec.commandLine().getErr().flush();
        if (report.hasErrors()) return ExitCodes.USER_ERROR;
        spec.commandLine().getOut().println(model + ": ok");
        return ExitCodes.OK;
    }
}
