package dev.myelin.compiler.expr;

import java.util.StringJoiner;

/**
 * Prints an expression in Brian2's (Python's) syntax with only the parentheses the tree needs,
 * for error messages and test failures. Numbers are SI values, so {@code -70*mV} prints as
 * {@code -0.07}. Tree shape is preserved: {@code a + (b + c)} keeps its parentheses because the
 * IR never reassociates.
 */
public final class ExprFormatter {

    private ExprFormatter() {
    }

    public static String format(Expr e) {
        return print(e);
    }

    // Python's precedence, loosest first.
    private static final int OR = 1, AND = 2, NOT = 3, COMPARE = 4, SUM = 5, PRODUCT = 6, SIGN = 7, POWER = 8, ATOM = 9;

    private static int precedence(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0) ? SIGN : ATOM;
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Op.NOT ? NOT : SIGN;
        }
        if (e instanceof Expr.Binary b) {
            return precedence(b.op());
        }
        return ATOM;
    }

    private static int precedence(Op op) {
        return switch (op) {
            case OR -> OR;
            case AND -> AND;
            case NOT -> NOT;
            case LT, LE, GT, GE, EQ, NE -> COMPARE;
            case ADD, SUB -> SUM;
            case MUL, DIV, FLOOR_DIV, MOD -> PRODUCT;
            case NEG -> SIGN;
            case POW -> POWER;
        };
    }

    private static String print(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n);
        }
        if (e instanceof Expr.Bool b) {
            return b.value() ? "True" : "False";
        }
        if (e instanceof Expr.Var v) {
            return v.name();
        }
        if (e instanceof Expr.Unary u) {
            int mine = precedence(u);
            String operand = wrap(u.operand(), precedence(u.operand()) < mine);
            return u.op() == Op.NOT ? "not " + operand : "-" + operand;
        }
        if (e instanceof Expr.Binary b) {
            int mine = precedence(b.op());
            int left = precedence(b.left());
            int right = precedence(b.right());
            boolean wrapLeft;
            boolean wrapRight;
            if (b.op() == Op.POW) { // right-associative, and binds tighter than a unary minus on its left
                wrapLeft = left <= mine;
                wrapRight = right < SIGN;
            } else if (mine == COMPARE) { // Python would read a < b < c as a chain
                wrapLeft = left <= mine;
                wrapRight = right <= mine;
            } else {
                wrapLeft = left < mine;
                wrapRight = right <= mine;
            }
            String symbol = b.op() == Op.POW ? b.op().symbol : " " + b.op().symbol + " "; // v**2, as Brian2 prints it
            return wrap(b.left(), wrapLeft) + symbol + wrap(b.right(), wrapRight);
        }
        Expr.Call c = (Expr.Call) e;
        StringJoiner args = new StringJoiner(", ", c.fn().brianName + "(", ")");
        for (Expr a : c.args()) {
            args.add(print(a));
        }
        return args.toString();
    }

    private static String wrap(Expr e, boolean parenthesise) {
        return parenthesise ? "(" + print(e) + ")" : print(e);
    }

    private static String number(Expr.Num n) {
        double v = n.value();
        if (n.type() == ValueType.INT) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e").replace("Infinity", "inf");
    }
}
