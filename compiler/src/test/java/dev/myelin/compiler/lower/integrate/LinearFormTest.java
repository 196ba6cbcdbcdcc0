package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LinearFormTest {

    private static final Expr.Var V = Vars.state("v");
    private static final Expr.Var GE = Vars.state("ge");
    private static final Expr.Var GI = Vars.state("gi");
    private static final Expr.Var W = Vars.state("w");
    private static final Expr.Var TAUM = Vars.param("taum");
    private static final Expr.Var TAUE = Vars.param("taue");
    private static final Expr.Var TAUI = Vars.param("taui");
    private static final Expr.Var EL = Vars.param("El");

    /** Brian2's CUBA example: dv/dt = (ge+gi-(v-El))/taum, dge/dt = -ge/taue, dgi/dt = -gi/taui. */
    static OdeSystem cuba() {
        return new OdeSystem(List.of(
                new StateEquation(V, Expr.div(Expr.sub(Expr.add(GE, GI), Expr.sub(V, EL)), TAUM)),
                new StateEquation(GE, Expr.div(Expr.neg(GE), TAUE)),
                new StateEquation(GI, Expr.div(Expr.neg(GI), TAUI))));
    }

    @Test
    void extractsMatrixAndConstants() {
        LinearSystem s = assertInstanceOf(LinearForm.Linear.class, LinearForm.of(cuba())).system();
        assertEquals("-(1.0 / taum)", ExprFormatter.format(s.coefficient(0, 0)));
        assertEquals("1.0 / taum", ExprFormatter.format(s.coefficient(0, 1)));
        assertEquals("1.0 / taum", ExprFormatter.format(s.coefficient(0, 2)));
        assertEquals("El / taum", ExprFormatter.format(s.constant(0)));
        assertEquals("-(1.0 / taue)", ExprFormatter.format(s.coefficient(1, 1)));
        assertEquals("0.0", ExprFormatter.format(s.coefficient(1, 0)));
        assertEquals("0.0", ExprFormatter.format(s.constant(1)));
    }

    @Test
    void reasonsNameTheEquationAndTheTerm() {
        assertEquals("dv/dt is not linear in v: it contains v**2", reason(
                Expr.div(Expr.sub(EL, new Expr.Binary(Op.POW, V, Expr.Num.ofInt(2))), TAUM)));
        assertEquals("dv/dt is not linear in v: it contains exp(v / taum)", reason(
                Expr.add(Expr.neg(V), Expr.Call.of(Function.EXP, Expr.div(V, TAUM)))));
        assertEquals("dv/dt is not linear in v: it contains floor(v)", reason(
                Expr.add(EL, Expr.Call.of(Function.FLOOR, V))));
        assertEquals("dv/dt is not linear in v: it contains v > El", reason(
                Expr.mul(Expr.Call.of(Function.INT, new Expr.Binary(Op.GT, V, EL)), TAUM)));
        assertEquals("dv/dt depends on t, which exact integration does not support", reason(
                Expr.sub(Expr.Call.of(Function.SIN, Vars.T), V)));
        assertEquals("dv/dt draws random numbers, which are not constant over a time step;"
                + " exact integration does not support that", reason(Expr.sub(Expr.Call.of(Function.RAND), V)));
        // coupling through a product of two state variables
        OdeSystem coupled = new OdeSystem(List.of(
                new StateEquation(V, Expr.div(Expr.mul(Expr.neg(V), W), TAUM)),
                new StateEquation(W, Expr.div(Expr.neg(W), TAUE))));
        assertEquals("the coefficient of v in dv/dt depends on w (-(w / taum))",
                assertInstanceOf(LinearForm.NotLinear.class, LinearForm.of(coupled)).reason());
    }

    @Test
    void parametersAndNotRefractoryAreCoefficients() {
        Expr rhs = Expr.mul(Expr.Call.of(Function.INT, Vars.flag("not_refractory")),
                Expr.div(Expr.sub(Expr.add(EL, Expr.mul(TAUE, TAUI)), V), TAUM));
        LinearSystem s = assertInstanceOf(LinearForm.Linear.class,
                LinearForm.of(new OdeSystem(List.of(new StateEquation(V, rhs))))).system();
        assertEquals("-(int(not_refractory) * (1.0 / taum))", ExprFormatter.format(s.coefficient(0, 0)));
        assertEquals("int(not_refractory) * ((El + taue * taui) / taum)", ExprFormatter.format(s.constant(0)));
    }

    private static String reason(Expr rhs) {
        return assertInstanceOf(LinearForm.NotLinear.class,
                LinearForm.of(new OdeSystem(List.of(new StateEquation(V, rhs))))).reason();
    }
}
