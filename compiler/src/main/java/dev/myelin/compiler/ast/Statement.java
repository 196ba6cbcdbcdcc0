package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

/** One statement of Brian2 abstract code ({@code v = Vr}, {@code u += d}); {@code op} is "=", "+=", ... */
public record Statement(Ident target, String op, Expression value, SourceSpan span) {
}
