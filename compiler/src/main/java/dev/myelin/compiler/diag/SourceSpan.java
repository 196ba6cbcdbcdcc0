package dev.myelin.compiler.diag;

/**
 * Where a piece of syntax sits in its file: 1-based line and column of its first character, and
 * its length in characters on that line (at least 1, so a caret can always be drawn).
 */
public record SourceSpan(SourceFile file, int line, int column, int length) {

    public SourceSpan {
        length = Math.max(1, length);
    }

    /** The span from the start of this one to the end of {@code other} when on the same line. */
    public SourceSpan to(SourceSpan other) {
        if (other.line != line || other.column < column) return this;
        return new SourceSpan(file, line, column, other.column + other.length - column);
    }

    @Override
    public String toString() {
        return file.name() + ":" + line + ":" + column;
    }
}
