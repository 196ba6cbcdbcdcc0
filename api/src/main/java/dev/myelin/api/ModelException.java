package dev.myelin.api;

/**
 * The model, its files or the values given to it are wrong; the message says what to do. For
 * errors found while compiling, {@link #getMessage()} is the full report: {@code file:line:col},
 * the offending line with a caret, and a help line, for every error.
 */
public final class ModelException extends RuntimeException {

    private final boolean located;

    ModelException(String message, boolean located) {
        super(message, null, false, false);
        this.located = located;
    }

    /** True when the message is a compiler report with positions (print it as it is), false for a one-line error. */
    public boolean located() {
        return located;
    }
}
