package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares with the update code Brian2 2.5.1's {@code linear} state updater prints for the same
 * equations (brian2.stateupdaters.exact.linear, run with sympy on this machine); its formulas are
 * transcribed below as plain Java arithmetic.
 */
class Brian2ExactSolutionTest {

    private static void assertClose(double brian2, double myelin, String what) {
        assertEquals(brian2, myelin, 1e-12 * Math.abs(brian2), what);
    }

    @Test
    void cuba() throws Exception {
        StateUpdate update = ExactIntegrator.integrate(LinearFormTest.cuba());
        for (double[] p : new double[][] {{0.02, 0.005, 0.01, 1e-4}, {0.01, 0.003, 0.03, 1e-3}}) {
            double taum = p[0], taue = p[1], taui = p[2], dt = p[3];
            double el = -0.049, v = -0.055, ge = 0.003, gi = -0.002;
            Map<String, Double> next = update.apply(Map.of("taum", taum, "taue", taue, "taui", taui, "El", el,
                    "dt", dt, "v", v, "ge", ge, "gi", gi));
            // _v = El - El*exp(-dt/taum) + ge*taue*(-exp(dt/taue) + exp(dt/taum))*exp(-dt/taue)*exp(-dt/taum)/(taue - taum)
            //      + gi*taui*(-exp(dt/taui) + exp(dt/taum))*exp(-dt/taui)*exp(-dt/taum)/(taui - taum) + v*exp(-dt/taum)
            double brianV = el - el * Math.exp(-dt / taum)
                    + ge * taue * (-Math.exp(dt / taue) + Math.exp(dt / taum)) * Math.exp(-dt / taue) * Math.exp(-dt / taum) / (taue - taum)
                    + gi * taui * (-Math.exp(dt / taui) + Math.exp(dt / taum)) * Math.exp(-dt / taui) * Math.exp(-dt / taum) / (taui - taum)
                    + v * Math.exp(-dt / taum);
            assertClose(brianV, next.get("v"), "v");
            assertClose(ge * Math.exp(-dt / taue), next.get("ge"), "ge"); // _ge = ge*exp(-dt/taue)
            assertClose(gi * Math.exp(-dt / taui), next.get("gi"), "gi");
        }
    }

    @Test
    void refractoryLif() throws Exception {
        Expr.Var v = Vars.state("v");
        Expr rhs = Expr.div(Expr.add(Expr.sub(Vars.param("El"), v), Expr.mul(Vars.param("R"), Vars.param("I"))),
                Vars.param("tau"));
        StateUpdate update = ExactIntegrator.integrate(new OdeSystem(List.of(
                StateEquation.unlessRefractory(v, rhs, Vars.flag("not_refractory")))));
        double el = -0.07, r = 1e8, i = 2e-10, tau = 0.01, dt = 1e-4, v0 = -0.065;
        for (double nr : new double[] {0, 1}) {
            double next = update.apply(Map.of("El", el, "R", r, "I", i, "tau", tau, "dt", dt, "v", v0,
                    "not_refractory", nr)).get("v");
            // _v = El + I*R + v*exp(-dt*int(not_refractory)/tau) + (-El - I*R)*exp(-dt*int(not_refractory)/tau)
            double brian = el + i * r + v0 * Math.exp(-dt * nr / tau) + (-el - i * r) * Math.exp(-dt * nr / tau);
            assertClose(brian, next, "v, not_refractory=" + nr);
        }
    }

    @Test
    void alphaSynapse() throws Exception {
        Expr.Var v = Vars.state("v");
        Expr.Var g = Vars.state("g");
        Expr.Var h = Vars.state("h");
        Expr.Var tau = Vars.param("tau");
        Expr.Var taumVar = Vars.param("taum");
        StateUpdate update = ExactIntegrator.integrate(new OdeSystem(List.of(
                new StateEquation(v, Expr.div(Expr.add(Expr.sub(Vars.param("El"), v), g), taumVar)),
                new StateEquation(g, Expr.div(Expr.sub(h, g), tau)),
                new StateEquation(h, Expr.div(Expr.neg(h), tau)))));
        double taum = 0.02, ts = 0.005, el = -0.07, dt = 1e-3, v0 = -0.06, g0 = 0.004, h0 = 0.002;
        Map<String, Double> next = update.apply(Map.of("taum", taum, "tau", ts, "El", el, "dt", dt,
                "v", v0, "g", g0, "h", h0));
        // _v = El - El*exp(-dt/taum) + g*tau*(-exp(dt/tau) + exp(dt/taum))*exp(-dt/tau)*exp(-dt/taum)/(tau - taum)
        //      + h*(dt*tau*exp(dt/taum) - dt*taum*exp(dt/taum) + tau*taum*exp(dt/tau) - tau*taum*exp(dt/taum))
        //        *exp(-dt/tau)*exp(-dt/taum)/(tau**2 - 2*tau*taum + taum**2) + v*exp(-dt/taum)
        double brianV = el - el * Math.exp(-dt / taum)
                + g0 * ts * (-Math.exp(dt / ts) + Math.exp(dt / taum)) * Math.exp(-dt / ts) * Math.exp(-dt / taum) / (ts - taum)
                + h0 * (dt * ts * Math.exp(dt / taum) - dt * taum * Math.exp(dt / taum) + ts * taum * Math.exp(dt / ts)
                - ts * taum * Math.exp(dt / taum)) * Math.exp(-dt / ts) * Math.exp(-dt / taum)
                / (ts * ts - 2 * ts * taum + taum * taum)
                + v0 * Math.exp(-dt / taum);
        assertClose(brianV, next.get("v"), "v");
        // _g = dt*h*exp(-dt/tau)/tau + g*exp(-dt/tau)
        assertClose(dt * h0 * Math.exp(-dt / ts) / ts + g0 * Math.exp(-dt / ts), next.get("g"), "g");
        assertClose(h0 * Math.exp(-dt / ts), next.get("h"), "h");
    }
}
