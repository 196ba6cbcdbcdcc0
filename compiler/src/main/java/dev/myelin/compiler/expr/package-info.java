/**
 * The resolved expression IR shared by the stages after checking: names are bound to what they
 * mean ({@link dev.myelin.compiler.expr.Expr.Var}), constants and units are folded to SI doubles,
 * and every node knows its value type. Lowering rewrites these trees (integration schemes,
 * simplification); codegen prints them as Java.
 */
package dev.myelin.compiler.expr;
