package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.Function;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExplicitIntegratorTest {

    private static final Expr.Var X = Vars.state("x");
    private static final Expr.Var Y = Vars.state("y");
    private static final Expr.Var TAU = Vars.param("tau");

    private static OdeSystem decay() {
        return new OdeSystem(List.of(new StateEquation(X, Expr.div(Expr.neg(X), TAU))));
    }

    private static double step(ExplicitScheme scheme, OdeSystem system, Map<String, Double> values, String var) {
        return ExplicitIntegrator.integrate(system, scheme).apply(values).get(var);
    }

    /** On dx/dt = -x/tau one step is x times the Taylor polynomial of exp(-h), h = dt/tau. */
    @Test
    void onLinearDecayEachSchemeIsItsTaylorPolynomial() {
        double x = 0.7, tau = 0.01, dt = 1e-3, h = dt / tau;
        Map<String, Double> values = Map.of("x", x, "tau", tau, "dt", dt);
        double tolerance = 4e-16 * x;
        assertEquals(x * (1 - h), step(ExplicitScheme.EULER, decay(), values, "x"), tolerance);
        assertEquals(x * (1 - h + h * h / 2), step(ExplicitScheme.RK2, decay(), values, "x"), tolerance);
        assertEquals(x * (1 - h + h * h / 2 - h * h * h / 6 + h * h * h * h / 24),
                step(ExplicitScheme.RK4, decay(), values, "x"), tolerance);
        assertEquals(step(ExplicitScheme.EULER, decay(), values, "x"), step(ExplicitScheme.HEUN, decay(), values, "x"));
    }

    /** rk4 on x' = y, y' = -x is (I + hA + (hA)^2/2 + (hA)^3/6 + (hA)^4/24) applied to the state. */
    @Test
    void everyStageIsEvaluatedForAllVariablesBeforeTheNext() {
        OdeSystem oscillator = new OdeSystem(List.of(new StateEquation(X, Y), new StateEquation(Y, Expr.neg(X))));
        double h = 0.1, x = 0.3, y = -0.4;
        // powers of A = [[0, 1], [-1, 0]]: A^2 = -I, A^3 = -A, A^4 = I
        double c = 1 - h * h / 2 + h * h * h * h / 24;
        double s = h - h * h * h / 6;
        Map<String, Double> next = ExplicitIntegrator.integrate(oscillator, ExplicitScheme.RK4)
                .apply(Map.of("x", x, "y", y, "dt", h));
        assertEquals(c * x + s * y, next.get("x"), 1e-16);
        assertEquals(-s * x + c * y, next.get("y"), 1e-16);

        StateUpdate update = ExplicitIntegrator.integrate(oscillator, ExplicitScheme.RK4);
        assertEquals(List.of("__k1_x", "__k1_y", "__k2_x", "__k2_y", "__k3_x", "__k3_y", "__k4_x", "__k4_y", "_x", "_y"),
                update.steps().stream().map(Assignment::localName).toList());
        assertEquals("dt * (y + __k1_y / 2.0)", ExprFormatter.format(update.steps().get(2).value()));
        assertEquals("dt * -(x + __k3_x)", ExprFormatter.format(update.steps().get(7).value()));
        assertEquals("x + (__k1_x + 2.0 * __k2_x + 2.0 * __k3_x + __k4_x) / 6.0",
                ExprFormatter.format(update.steps().get(8).value()));
        assertEquals(Map.of("x", Expr.Var.local("_x"), "y", Expr.Var.local("_y")), update.newValues());
    }

    /** With f depending on t only, rk4 is Simpson's rule and rk2 the midpoint rule. */
    @Test
    void timeIsShiftedPerStage() {
        OdeSystem forced = new OdeSystem(List.of(new StateEquation(X, Expr.Call.of(Function.COS, Vars.T))));
        double t = 0.3, dt = 0.05, x = 1.0;
        Map<String, Double> values = Map.of("x", x, "t", t, "dt", dt);
        double simpson = x + dt / 6 * (Math.cos(t) + 4 * Math.cos(t + dt / 2) + Math.cos(t + dt));
        assertEquals(simpson, step(ExplicitScheme.RK4, forced, values, "x"), 1e-15);
        assertEquals(x + dt * Math.cos(t + dt / 2), step(ExplicitScheme.RK2, forced, values, "x"), 1e-15);
        assertEquals("dt * cos(t + dt / 2.0)", ExprFormatter.format(
                ExplicitIntegrator.integrate(forced, ExplicitScheme.RK2).steps().get(1).value()));
    }

    @Test
    void eulerHasBrian2sShape() {
        StateUpdate update = ExplicitIntegrator.integrate(decay(), ExplicitScheme.EULER);
        assertEquals("__k_x = dt * (-x / tau); _x = x + __k_x",
                update.steps().get(0).localName() + " = " + ExprFormatter.format(update.steps().get(0).value()) + "; "
                        + update.steps().get(1).localName() + " = " + ExprFormatter.format(update.steps().get(1).value()));
    }

    @Test
    void schemesAreValidatedData() {
        assertThrows(IllegalArgumentException.class, () -> new ExplicitScheme("broken",
                List.of(new ExplicitScheme.Stage("k", Expr.add(ExplicitScheme.X, ExplicitScheme.stage("later")),
                        ExplicitScheme.T)), ExplicitScheme.X));
    }
}
