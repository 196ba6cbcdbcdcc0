/**
 * The immutable syntax tree of a model file, as written: names unresolved, units unchecked, every
 * node with its {@link dev.myelin.compiler.diag.SourceSpan}. Brian2 code strings are already parsed
 * into equations, statements and expressions whose spans point into the file.
 */
package dev.myelin.compiler.ast;
