package dev.myelin.runtime;

/**
 * A problem with the user's model or inputs found at run time (a bad {@code --set} value, a list
 * of the wrong length). Its message is written for the user; the CLI prints it without a trace.
 */
public final class ModelError extends RuntimeException {

    public ModelError(String message) {
        super(message, null, false, false);
    }
}
