package dev.myelin.compiler.expr;

/** Operators of Brian2's expression language, with Python semantics. */
public enum Op {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**"),
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="),
    AND("and"), OR("or"),
    NEG("-"), NOT("not");

    public final String symbol;

    Op(String symbol) { this.symbol = symbol; }

    public boolean isComparison() { return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE; }

    public boolean isLogical() { return this == AND || this == OR || this == NOT; }
}
