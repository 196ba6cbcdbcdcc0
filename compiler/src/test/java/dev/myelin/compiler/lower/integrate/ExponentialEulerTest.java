package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ExprFormatter;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExponentialEulerTest {

    private static final Expr.Var V = Vars.state("v");
    private static final Expr.Var M = Vars.state("m");
    private static final Expr.Var VT = Vars.param("VT");
    private static final Expr.Var GL = Vars.param("gl");
    private static final Expr.Var GNA = Vars.param("gna");
    private static final Expr.Var EL = Vars.param("El");
    private static final Expr.Var ENA = Vars.param("ENa");
    private static final Expr.Var CM = Vars.param("Cm");
    private static final Expr.Var TAU = Vars.param("tau");

    private static Expr num(double v) {
        return Expr.num(v);
    }

    /** Brian2's HH example rates, in SI: alpha_m = 0.32/mV*4*mV/exprel((13*mV - v + VT)/(4*mV))/ms. */
    private static Expr alpha() {
        return Expr.div(Expr.div(num(1.28), Expr.Call.of(Function.EXPREL,
                Expr.div(Expr.add(Expr.sub(num(0.013), V), VT), num(0.004)))), num(0.001));
    }

    private static Expr beta() {
        return Expr.div(Expr.div(num(1.4), Expr.Call.of(Function.EXPREL,
                Expr.div(Expr.sub(Expr.sub(V, VT), num(0.040)), num(0.005)))), num(0.001));
    }

    private static double alpha(double v, double vt) {
        double x = (0.013 - v + vt) / 0.004;
        return 1.28 / (Math.expm1(x) / x) / 0.001;
    }

    private static double beta(double v, double vt) {
        double x = (v - vt - 0.040) / 0.005;
        return 1.4 / (Math.expm1(x) / x) / 0.001;
    }

    /** dv/dt = (gl*(El - v) + gna*m**3*(ENa - v))/Cm; dm/dt = alpha_m*(1 - m) - beta_m*m. */
    private static OdeSystem hh() {
        Expr m3 = new Expr.Binary(Op.POW, M, Expr.Num.ofInt(3));
        return new OdeSystem(List.of(
                new StateEquation(V, Expr.div(Expr.add(Expr.mul(GL, Expr.sub(EL, V)),
                        Expr.mul(Expr.mul(GNA, m3), Expr.sub(ENA, V))), CM)),
                new StateEquation(M, Expr.sub(Expr.mul(alpha(), Expr.sub(num(1.0), M)), Expr.mul(beta(), M)))));
    }

    @Test
    void gateAndMembraneMatchTheAnalyticStepWithOldValues() throws Exception {
        StateUpdate update = ExponentialEuler.integrate(hh());
        double v = -0.058, m = 0.12, vt = -0.063, gl = 1e-8, gna = 2e-5, el = -0.06, ena = 0.05, cm = 2e-10;
        for (double dt : new double[] {1e-5, 1e-4, 1e-3}) {
            Map<String, Double> next = update.apply(Map.of("v", v, "m", m, "VT", vt, "gl", gl, "gna", gna,
                    "El", el, "ENa", ena, "Cm", cm, "dt", dt));
            double a = alpha(v, vt);
            double b = beta(v, vt);
            double mInf = a / (a + b);
            assertEquals(mInf + (m - mInf) * Math.exp(-(a + b) * dt), next.get("m"), 1e-12 * m, "m, dt=" + dt);
            double g = gl + gna * m * m * m; // the membrane uses the OLD m
            double vInf = (gl * el + gna * m * m * m * ena) / g;
            assertEquals(vInf + (v - vInf) * Math.exp(-g / cm * dt), next.get("v"), 1e-12 * Math.abs(v), "v, dt=" + dt);
        }
    }

    @Test
    void followsBrian2sCodeShape() throws Exception {
        StateUpdate update = ExponentialEuler.integrate(new OdeSystem(List.of(
                new StateEquation(M, Expr.sub(Expr.mul(alpha(), Expr.sub(num(1.0), M)), Expr.mul(beta(), M))))));
        assertEquals(List.of("__BA_m", "_m"), update.steps().stream().map(Assignment::localName).toList());
        assertEquals("(m + __BA_m) * exp((-(1.28 / exprel((0.013 - v + VT) / 0.004) / 0.001) - "
                        + "1.4 / exprel((v - VT - 0.04) / 0.005) / 0.001) * dt) - __BA_m",
                ExprFormatter.format(update.steps().get(1).value()));

        StateUpdate decay = ExponentialEuler.integrate(new OdeSystem(List.of(
                new StateEquation(M, Expr.div(Expr.neg(M), TAU)))));
        assertEquals("m * exp(-(1.0 / tau) * dt)", ExprFormatter.format(decay.steps().get(0).value()));

        StateUpdate drift = ExponentialEuler.integrate(new OdeSystem(List.of(
                new StateEquation(M, Expr.div(V, TAU)))));
        assertEquals("m + dt * (v / tau)", ExprFormatter.format(drift.steps().get(0).value()));
    }

    @Test
    void rejectsWhatIsNotConditionallyLinear() {
        UnsupportedEquationsException e = assertThrows(UnsupportedEquationsException.class, () ->
                ExponentialEuler.integrate(new OdeSystem(List.of(new StateEquation(M,
                        Expr.div(Expr.neg(new Expr.Binary(Op.POW, M, Expr.Num.ofInt(2))), TAU))))));
        assertEquals("dm/dt is not conditionally linear in m (it contains m**2); exponential Euler needs"
                + " dm/dt = A*m + B with A and B independent of m", e.getMessage());
    }
}
