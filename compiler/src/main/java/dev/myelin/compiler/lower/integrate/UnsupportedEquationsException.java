package dev.myelin.compiler.lower.integrate;

/**
 * An integration method cannot handle the given equations. The message is a complete sentence
 * for the user, e.g. "dv/dt is not linear in v: it contains v**2".
 */
public final class UnsupportedEquationsException extends Exception {

    public UnsupportedEquationsException(String reason) {
        super(reason);
    }
}
