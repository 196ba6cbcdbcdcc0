package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExprFormatterTest {

    private static final Expr.Var A = Expr.Var.local("a");
    private static final Expr.Var B = Expr.Var.local("b");
    private static final Expr.Var C = Expr.Var.local("c");

    private static Expr bin(Op op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    @Test
    void printsMinimalParenthesesAndKeepsTreeShape() {
        assertEquals("a + b * c", ExprFormatter.format(Expr.add(A, Expr.mul(B, C))));
        assertEquals("(a + b) * c", ExprFormatter.format(Expr.mul(Expr.add(A, B), C)));
        assertEquals("a - (b - c)", ExprFormatter.format(Expr.sub(A, Expr.sub(B, C))));
        assertEquals("a + (b + c)", ExprFormatter.format(Expr.add(A, Expr.add(B, C))));
        assertEquals("a - b - c", ExprFormatter.format(Expr.sub(Expr.sub(A, B), C)));
        assertEquals("-a**2", ExprFormatter.format(Expr.neg(bin(Op.POW, A, Expr.Num.ofInt(2)))));
        assertEquals("(-a)**2", ExprFormatter.format(bin(Op.POW, Expr.neg(A), Expr.Num.ofInt(2))));
        assertEquals("a**b**c", ExprFormatter.format(bin(Op.POW, A, bin(Op.POW, B, C))));
        assertEquals("(a**b)**c", ExprFormatter.format(bin(Op.POW, bin(Op.POW, A, B), C)));
        assertEquals("(a < b) < c", ExprFormatter.format(bin(Op.LT, bin(Op.LT, A, B), C)));
        assertEquals("not a < b and c", ExprFormatter.format(
                bin(Op.AND, new Expr.Unary(Op.NOT, bin(Op.LT, A, B)), C)));
        assertEquals("exprel(-a / 0.002)", ExprFormatter.format(
                Expr.Call.of(Function.EXPREL, Expr.div(Expr.neg(A), Expr.num(0.002)))));
        assertEquals("a * -2.0", ExprFormatter.format(Expr.mul(A, Expr.num(-2))));
        assertEquals("int(True) + 1.0e-5", ExprFormatter.format(
                Expr.add(Expr.Call.of(Function.INT, new Expr.Bool(true)), Expr.num(1e-5))));
    }
}
