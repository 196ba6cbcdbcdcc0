package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

/** Variables as the checker produces them, for building test models. */
final class Vars {

    private Vars() {
    }

    static Expr.Var state(String name) {
        return new Expr.Var(name, VarKind.ARRAY, ValueType.DOUBLE, "G");
    }

    static Expr.Var param(String name) {
        return new Expr.Var(name, VarKind.PARAM, ValueType.DOUBLE, "");
    }

    static Expr.Var flag(String name) {
        return new Expr.Var(name, VarKind.ARRAY, ValueType.BOOL, "G");
    }

    static final Expr.Var T = new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, "");
}
