package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.runtime.units.Dimension;

/**
 * {@code name = expr : unit}. The expression already has earlier subexpressions inlined, so
 * using it means substituting {@code value}.
 */
public record Subexpression(String name, Expr value, Dimension dimension, boolean constantOverDt, SourceSpan declaredAt) {
}
