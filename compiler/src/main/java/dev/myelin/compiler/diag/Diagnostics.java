package dev.myelin.compiler.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of one compilation; each stage reports here and goes on where it can. */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(SourceSpan span, String message, String help) {
        all.add(new Diagnostic(Severity.ERROR, span, message, help));
    }

    public void error(SourceSpan span, String message) {
        error(span, message, "");
    }

    public void warning(SourceSpan span, String message, String help) {
        all.add(new Diagnostic(Severity.WARNING, span, message, help));
    }

    /** The warnings, in source order, for a compilation that otherwise succeeded. */
    public List<Diagnostic> warnings() {
        return all().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** In source order, so a user fixes them top to bottom. */
    public List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.span().file().name())
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()));
        return sorted;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : all()) out.append(d.render());
        long errors = all.stream().filter(d -> d.severity() == Severity.ERROR).count();
        if (errors > 1) out.append(errors).append(" errors\n");
        return out.toString();
    }

    /** Stops the pipeline when the stage just finished found errors. */
    public void throwIfErrors() {
        if (hasErrors()) throw new CompilationFailed(this);
    }
}
