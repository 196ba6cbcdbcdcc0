package dev.myelin.compiler.diagnostics;

import dev.myelin.compiler.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checking pass reports every independent mistake of a model at once, in source order, and
 * each mistake once: a name that is unknown, or a declaration that is wrong, is not reported again
 * as a unit error or an unknown name wherever it is used.
 */
class SeveralErrorsTest {

    @Test
    void reportsEveryIndependentErrorInSourceOrder() {
        String model = """
                const tau = 10 ms
                const El = -70 mV

                neurons G[10] {
                    equations '''
                        dv/dt = (El - v + R*I)/tau : volt (unless refractory)
                        dw/dt = (v - w)/tau : amp
                        I : amp (constant)
                        gain = 2 : volt
                    '''
                    threshold 'v > Vt'
                    reset 'v = El; I = 0*nA'
                    refractory 5 mV
                    method rk5
                }

                spikemonitor spikes of G
                statemonitor v of G.vv record all
                G.v = [1*mV, 2*mV]
                run 100 mV
                """;
        assertEquals("""
                model.myl:6:27: error: unknown name 'R'
                  6 |         dv/dt = (El - v + R*I)/tau : volt (unless refractory)
                    |                           ^
                  help: declare it in the group's equations ('R : unit'), or at file level with 'const R = ...' or 'param R = ...'
                model.myl:7:20: error: cannot subtract quantities in different units: the left side is in volt, the right side is in amp
                  7 |         dw/dt = (v - w)/tau : amp
                    |                    ^
                  help: both sides must be in the same unit; check the units of the names involved, or multiply or divide by a unit
                model.myl:9:16: error: subexpression 'gain' is declared in volt but its value is dimensionless
                  9 |         gain = 2 : volt
                    |                ^
                  help: make the unit after ':' (volt) and the expression agree
                model.myl:11:20: error: unknown name 'Vt'
                  11 |     threshold 'v > Vt'
                     |                    ^^
                  help: declare it in the group's equations ('Vt : unit'), or at file level with 'const Vt = ...' or 'param Vt = ...'
                model.myl:12:20: error: cannot assign to 'I': it is a parameter marked (constant)
                  12 |     reset 'v = El; I = 0*nA'
                     |                    ^
                  help: remove the (constant) flag, or set it between runs with 'G.I = ...'
                model.myl:13:16: error: refractory must be a duration or a condition, but this is a number in volt
                  13 |     refractory 5 mV
                     |                ^^^^
                  help: write a time like 'refractory 5 ms', or a condition like refractory 'v > -40*mV'
                model.myl:14:12: error: unknown integration method 'rk5'
                  14 |     method rk5
                     |            ^^^
                  help: the methods are exact (also called linear), euler, rk2, rk4, heun, milstein and exponential_euler; leave 'method' out for Brian2's automatic choice
                model.myl:18:21: error: group G has no variable 'vv' to record
                  18 | statemonitor v of G.vv record all
                     |                     ^^
                  help: the variables of G are: v, w, I, lastspike, not_refractory
                model.myl:19:7: error: this list has 2 values but group G has 10 neurons
                  19 | G.v = [1*mV, 2*mV]
                     |       ^^^^^^^^^^^^
                  help: give one value per neuron, or a single value for all
                model.myl:20:5: error: a run's duration must be a time, but this is in volt
                  20 | run 100 mV
                     |     ^^^^^^
                  help: write it with a time unit, e.g. 'run 100 ms'
                10 errors
                """, Check.render(model));
    }

    @Test
    void theErrorsComeInSourceOrderEvenWhenFoundInAnotherOrder() {
        // The checker finds these in another order: consts first (line 8), then subexpressions
        // (line 5), differential equations (line 4) and the threshold (line 2).
        String model = """
                neurons G[1] {
                    threshold 'v > V_th'
                    equations '''
                        dv/dt = -v/tau : volt
                        x = y0 : volt
                    '''
                }
                const Vr = -65 mss
                const tau = 10 mV
                """;
        assertEquals(List.of(
                "2:20 unknown name 'V_th'",
                "4:17 the two sides of this equation have different units: dv/dt is in volt/second, the right-hand side is dimensionless",
                "5:13 unknown name 'y0'",
                "8:16 unknown unit 'mss'"), summary(model), "the errors of\n" + model);
    }

    @Test
    void anUnknownNameIsNotAlsoAUnitError() {
        // 'tauu' is unknown: the division, the equation's units and the threshold that uses v
        // are not reported on top of it.
        assertEquals(List.of("2:35 unknown name 'tauu'"), summary("""
                neurons G[1] {
                    equations 'dv/dt = (1*mV - v)/tauu : volt'
                    threshold 'v > 10*mV'
                }
                """));
    }

    @Test
    void aWrongDeclarationIsReportedOnceNotAtEveryUse() {
        // 'I' has an unknown unit, 'tau' a unit error in its value, 't' is reserved and 'dv/dx' is
        // not a time derivative: each is reported where it is written, and their uses (in the
        // equations, the reset, the protocol and a monitor) are quiet.
        assertEquals(List.of(
                "1:16 unknown unit 'mss'",
                "5:13 unknown unit 'amps'",
                "6:9 't' cannot be a variable's name: Brian2 reserves it for the simulation time",
                "7:12 a differential equation must be with respect to time: 'dw/dt', not 'dw/dx'"), summary("""
                const tau = 10 mss
                neurons G[1] {
                    equations '''
                        dv/dt = (I*ohm - v + t + w)/tau : volt
                        I : amps
                        t : volt
                        dw/dx = -w/tau : volt
                    '''
                    threshold 'v > 10*mV'
                    reset 'v = 0*mV; I = 0*amp; w = 0*mV'
                }
                G.I = 1*nA
                statemonitor m of G.I record all
                """));
    }

    @Test
    void aSyntaxErrorInOneStringDoesNotHideOneInAnother() {
        // Each code string is parsed on its own, so each reports its first syntax error.
        assertEquals(List.of("2:34 missing ':' and a unit at the end of this equation", "3:18 unexpected '=' in the threshold condition"),
                summary("""
                        neurons G[1] {
                            equations 'dv/dt = -v/(10*ms)'
                            threshold 'v = 10*mV'
                        }
                        """));
    }

    /** "line:column message" of each diagnostic, in the order reported. */
    private static List<String> summary(String model) {
        return Check.diagnostics(model).all().stream().map(SeveralErrorsTest::summary).toList();
    }

    private static String summary(Diagnostic d) {
        return d.span().line() + ":" + d.span().column() + " " + d.message();
    }
}
