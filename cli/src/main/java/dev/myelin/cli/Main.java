package dev.myelin.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** The {@code myelin} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = MyelinCommand.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(code);
    }

    /** Runs in-process with the given writers; used by tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = MyelinCommand.commandLine(out, err);
        return cl.execute(args);
    }
}
