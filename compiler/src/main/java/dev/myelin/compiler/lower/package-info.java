/**
 * Lowering: from the checked model to per-group plans of straight-line code. Integration schemes
 * are applied here ({@link dev.myelin.compiler.lower.integrate}), refractoriness becomes explicit
 * code, and what codegen needs to allocate is listed.
 */
package dev.myelin.compiler.lower;
