package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DerivativeTest {

    private static final Expr.Var V = new Expr.Var("v", VarKind.ARRAY, ValueType.DOUBLE, "G");
    private static final Expr.Var W = new Expr.Var("w", VarKind.ARRAY, ValueType.DOUBLE, "G");
    private static final Expr.Var TAU = new Expr.Var("tau", VarKind.PARAM, ValueType.DOUBLE, "");
    private static final Expr.Var NR = new Expr.Var("not_refractory", VarKind.ARRAY, ValueType.BOOL, "G");

    private static Expr bin(Op op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    private static Expr call(Function f, Expr a) {
        return Expr.Call.of(f, a);
    }

    private static String d(Expr e) {
        return ExprFormatter.format(Derivative.of(e, "v"));
    }

    @Test
    void producesTidyExpressions() {
        assertEquals("-(1.0 / tau)", d(Expr.div(Expr.sub(W, V), TAU)));
        assertEquals("2 * v", d(bin(Op.POW, V, Expr.Num.ofInt(2))));
        assertEquals("0.0", d(Expr.mul(W, TAU)));
        assertEquals("-(int(not_refractory) * (1.0 / tau))",
                d(Expr.mul(call(Function.INT, NR), Expr.div(Expr.neg(V), TAU))));
        assertEquals("-w", d(Expr.mul(Expr.neg(V), W)));
        assertEquals("exp(v / tau) * (1.0 / tau)", d(call(Function.EXP, Expr.div(V, TAU))));
        assertEquals("1.0", d(Expr.add(V, Expr.Call.of(Function.RAND)))); // rand() does not depend on v
    }

    /** Every differentiable function against a central difference at a few points. */
    @Test
    void matchesNumericalDerivatives() {
        Expr u = Expr.mul(Expr.num(0.3), V); // exercises the chain rule
        Expr[] cases = {
            call(Function.EXP, u), call(Function.LOG, u), call(Function.LOG10, u), call(Function.SQRT, u),
            call(Function.SIN, u), call(Function.COS, u), call(Function.TAN, u), call(Function.SINH, u),
            call(Function.COSH, u), call(Function.TANH, u), call(Function.ARCSIN, u), call(Function.ARCCOS, u),
            call(Function.ARCTAN, u), call(Function.ABS, u), call(Function.EXPREL, u), call(Function.EXPM1, u),
            call(Function.LOG1P, u), bin(Op.POW, u, Expr.num(2.5)), bin(Op.POW, Expr.num(1.7), u),
            bin(Op.POW, u, u), Expr.div(Expr.num(1.0), u), Expr.div(call(Function.SIN, u), Expr.add(u, Expr.num(2))),
            Expr.mul(u, call(Function.COS, u)), Expr.neg(Expr.sub(u, bin(Op.POW, u, Expr.Num.ofInt(3)))),
        };
        for (Expr e : cases) {
            Expr derivative = Derivative.of(e, "v");
            for (double v : new double[] {0.4, 1.3, 2.9}) {
                double h = 1e-6;
                double numeric = (value(e, v + h) - value(e, v - h)) / (2 * h);
                double symbolic = value(derivative, v);
                assertEquals(numeric, symbolic, 1e-6 * Math.max(1, Math.abs(numeric)),
                        () -> "d/dv " + ExprFormatter.format(e) + " at v=" + v + " = " + ExprFormatter.format(derivative));
            }
        }
    }

    @Test
    void exprelDerivativeIsFiniteAndAccurateAtZero() {
        Expr derivative = Derivative.of(call(Function.EXPREL, V), "v");
        assertEquals(0.5, value(derivative, 0.0), 1e-16);
        // near zero: d/dx exprel = 1/2 + x/3 + x^2/8 + ...
        double x = 1e-3;
        assertEquals(0.5 + x / 3 + x * x / 8 + x * x * x / 30 + x * x * x * x / 144, value(derivative, x), 1e-15);
        // away from zero: (x e^x - e^x + 1)/x^2
        x = 2.0;
        double expected = (x * Math.exp(x) - Math.exp(x) + 1) / (x * x);
        assertEquals(expected, value(derivative, x), 1e-14 * expected);
    }

    @Test
    void piecewiseConstantOperationsAreReportedNotZeroed() {
        for (Expr e : new Expr[] {call(Function.FLOOR, V), call(Function.INT, V), call(Function.SIGN, V),
            bin(Op.GT, V, Expr.num(0)), bin(Op.MOD, V, Expr.num(2)), bin(Op.FLOOR_DIV, V, Expr.num(2)),
            Expr.Call.of(Function.CLIP, V, Expr.num(0), Expr.num(1))}) {
            NotDifferentiableException ex = assertThrows(NotDifferentiableException.class,
                    () -> Derivative.of(Expr.add(W, Expr.mul(TAU, e)), "v"));
            assertEquals(e, ex.culprit());
            assertTrue(!ex.reason().isEmpty());
        }
        // but the same operations on other variables are constants
        assertEquals("floor(w)", d(Expr.mul(call(Function.FLOOR, W), V)));
    }

    private static double value(Expr e, double v) {
        return Evaluator.evaluate(e, Map.of("v", v, "w", 0.7, "tau", 0.01));
    }
}
