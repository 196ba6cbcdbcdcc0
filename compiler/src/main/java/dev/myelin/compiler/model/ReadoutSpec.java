package dev.myelin.compiler.model;

import dev.myelin.compiler.expr.Expr;

/** A readout over the neurons of spike monitor {@code monitor}, with {@code classes} classes (a whole-number expression). */
public record ReadoutSpec(String name, String monitor, Expr classes) {
}
