package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact integration of 2-variable feedback loops (adaptive LIF), against Brian2 and fine RK4. */
class CoupledPairsTest {

    private static final Expr.Var V = Vars.state("v");
    private static final Expr.Var W = Vars.state("w");
    private static final Expr.Var I = Vars.state("I");
    private static final Expr.Var EL = Vars.param("El");
    private static final Expr.Var R = Vars.param("R");
    private static final Expr.Var TAU = Vars.param("tau");
    private static final Expr.Var TAUW = Vars.param("tauw");
    private static final Expr.Var A = Vars.param("a");
    private static final Expr.Var TAUS = Vars.param("tau_s");

    /** dv/dt = (-(v - El) - R*w [+ R*I])/tau, dw/dt = (a*(v - El) - w)/tauw [, dI/dt = -I/tau_s]. */
    private static OdeSystem adaptive(boolean driven) {
        Expr vRhs = Expr.sub(Expr.neg(Expr.sub(V, EL)), Expr.mul(R, W));
        if (driven) {
            vRhs = Expr.add(vRhs, Expr.mul(R, I));
        }
        StateEquation v = new StateEquation(V, Expr.div(vRhs, TAU));
        StateEquation w = new StateEquation(W, Expr.div(Expr.sub(Expr.mul(A, Expr.sub(V, EL)), W), TAUW));
        if (!driven) {
            return new OdeSystem(List.of(v, w));
        }
        return new OdeSystem(List.of(v, w, new StateEquation(I, Expr.div(Expr.neg(I), TAUS))));
    }

    private static Map<String, Double> values(double a) {
        return new HashMap<>(Map.of("El", -0.07, "R", 1e8, "tau", 0.02, "tauw", 0.1, "a", a, "tau_s", 0.005,
                "dt", 1e-4, "v", -0.05, "w", 1e-10, "I", 5e-10));
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    /** Runs {@code steps} steps; returns the states after 1, 10, 100, 1000 steps (as available). */
    private static Map<Integer, Map<String, Double>> run(StateUpdate update, Map<String, Double> values, int steps) {
        Map<Integer, Map<String, Double>> snapshots = new HashMap<>();
        for (int k = 1; k <= steps; k++) {
            values.putAll(update.apply(values));
            snapshots.put(k, new HashMap<>(values));
        }
        return snapshots;
    }

    @Test
    void adaptiveLifMatchesBrian2sTrajectory() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(adaptive(false));
        Map<Integer, Map<String, Double>> s = run(update, values(2e-9), 1000);
        // Brian2 2.5.1, method='exact', numpy target, dt = 0.1 ms, v0 = -50 mV, w0 = 0.1 nA
        double[][] brian2 = {
            {1, -0.050149610629250725, 9.993988029961039e-11},
            {10, -0.05146162257054288, 9.938829613750197e-11},
            {100, -0.06166158479761388, 9.306449917248892e-11},
            {1000, -0.07418018409159616, 3.3397091740135023e-11}};
        for (double[] row : brian2) {
            int k = (int) row[0];
            assertRelative(row[1], s.get(k).get("v"), 1e-10, "v after " + k);
            assertRelative(row[2], s.get(k).get("w"), 1e-10, "w after " + k);
        }
    }

    @Test
    void adaptiveLifDrivenByAStateVariableCurrent() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(adaptive(true));
        Map<Integer, Map<String, Double>> s = run(update, values(2e-9), 1000);
        // expm of the augmented 4x4 matrix with mpmath at 40 digits (Brian2's sympy does not finish
        // the symbolic 3x3 exponential in 8 minutes)
        double[][] reference = {
            {1, -0.049902713905830473925, 9.9940128144355765844e-11, 4.9009933665337765111e-10},
            {10, -0.049253349959589160596, 9.9411239561757698674e-11, 4.0936537653899092933e-10},
            {100, -0.053828469203689558764, 9.4199244562318878421e-11, 6.7667641618306345947e-11},
            {1000, -0.074315302551430252175, 3.5482177138582495461e-11, 1.030576811219278914e-18}};
        for (double[] row : reference) {
            int k = (int) row[0];
            assertRelative(row[1], s.get(k).get("v"), 1e-10, "v after " + k);
            assertRelative(row[2], s.get(k).get("w"), 1e-10, "w after " + k);
            assertRelative(row[3], s.get(k).get("I"), 1e-10, "I after " + k);
        }
    }

    private static double[] rk4(Map<String, Double> p, double span) {
        double el = p.get("El"), r = p.get("R"), tau = p.get("tau"), tauw = p.get("tauw"), a = p.get("a");
        double ts = p.get("tau_s");
        return FineRk4.solve((t, x) -> new double[] {
            (-(x[0] - el) - r * x[1] + r * x[2]) / tau, (a * (x[0] - el) - x[1]) / tauw, -x[2] / ts},
            0, new double[] {p.get("v"), p.get("w"), p.get("I")}, span, 20000);
    }

    @Test
    void equalAndNearlyEqualEigenvaluesStayAccurate() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(adaptive(true));
        // h = -20/s; s^2 = 400 - R*a/(tau*tauw) = 0 at a = 8 nS (critical damping)
        for (double a : new double[] {8e-9, 8e-9 * (1 - 1e-12), 8e-9 * (1 - 1e-6), 8e-9 * (1 - 1e-3), 7e-9}) {
            for (double dt : new double[] {1e-4, 1e-3}) {
                Map<String, Double> p = values(a);
                p.put("dt", dt);
                Map<String, Double> next = update.apply(p);
                double[] reference = rk4(p, dt);
                assertRelative(reference[0], next.get("v"), 1e-11, "v at a = " + a + ", dt = " + dt);
                assertRelative(reference[1], next.get("w"), 1e-11, "w at a = " + a + ", dt = " + dt);
                assertRelative(reference[2], next.get("I"), 1e-11, "I at a = " + a + ", dt = " + dt);
            }
        }
    }

    @Test
    void literalCoefficientsWithARepeatedEigenvalue() throws Exception {
        // dx/dt = -2x - y + 1, dy/dt = x - 4y: h = 1, b*c = -1, eigenvalue -3 twice (folded literals)
        Expr.Var x = Vars.state("x");
        Expr.Var y = Vars.state("y");
        OdeSystem system = new OdeSystem(List.of(
                new StateEquation(x, Expr.add(Expr.sub(Expr.mul(Expr.num(-2), x), y), Expr.num(1))),
                new StateEquation(y, Expr.sub(x, Expr.mul(Expr.num(4), y)))));
        StateUpdate update = ExactIntegrator.integrate(system);
        double dt = 0.05;
        Map<String, Double> next = update.apply(Map.of("x", 0.3, "y", -0.2, "dt", dt));
        double[] reference = FineRk4.solve((t, s) -> new double[] {-2 * s[0] - s[1] + 1, s[0] - 4 * s[1]},
                0, new double[] {0.3, -0.2}, dt, 4000);
        assertRelative(reference[0], next.get("x"), 1e-12, "x");
        assertRelative(reference[1], next.get("y"), 1e-12, "y");
    }

    @Test
    void symmetricCouplingWithEqualDiagonals() throws Exception {
        // dv/dt = (w - v)/tau, dw/dt = (v - w)/tau: h = 0, eigenvalues 0 and -2/tau
        Expr.Var tau = Vars.param("tau");
        StateUpdate update = ExactIntegrator.integrate(new OdeSystem(List.of(
                new StateEquation(V, Expr.div(Expr.sub(W, V), tau)),
                new StateEquation(W, Expr.div(Expr.sub(V, W), tau)))));
        double dt = 1e-3, t = 0.01, v = 1.0, w = 3.0;
        Map<String, Double> next = update.apply(Map.of("tau", t, "dt", dt, "v", v, "w", w));
        double mean = (v + w) / 2, diff = (v - w) / 2 * Math.exp(-2 * dt / t);
        assertRelative(mean + diff, next.get("v"), 1e-13, "v");
        assertRelative(mean - diff, next.get("w"), 1e-13, "w");
    }

    @Test
    void complexEigenvaluesWithLiteralCoefficientsAreRejected() {
        // Brian2: dv/dt = (-v - 500*w)/(20*ms), dw/dt = (0.02*v - w)/(100*ms) -> "contains complex values"
        UnsupportedEquationsException e = assertThrows(UnsupportedEquationsException.class, () ->
                ExactIntegrator.integrate(new OdeSystem(List.of(
                        new StateEquation(V, Expr.div(Expr.sub(Expr.neg(V), Expr.mul(Expr.num(500), W)), Expr.num(0.02))),
                        new StateEquation(W, Expr.div(Expr.sub(Expr.mul(Expr.num(0.02), V), W), Expr.num(0.1)))))));
        assertTrue(e.getMessage().startsWith("The solution to the linear system contains complex values which is"
                + " currently not implemented: the feedback between v and w oscillates"), e.getMessage());
    }

    @Test
    void complexEigenvaluesFromParametersGiveNaNLikeBrian2() throws Exception {
        // Brian2 accepts symbolic coefficients and its generated sqrt of a negative number gives NaN
        StateUpdate update = ExactIntegrator.integrate(adaptive(false));
        Map<String, Double> p = values(2e-8);
        p.put("R", 5e8);
        assertTrue(Double.isNaN(update.apply(p).get("v")));
    }

    @Test
    void largerFeedbackLoopsAreStillRejected() {
        Expr.Var u = Vars.state("u");
        UnsupportedEquationsException three = assertThrows(UnsupportedEquationsException.class, () ->
                ExactIntegrator.integrate(new OdeSystem(List.of(
                        new StateEquation(u, Expr.neg(V)),
                        new StateEquation(V, Expr.neg(W)),
                        new StateEquation(W, Expr.neg(u))))));
        assertEquals("exact integration of coupled linear equations with feedback (u -> v -> w -> u) is not"
                + " supported; use method 'rk4'", three.getMessage());
    }

    @Test
    void automaticChoiceIsExactForTheAdaptiveLif() throws Exception {
        MethodChoice.Chosen chosen = MethodChoice.automatic(adaptive(false));
        assertEquals(IntegrationMethod.EXACT, chosen.method());
        assertTrue(chosen.rejected().isEmpty());
    }
}
