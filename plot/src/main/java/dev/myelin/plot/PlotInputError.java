package dev.myelin.plot;

/**
 * A results directory that cannot be plotted: missing, without a manifest, or with a file that
 * cannot be read. The message is one line that says what is wrong and what to do; callers print
 * it as it is, without a stack trace.
 */
public final class PlotInputError extends RuntimeException {

    public PlotInputError(String message) {
        super(message, null, false, false);
    }
}
