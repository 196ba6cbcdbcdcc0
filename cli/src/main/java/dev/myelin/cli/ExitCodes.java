package dev.myelin.cli;

/** Exit codes of the {@code myelin} command. */
final class ExitCodes {

    static final int OK = 0;
    /** A bug in Myelin. */
    static final int INTERNAL = 1;
    /** The user's model, files or options are wrong; the message says how. */
    static final int USER_ERROR = 2;
    /** The run was interrupted; results recorded until then were written. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
