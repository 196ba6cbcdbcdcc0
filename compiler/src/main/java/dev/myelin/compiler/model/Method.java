package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;

/**
 * The integration method asked for: a name ({@code exact}, {@code euler}, ...) or empty for
 * Brian2's automatic choice; {@code span} points at the name (or the group) for later errors.
 */
public record Method(String name, SourceSpan span) {

    public boolean automatic() {
        return name.isEmpty();
    }
}
