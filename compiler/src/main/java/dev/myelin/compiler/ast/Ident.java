package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

/** A name as written, with where it was written. */
public record Ident(String text, SourceSpan span) {
}
