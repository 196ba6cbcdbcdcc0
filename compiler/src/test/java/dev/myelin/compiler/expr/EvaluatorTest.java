package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    private static final Expr.Var V = new Expr.Var("v", VarKind.ARRAY, ValueType.DOUBLE, "G");
    private static final Expr.Var I = new Expr.Var("i", VarKind.INDEX, ValueType.INT, "");
    private static final Expr.Var FLAG = new Expr.Var("not_refractory", VarKind.ARRAY, ValueType.BOOL, "G");

    private static Expr bin(Op op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    @Test
    void evaluatesEachNodeInItsOwnType() {
        Map<String, Double> values = Map.of("v", -0.07, "i", 7.0, "not_refractory", 1.0);
        // i // 2 is integer arithmetic, then promoted: 3 * -0.07
        Expr e = Expr.mul(bin(Op.FLOOR_DIV, I, Expr.Num.ofInt(2)), V);
        assertEquals(3 * -0.07, Evaluator.evaluate(e, values));
        // i / 2 is true division
        assertEquals(3.5, Evaluator.evaluate(Expr.div(I, Expr.Num.ofInt(2)), values));
        // int(not_refractory) * v
        assertEquals(-0.07, Evaluator.evaluate(Expr.mul(Expr.Call.of(Function.INT, FLAG), V), values));
        // True + 1 == 2 as in Python
        assertEquals(2.0, Evaluator.evaluate(Expr.add(new Expr.Bool(true), Expr.Num.ofInt(1)), values));
        assertEquals(-4.0, Evaluator.evaluate(bin(Op.FLOOR_DIV, Expr.neg(I), Expr.Num.ofInt(2)), values));
    }

    @Test
    void comparisonsAndLogic() {
        Evaluator ev = new Evaluator(Map.of("v", Double.NaN, "i", 3.0));
        assertFalse(ev.truth(bin(Op.LT, V, Expr.num(0))));
        assertTrue(ev.truth(bin(Op.NE, V, V)));
        assertTrue(ev.truth(bin(Op.AND, bin(Op.GE, I, Expr.Num.ofInt(3)), new Expr.Unary(Op.NOT, new Expr.Bool(false)))));
        assertTrue(ev.truth(bin(Op.EQ, I, Expr.num(3.0))));
    }

    @Test
    void refusesRandomCallsAndMissingValues() {
        assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate(Expr.Call.of(Function.RAND), Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate(V, Map.of()));
        assertTrue(e.getMessage().contains("'v'"));
    }

    @Test
    void functions() {
        Map<String, Double> values = Map.of("v", 0.5);
        assertEquals(Math.expm1(0.5) / 0.5, Evaluator.evaluate(Expr.Call.of(Function.EXPREL, V), values));
        assertEquals(0.5, Evaluator.evaluate(Expr.Call.of(Function.CLIP, V, Expr.num(0), Expr.num(1)), values));
        assertEquals(-1.0, Evaluator.evaluate(Expr.Call.of(Function.SIGN, Expr.neg(V)), values));
        assertEquals(1.0, Evaluator.evaluate(Expr.Call.of(Function.CEIL, V), values));
        assertEquals(Math.pow(0.5, 2), Evaluator.evaluate(bin(Op.POW, V, Expr.Num.ofInt(2)), values));
    }
}
