/**
 * The checked model: what {@code check} produces and {@code lower} consumes. Names are resolved,
 * dimensions verified, constants folded to SI values; nothing here refers to syntax except the
 * spans kept for the errors later stages may still report (e.g. a non-linear equation under
 * {@code method exact}).
 */
package dev.myelin.compiler.model;
