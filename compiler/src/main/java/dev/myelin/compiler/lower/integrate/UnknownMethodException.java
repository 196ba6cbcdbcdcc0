package dev.myelin.compiler.lower.integrate;

/** A method name that names no integration method Myelin offers; the message lists the valid ones. */
public final class UnknownMethodException extends Exception {

    public UnknownMethodException(String message) {
        super(message);
    }
}
