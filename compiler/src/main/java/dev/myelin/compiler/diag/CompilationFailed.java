package dev.myelin.compiler.diag;

/** Thrown when a model has user errors; carries them for rendering. Never shown as a stack trace. */
public final class CompilationFailed extends RuntimeException {

    private final transient Diagnostics diagnostics;

    public CompilationFailed(Diagnostics diagnostics) {
        super(diagnostics.render(), null, false, false);
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
