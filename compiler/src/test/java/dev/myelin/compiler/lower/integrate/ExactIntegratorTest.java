package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExactIntegratorTest {

    private static final Expr.Var V = Vars.state("v");
    private static final Expr.Var GE = Vars.state("ge");
    private static final Expr.Var GI = Vars.state("gi");
    private static final Expr.Var TAU = Vars.param("tau");
    private static final Expr.Var EL = Vars.param("El");
    private static final Expr.Var R = Vars.param("R");
    private static final Expr.Var I = Vars.param("I");
    private static final Expr.Var NR = Vars.flag("not_refractory");

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), what);
    }

    /** dv/dt = (El - v + R*I)/tau (unless refractory). */
    private static OdeSystem lif() {
        Expr rhs = Expr.div(Expr.add(Expr.sub(EL, V), Expr.mul(R, I)), TAU);
        return new OdeSystem(List.of(StateEquation.unlessRefractory(V, rhs, NR)));
    }

    @Test
    void leakyIntegrateAndFireMatchesTheClosedForm() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(lif());
        double el = -0.07, r = 1e8, i = 1.5e-10, tau = 0.01, dt = 1e-4, v = -0.065;
        Map<String, Double> values = new HashMap<>(Map.of("El", el, "R", r, "I", i, "tau", tau, "dt", dt, "v", v,
                "not_refractory", 1.0));
        double expected = el + r * i + (v - el - r * i) * Math.exp(-dt / tau);
        assertClose(expected, update.apply(values).get("v"), "v after one step");
        // refractory: the variable does not move at all
        values.put("not_refractory", 0.0);
        assertEquals(v, update.apply(values).get("v"));
        assertEquals(List.of(new StateUpdate.Write(V, Expr.Var.local("_v"))), update.writes());
    }

    @Test
    void printsTheExpectedFormula() throws Exception {
        Expr rhs = Expr.div(Expr.add(Expr.sub(EL, V), Expr.mul(R, I)), TAU);
        StateUpdate update = ExactIntegrator.integrate(new OdeSystem(List.of(new StateEquation(V, rhs))));
        assertEquals(1, update.steps().size());
        assertEquals("exp(-(1.0 / tau * dt)) * v + (El + R * I) / tau * (dt * exprel(-(1.0 / tau * dt)))",
                ExprFormatter.format(update.steps().get(0).value()));
    }

    private static final double TAUM = 0.02, TAUE = 0.005, TAUI = 0.01, E_L = -0.049;

    @Test
    void cubaMatchesClosedFormAndFineRk4() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(LinearFormTest.cuba());
        for (double dt : new double[] {1e-4, 1e-3, 5e-3}) {
            checkCuba(update, TAUM, TAUE, TAUI, dt);
        }
    }

    @Test
    void cubaWithEqualTimeConstants() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(LinearFormTest.cuba());
        checkCuba(update, 0.01, 0.01, 0.01, 1e-4);
        checkCuba(update, 0.01, 0.01, 0.005, 1e-3);
        checkCuba(update, 0.01, 0.02, 0.01, 1e-3);
        // and the textbook closed form for taum == taue: y(t) = (y0 + ge0*t/tau)*exp(-t/tau), gi = 0
        double tau = 0.01, dt = 1e-3, v = -0.055, ge = 0.003;
        Map<String, Double> next = update.apply(cubaValues(tau, tau, 0.005, dt, v, ge, 0.0));
        assertClose(E_L + (v - E_L + ge * dt / tau) * Math.exp(-dt / tau), next.get("v"), "v");
    }

    private static Map<String, Double> cubaValues(double taum, double taue, double taui, double dt,
                                                  double v, double ge, double gi) {
        return Map.of("taum", taum, "taue", taue, "taui", taui, "El", E_L, "dt", dt, "v", v, "ge", ge, "gi", gi);
    }

    private static void checkCuba(StateUpdate update, double taum, double taue, double taui, double dt) {
        double v = -0.055, ge = 0.003, gi = -0.002;
        Map<String, Double> next = update.apply(cubaValues(taum, taue, taui, dt, v, ge, gi));
        double[] reference = FineRk4.solve((t, x) -> new double[] {
            (x[1] + x[2] - (x[0] - E_L)) / taum, -x[1] / taue, -x[2] / taui}, 0, new double[] {v, ge, gi}, dt, 2000);
        String label = " (taum=" + taum + ", taue=" + taue + ", taui=" + taui + ", dt=" + dt + ")";
        assertClose(reference[0], next.get("v"), "v" + label);
        assertClose(reference[1], next.get("ge"), "ge" + label);
        assertClose(reference[2], next.get("gi"), "gi" + label);
        if (taum != taue && taum != taui) {
            double y = (v - E_L) * Math.exp(-dt / taum)
                    + ge / taum * (Math.exp(-dt / taue) - Math.exp(-dt / taum)) / (1 / taum - 1 / taue)
                    + gi / taum * (Math.exp(-dt / taui) - Math.exp(-dt / taum)) / (1 / taum - 1 / taui);
            assertClose(E_L + y, next.get("v"), "closed form v" + label);
        }
        assertClose(ge * Math.exp(-dt / taue), next.get("ge"), "closed form ge" + label);
    }

    @Test
    void refractoryFreezesOnlyTheGatedVariable() throws Exception {
        OdeSystem cuba = LinearFormTest.cuba();
        Expr.Var taum = Vars.param("taum");
        OdeSystem gated = new OdeSystem(List.of(
                StateEquation.unlessRefractory(V, cuba.equation(0).rhs(), NR), cuba.equation(1), cuba.equation(2)));
        StateUpdate update = ExactIntegrator.integrate(gated);
        Map<String, Double> values = new HashMap<>(cubaValues(TAUM, TAUE, TAUI, 1e-3, -0.055, 0.003, -0.002));
        values.put("not_refractory", 0.0);
        Map<String, Double> next = update.apply(values);
        assertEquals(-0.055, next.get("v"));
        assertClose(0.003 * Math.exp(-1e-3 / TAUE), next.get("ge"), "ge");
        values.put("not_refractory", 1.0);
        assertEquals(ExactIntegrator.integrate(cuba).apply(values).get("v"), update.apply(values).get("v"),
                1e-15 * 0.055, "not refractory: as without the flag");
        assertEquals(taum, Vars.param("taum"));
    }

    @Test
    void pureIntegratorsAreExactPolynomials() throws Exception {
        Expr.Var x = Vars.state("x");
        Expr.Var y = Vars.state("y");
        Expr.Var c = Vars.param("c");
        StateUpdate single = ExactIntegrator.integrate(new OdeSystem(List.of(new StateEquation(x, c))));
        assertEquals("x + c * dt", ExprFormatter.format(single.steps().get(0).value()));

        StateUpdate chain = ExactIntegrator.integrate(new OdeSystem(List.of(
                new StateEquation(x, y), new StateEquation(y, c))));
        double dt = 1e-3, x0 = 0.2, y0 = -3, c0 = 7;
        Map<String, Double> next = chain.apply(Map.of("x", x0, "y", y0, "c", c0, "dt", dt));
        assertClose(x0 + y0 * dt + c0 * dt * dt / 2, next.get("x"), "x");
        assertClose(y0 + c0 * dt, next.get("y"), "y");
    }

    /** v <- g <- h: an alpha-function synapse (g and h share tau) driving a leaky membrane. */
    @Test
    void alphaSynapseChainIncludingEqualMembraneTimeConstant() throws Exception {
        Expr.Var g = Vars.state("g");
        Expr.Var h = Vars.state("h");
        Expr.Var taum = Vars.param("taum");
        OdeSystem system = new OdeSystem(List.of(
                new StateEquation(V, Expr.div(Expr.add(Expr.sub(EL, V), g), taum)),
                new StateEquation(g, Expr.div(Expr.sub(h, g), TAU)),
                new StateEquation(h, Expr.div(Expr.neg(h), TAU))));
        StateUpdate update = ExactIntegrator.integrate(system);
        for (double[] taus : new double[][] {{0.02, 0.005}, {0.01, 0.01}, {0.01, 0.01 * (1 + 1e-9)}, {0.005, 0.02}}) {
            double tm = taus[0], ts = taus[1], dt = 1e-3;
            double[] x0 = {-0.06, 0.004, 0.002};
            Map<String, Double> next = update.apply(Map.of("taum", tm, "tau", ts, "El", -0.07, "dt", dt,
                    "v", x0[0], "g", x0[1], "h", x0[2]));
            double[] reference = FineRk4.solve((t, x) -> new double[] {
                (-0.07 - x[0] + x[1]) / tm, (x[2] - x[1]) / ts, -x[2] / ts}, 0, x0, dt, 2000);
            assertClose(reference[0], next.get("v"), "v, taum=" + tm + " tau=" + ts);
            assertClose(reference[1], next.get("g"), "g, taum=" + tm + " tau=" + ts);
            assertClose(reference[2], next.get("h"), "h, taum=" + tm + " tau=" + ts);
        }
    }

    /** x <- y <- z <- constant: a third-order divided difference along the chain. */
    @Test
    void chainOfFourNodes() throws Exception {
        Expr.Var x = Vars.state("x");
        Expr.Var y = Vars.state("y");
        Expr.Var z = Vars.state("z");
        Expr.Var t1 = Vars.param("t1");
        Expr.Var t2 = Vars.param("t2");
        Expr.Var t3 = Vars.param("t3");
        Expr.Var c = Vars.param("c");
        OdeSystem system = new OdeSystem(List.of(
                new StateEquation(x, Expr.div(Expr.sub(y, x), t1)),
                new StateEquation(y, Expr.div(Expr.sub(z, y), t2)),
                new StateEquation(z, Expr.div(Expr.sub(c, z), t3))));
        StateUpdate update = ExactIntegrator.integrate(system);
        double dt = 2e-3;
        double[] x0 = {0.1, -0.2, 0.3};
        Map<String, Double> next = update.apply(Map.of("t1", 0.01, "t2", 0.004, "t3", 0.025, "c", 1.5, "dt", dt,
                "x", x0[0], "y", x0[1], "z", x0[2]));
        double[] reference = FineRk4.solve((t, s) -> new double[] {
            (s[1] - s[0]) / 0.01, (s[2] - s[1]) / 0.004, (1.5 - s[2]) / 0.025}, 0, x0, dt, 4000);
        assertClose(reference[0], next.get("x"), "x");
        assertClose(reference[1], next.get("y"), "y");
        assertClose(reference[2], next.get("z"), "z");
    }

    @Test
    void feedbackLoopsOfMoreThanTwoAreRejectedWithTheCycle() {
        Expr.Var w = Vars.state("w");
        Expr.Var u = Vars.state("u");
        UnsupportedEquationsException three = assertThrows(UnsupportedEquationsException.class, () ->
                ExactIntegrator.integrate(new OdeSystem(List.of(
                        new StateEquation(u, Expr.neg(V)),
                        new StateEquation(V, Expr.neg(w)),
                        new StateEquation(w, Expr.neg(u))))));
        assertEquals("exact integration of coupled linear equations with feedback (u -> v -> w -> u) is not"
                + " supported; use method 'rk4'", three.getMessage());
    }

    @Test
    void nonLinearIsRejectedWithTheReason() {
        UnsupportedEquationsException e = assertThrows(UnsupportedEquationsException.class, () ->
                ExactIntegrator.integrate(new OdeSystem(List.of(new StateEquation(V,
                        Expr.sub(new Expr.Binary(Op.POW, V, Expr.Num.ofInt(2)), Expr.Call.of(Function.EXP, V)))))));
        assertEquals("dv/dt is not linear in v: it contains v**2", e.getMessage());
    }
}
