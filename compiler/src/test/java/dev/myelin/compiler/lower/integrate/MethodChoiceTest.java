package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Op;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MethodChoiceTest {

    private static final OdeSystem NONLINEAR = new OdeSystem(List.of(new StateEquation(Vars.state("v"),
            Expr.neg(new Expr.Binary(Op.POW, Vars.state("v"), Expr.Num.ofInt(2))))));

    @Test
    void namesAreBrian2sCaseInsensitiveWithLinearAsAlias() throws Exception {
        assertEquals(IntegrationMethod.EXACT, MethodChoice.byName("exact"));
        assertEquals(IntegrationMethod.EXACT, MethodChoice.byName("LINEAR"));
        assertEquals(IntegrationMethod.EULER, MethodChoice.byName("Euler"));
        assertEquals(IntegrationMethod.EXPONENTIAL_EULER, MethodChoice.byName("exponential_euler"));
        for (IntegrationMethod m : IntegrationMethod.values()) {
            assertEquals(m, MethodChoice.byName(m.brianName));
        }
    }

    @Test
    void unknownNamesListTheValidOnes() {
        UnknownMethodException unknown = assertThrows(UnknownMethodException.class, () -> MethodChoice.byName("rk3"));
        assertEquals("unknown integration method 'rk3'; valid methods are exact (alias linear), euler, rk2, rk4,"
                + " heun, milstein and exponential_euler", unknown.getMessage());
        UnknownMethodException brian = assertThrows(UnknownMethodException.class, () -> MethodChoice.byName("gsl_rk4"));
        assertEquals("Brian2's integration method 'gsl_rk4' is not supported; valid methods are exact (alias linear),"
                + " euler, rk2, rk4, heun, milstein and exponential_euler", brian.getMessage());
    }

    @Test
    void automaticChoiceIsExactThenEuler() throws Exception {
        MethodChoice.Chosen linear = MethodChoice.automatic(LinearFormTest.cuba());
        assertEquals(IntegrationMethod.EXACT, linear.method());
        assertEquals(Map.of(), linear.rejected());

        MethodChoice.Chosen nonlinear = MethodChoice.automatic(NONLINEAR);
        assertEquals(IntegrationMethod.EULER, nonlinear.method());
        assertEquals(Map.of(IntegrationMethod.EXACT, "dv/dt is not linear in v: it contains v**2"), nonlinear.rejected());
    }

    @Test
    void aNamedMethodThatDoesNotApplyFailsWithItsReason() {
        UnsupportedEquationsException e = assertThrows(UnsupportedEquationsException.class,
                () -> MethodChoice.named("exact", NONLINEAR));
        assertEquals("dv/dt is not linear in v: it contains v**2", e.getMessage());
    }
}
