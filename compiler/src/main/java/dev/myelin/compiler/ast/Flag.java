package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

/** An equation flag such as {@code unless refractory}, words joined by single spaces. */
public record Flag(String text, SourceSpan span) {
}
