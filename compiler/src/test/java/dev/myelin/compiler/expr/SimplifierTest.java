package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimplifierTest {

    private static final Expr.Var X = new Expr.Var("x", VarKind.ARRAY, ValueType.DOUBLE, "G");
    private static final Expr.Var N = new Expr.Var("n", VarKind.ARRAY, ValueType.INT, "G");
    private static final Expr.Var B = new Expr.Var("b", VarKind.ARRAY, ValueType.BOOL, "G");

    private static Expr exact(Expr e) {
        return Simplifier.exact().simplify(e);
    }

    private static Expr symbolic(Expr e) {
        return Simplifier.symbolic().simplify(e);
    }

    private static Expr bin(Op op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    private static Expr i(long v) {
        return Expr.Num.ofInt(v);
    }

    @Test
    void foldsLiteralsExactlyAsJavaComputesThem() {
        assertEquals(Expr.num(0.1 + 0.2), exact(Expr.add(Expr.num(0.1), Expr.num(0.2))));
        assertEquals(i(-4), exact(bin(Op.FLOOR_DIV, i(-7), i(2))));
        assertEquals(i(1), exact(bin(Op.MOD, i(-7), i(2))));
        assertEquals(Expr.num(-0.5), exact(bin(Op.MOD, Expr.num(7.5), Expr.num(-2))));
        assertEquals(Expr.num(9.0), exact(bin(Op.FLOOR_DIV, Expr.num(1.0), Expr.num(0.1))));
        assertEquals(Expr.num(0.5), exact(Expr.div(i(1), i(2)))); // true division
        assertEquals(i(1024), exact(bin(Op.POW, i(2), i(10))));
        assertEquals(Expr.num(9.0), exact(bin(Op.POW, Expr.num(3.0), i(2))));
        assertEquals(new Expr.Bool(true), exact(bin(Op.LT, i(1), Expr.num(1.5))));
        assertEquals(i(-3), exact(Expr.Call.of(Function.INT, Expr.num(-3.7))));
        assertEquals(Expr.num(1.0), exact(Expr.Call.of(Function.EXP, Expr.num(0.0))));
        assertEquals(Expr.num(2.0), exact(Expr.Call.of(Function.SQRT, Expr.num(4.0))));
        // nested: folded bottom-up
        assertEquals(Expr.num(-1.0), exact(Expr.sub(Expr.num(0.0), Expr.add(Expr.num(0.5), Expr.num(0.5)))));
    }

    @Test
    void leavesWhatIsNotPinnedDown() {
        Expr pow = bin(Op.POW, Expr.num(2.0), Expr.num(0.5)); // Math.pow is only within 1 ulp
        assertEquals(pow, exact(pow));
        Expr exp = Expr.Call.of(Function.EXP, Expr.num(1.0));
        assertEquals(exp, exact(exp));
        Expr byZero = bin(Op.FLOOR_DIV, i(7), i(0));
        assertEquals(byZero, exact(byZero));
        Expr infinite = Expr.div(Expr.num(1.0), Expr.num(0.0));
        assertEquals(infinite, exact(infinite));
        Expr big = bin(Op.POW, i(2), i(40)); // may overflow an int at run time
        assertEquals(big, exact(big));
        Expr rand = Expr.Call.of(Function.RAND);
        assertEquals(rand, exact(rand));
    }

    @Test
    void exactIdentities() {
        assertEquals(X, exact(Expr.add(X, Expr.num(0))));
        assertEquals(X, exact(Expr.add(Expr.num(0), X)));
        assertEquals(X, exact(Expr.sub(X, Expr.num(0))));
        assertEquals(X, exact(Expr.mul(X, Expr.num(1))));
        assertEquals(X, exact(Expr.mul(Expr.Num.ofInt(1), X)));
        assertEquals(X, exact(Expr.div(X, Expr.num(1))));
        assertEquals(Expr.neg(X), exact(Expr.mul(Expr.num(-1), X)));
        assertEquals(X, exact(Expr.neg(Expr.neg(X))));
        assertEquals(X, exact(bin(Op.POW, X, i(1))));
        assertEquals(Expr.sub(X, X), exact(Expr.add(X, Expr.neg(X))));
        assertEquals(Expr.sub(X, Expr.num(2.0)), exact(Expr.add(X, Expr.num(-2.0))));
        assertEquals(B, exact(new Expr.Unary(Op.NOT, new Expr.Unary(Op.NOT, B))));
        assertEquals(B, exact(bin(Op.AND, new Expr.Bool(true), B)));
        assertEquals(new Expr.Bool(false), exact(bin(Op.AND, new Expr.Bool(false), B)));
        assertEquals(B, exact(bin(Op.OR, B, new Expr.Bool(false))));
    }

    @Test
    void negationsMoveOutwardExactly() {
        Expr.Var y = new Expr.Var("y", VarKind.PARAM, ValueType.DOUBLE, "");
        assertEquals(Expr.neg(Expr.div(Expr.num(1.0), y)), exact(Expr.div(Expr.num(-1.0), y)));
        assertEquals(Expr.neg(Expr.mul(X, y)), exact(Expr.mul(X, Expr.neg(y))));
        assertEquals(Expr.mul(X, y), exact(Expr.mul(Expr.neg(X), Expr.neg(y))));
        // which then cancels against a subtraction: x - (-1.0/y) -> x + 1.0/y
        assertEquals(Expr.add(X, Expr.div(Expr.num(1.0), y)), exact(Expr.sub(X, Expr.div(Expr.num(-1.0), y))));
        // bitwise the same value
        java.util.Map<String, Double> values = java.util.Map.of("x", 0.3, "y", 0.7);
        Expr e = Expr.mul(Expr.div(Expr.num(-1.0), y), X);
        assertEquals(Evaluator.evaluate(e, values), Evaluator.evaluate(exact(e), values));
    }

    @Test
    void identitiesKeepTypesAndRandomDraws() {
        Expr intTimesOne = Expr.mul(N, Expr.num(1.0)); // DOUBLE; dropping the 1.0 would make it INT
        assertEquals(intTimesOne, exact(intTimesOne));
        Expr notNotInt = new Expr.Unary(Op.NOT, new Expr.Unary(Op.NOT, N)); // a bool, not n
        assertEquals(notNotInt, exact(notNotInt));
        Expr randPowZero = bin(Op.POW, Expr.Call.of(Function.RAND), i(0));
        assertEquals(randPowZero, exact(randPowZero));
        Expr zeroTimesRand = Expr.mul(Expr.num(0), Expr.Call.of(Function.RAND));
        assertEquals(zeroTimesRand, symbolic(zeroTimesRand));
    }

    @Test
    void zeroProductsOnlyInSymbolicMode() {
        Expr zeroTimesX = Expr.mul(Expr.num(0), X); // NaN when x is NaN or infinite
        assertEquals(zeroTimesX, exact(zeroTimesX));
        assertEquals(Expr.num(0), symbolic(zeroTimesX));
        assertEquals(Expr.num(0), symbolic(Expr.div(Expr.num(0), X)));
        assertEquals(Expr.neg(X), symbolic(Expr.sub(Expr.num(0), X)));
        assertEquals(i(0), symbolic(Expr.mul(N, i(0))));
        // 0 - (0 - El) -> El, as b = rhs(v := 0) needs
        Expr el = new Expr.Var("El", VarKind.PARAM, ValueType.DOUBLE, "");
        assertEquals(el, symbolic(Expr.sub(Expr.num(0), Expr.sub(Expr.num(0), el))));
    }

    @Test
    void neverReorders() {
        Expr sum = Expr.add(Expr.add(X, Expr.num(1.0)), Expr.num(2.0)); // (x + 1) + 2 is not x + 3
        assertEquals(sum, exact(sum));
    }
}
