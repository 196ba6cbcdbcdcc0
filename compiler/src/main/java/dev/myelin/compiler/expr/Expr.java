package dev.myelin.compiler.expr;

import java.util.List;

/**
 * A resolved, unit-free expression: every number is in SI base units, every name is bound.
 * Immutable; structural equality comes from records.
 */
public sealed interface Expr permits Expr.Num, Expr.Bool, Expr.Var, Expr.Unary, Expr.Binary, Expr.Call {

    ValueType type();

    /** A numeric literal in SI units. Integral literals written without a point are INT. */
    record Num(double value, ValueType type) implements Expr {
        public static Num of(double v) { return new Num(v, ValueType.DOUBLE); }
        public static Num ofInt(long v) { return new Num(v, ValueType.INT); }
    }

    record Bool(boolean value) implements Expr {
        public ValueType type() { return ValueType.BOOL; }
    }

    /**
     * A bound name. {@code owner} is the group that holds it (empty for params, t, dt, locals).
     */
    record Var(String name, VarKind kind, ValueType type, String owner) implements Expr {
        public static Var local(String name) { return new Var(name, VarKind.LOCAL, ValueType.DOUBLE, ""); }
    }

    record Unary(Op op, Expr operand) implements Expr {
        public ValueType type() {
            if (op == Op.NOT) return ValueType.BOOL;
            ValueType t = operand.type();
            return t == ValueType.BOOL ? ValueType.INT : t;
        }
    }

    record Binary(Op op, Expr left, Expr right) implements Expr {
        public ValueType type() {
            if (op.isComparison() || op == Op.AND || op == Op.OR) return ValueType.BOOL;
            if (op == Op.DIV) return ValueType.DOUBLE; // Python 3 true division
            // Each child's type is read once: reading it twice makes this exponential in depth.
            ValueType lt = left.type();
            ValueType rt = right.type();
            ValueType l = lt == ValueType.BOOL ? ValueType.INT : lt;
            ValueType r = rt == ValueType.BOOL ? ValueType.INT : rt;
            ValueType promoted = ValueType.promote(l, r);
            // int ** int is an int only for a non-negative exponent (2**-1 == 0.5).
            if (op == Op.POW && promoted == ValueType.INT && !(right instanceof Num n && n.value() >= 0)) return ValueType.DOUBLE;
            return promoted;
        }
    }

    /**
     * A function call. {@code site} numbers the random calls of one code block so that each call
     * site draws from its own stream; it is 0 for deterministic functions.
     */
    record Call(Function fn, List<Expr> args, int site) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public static Call of(Function fn, Expr... args) { return new Call(fn, List.of(args), 0); }

        public ValueType type() {
            return switch (fn) {
                case INT -> ValueType.INT;
                case ABS, CLIP, SIGN -> {
                    ValueType t = ValueType.INT;
                    for (Expr a : args) if (a.type() == ValueType.DOUBLE) t = ValueType.DOUBLE;
                    yield t;
                }
                default -> ValueType.DOUBLE;
            };
        }
    }

    // Small constructors that read like the maths they build.
    static Expr add(Expr a, Expr b) { return new Binary(Op.ADD, a, b); }
    static Expr sub(Expr a, Expr b) { return new Binary(Op.SUB, a, b); }
    static Expr mul(Expr a, Expr b) { return new Binary(Op.MUL, a, b); }
    static Expr div(Expr a, Expr b) { return new Binary(Op.DIV, a, b); }
    static Expr neg(Expr a) { return new Unary(Op.NEG, a); }
    static Expr num(double v) { return Num.of(v); }
}
