package dev.myelin.cli;

import dev.myelin.compiler.diag.CompilationFailed;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.ModelError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level command and the one place exceptions become messages and exit codes. */
@Command(name = "myelin", mixinStandardHelpOptions = true, version = "myelin 0.1.0",
        description = "Brian2-style spiking neural network models, compiled to Java.",
        subcommands = {RunCommand.class, BuildCommand.class, CheckCommand.class, PlotCommand.class, EmitJavaCommand.class, CommandLine.HelpCommand.class})
public final class MyelinCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One factory builds the command line with its writers and exit-code mapping, for main and tests alike. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MyelinCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine.getErr()));
        return cl;
    }

    static int report(Exception e, PrintWriter err) {
        if (e instanceof CompilationFailed failed) {
            err.print(failed.diagnostics().render());
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        if (e instanceof dev.myelin.api.ModelException m) {
            err.print(m.located() ? m.getMessage() : "error: " + m.getMessage() + "\n");
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        if (e instanceof ModelError || e instanceof ModelCompiler.InputError) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        String summary = e.toString().lines().findFirst().orElse(e.getClass().getName());
        err.println("myelin: internal error: " + summary + "\nThis is a bug in Myelin; please report it with the model file."
                + (System.getenv("MYELIN_DEBUG") == null ? " Set MYELIN_DEBUG=1 to see the details." : ""));
        if (System.getenv("MYELIN_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
