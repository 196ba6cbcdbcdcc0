package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

/**
 * {@code dx/dt = rhs}, with subexpressions inlined. {@code unlessRefractory} means the right-hand
 * side is multiplied by {@code int(not_refractory)}, as Brian2 does, when integrating.
 */
public record DiffEquation(String variable, Expr rhs, boolean unlessRefractory, SourceSpan span) {
}
