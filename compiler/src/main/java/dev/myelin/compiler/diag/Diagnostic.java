package dev.myelin.compiler.diag;

/**
 * One finding about the user's model: what is wrong ({@code message}) and what to do about it
 * ({@code help}, may be empty).
 */
public record Diagnostic(Severity severity, SourceSpan span, String message, String help) {

    /**
     * The form users see:
     * <pre>
     * model.myl:7:19: error: unknown name 'Vt'
     *   7 |     threshold 'v > Vt'
     *     |                    ^^
     *   help: declare it with 'const Vt = ...' or as a parameter in the equations
     * </pre>
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(span).append(": ").append(severity.label).append(": ").append(message).append('\n');
        String text = span.file().line(span.line()).replace('\t', ' ');
        String gutter = String.valueOf(span.line());
        String pad = " ".repeat(gutter.length());
        out.append("  ").append(gutter).append(" | ").append(text).append('\n');
        int available = Math.max(1, text.length() - (span.column() - 1));
        int carets = Math.min(span.length(), available);
        out.append("  ").append(pad).append(" | ").append(" ".repeat(span.column() - 1)).append("^".repeat(carets)).append('\n');
        if (!help.isEmpty()) out.append("  help: ").append(help).append('\n');
        return out.toString();
    }
}
