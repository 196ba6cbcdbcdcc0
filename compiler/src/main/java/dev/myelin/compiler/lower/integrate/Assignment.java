package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.VarKind;

/** {@code localName = value}: one local computed by a state update, e.g. {@code __k1_v} or {@code _v}. */
public record Assignment(String localName, Expr value) {

    /** The local as a variable of the value's type, for expressions that read it. */
    public Expr.Var local() {
        return new Expr.Var(localName, VarKind.LOCAL, value.type(), "");
    }
}
