package dev.myelin.compiler.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins what a user sees for each kind of mistake: the exact rendered diagnostic, with its file,
 * line and column, the quoted line, the caret under the offending text, and the help sentence.
 * Each case is one bad model and the complete output of {@code myelin check} for it.
 *
 * <p>When a message is improved on purpose, update its expected text here; the failure message
 * shows the new rendering in full, ready to paste.
 */
class ErrorMessagesTest {

    /** A bad model and what {@code myelin check model.myl} prints for it. */
    record Case(String name, String model, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case error(String name, String model, String expected) {
        return new Case(name, model, expected);
    }

    static List<Case> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheExactMessage(Case c) {
        String actual = Check.render(c.model());
        assertEquals(c.expected(), actual, () -> "for the model\n" + c.model() + "\nthe compiler now prints\n" + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDiagnosticPointsIntoTheModelAndSaysWhatToDo(Case c) {
        Check.assertWellFormed(c.model());
    }

    @Test
    void theTableCoversEnoughMistakes() {
        assertTrue(CASES.size() >= 40, "only " + CASES.size() + " cases");
        assertEquals(CASES.size(), CASES.stream().map(Case::name).distinct().count(), "case names must be unique");
    }

    private static final List<Case> CASES = List.of(

            // ── Syntax errors ──
            error("syntax: an equation without its unit", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms)'
                    }
                    """, """
                    model.myl:2:34: error: missing ':' and a unit at the end of this equation
                      2 |     equations 'dv/dt = -v/(10*ms)'
                        |                                  ^
                      help: every equation ends with the unit of its variable, e.g. 'dv/dt = -v/tau : volt' (': 1' if it has no unit)
                    """),
            error("syntax: nothing after the colon", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) :'
                    }
                    """, """
                    model.myl:2:36: error: missing unit after ':'
                      2 |     equations 'dv/dt = -v/(10*ms) :'
                        |                                    ^
                      help: write the unit of the variable, e.g. ': volt', or ': 1' if it has no unit
                    """),
            error("syntax: unit without a colon", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) volt'
                    }
                    """, """
                    model.myl:2:35: error: unexpected 'volt' in the equations
                      2 |     equations 'dv/dt = -v/(10*ms) volt'
                        |                                   ^^^^
                      help: write ':' before the unit, e.g. 'dv/dt = -v/tau : volt'
                    """),
            error("syntax: two equations on one line", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt  dw/dt = -w/(10*ms) : volt'
                    }
                    """, """
                    model.myl:2:43: error: unexpected 'dw' in the equations
                      2 |     equations 'dv/dt = -v/(10*ms) : volt  dw/dt = -w/(10*ms) : volt'
                        |                                           ^^
                      help: write one equation per line; flags go in parentheses, e.g. ': volt (unless refractory)'
                    """),
            error("syntax: units added instead of multiplied", """
                    neurons G[1] {
                        equations 'I_syn : amp + metre'
                    }
                    """, """
                    model.myl:2:28: error: unexpected '+' in the equations
                      2 |     equations 'I_syn : amp + metre'
                        |                            ^
                      help: units are combined with '*', '/' and '**', e.g. ': amp/metre**2'
                    """),
            error("syntax: flags not closed", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt (unless refractory'
                    }
                    """, """
                    model.myl:2:60: error: missing ')' at the end of the flags
                      2 |     equations 'dv/dt = -v/(10*ms) : volt (unless refractory'
                        |                                                            ^
                      help: close the flags, e.g. ': volt (unless refractory)'
                    """),
            error("syntax: missing closing parenthesis", """
                    neurons G[1] {
                        equations 'dv/dt = (-v/(10*ms) : volt'
                    }
                    """, """
                    model.myl:2:36: error: missing ')' before ':'
                      2 |     equations 'dv/dt = (-v/(10*ms) : volt'
                        |                                    ^
                      help: close the '(' opened at column 24
                    """),
            error("syntax: unterminated string", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt
                    }
                    """, """
                    model.myl:2:15: error: unterminated string
                      2 |     equations 'dv/dt = -v/(10*ms) : volt
                        |               ^
                      help: close it with ' on the same line, or use ''' for text over several lines
                    """),
            error("syntax: unterminated triple-quoted string", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                    }
                    """, """
                    model.myl:2:15: error: unterminated string: this ''' is never closed
                      2 |     equations '''
                        |               ^^^
                      help: close it with ''' after its last line
                    """),
            error("syntax: stray character", """
                    dt = 0.1 ms $
                    """, """
                    model.myl:1:13: error: unexpected character '$'
                      1 | dt = 0.1 ms $
                        |             ^
                      help: remove it
                    """),
            error("syntax: stray character in equations", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt ?'
                    }
                    """, """
                    model.myl:2:42: error: unexpected character '?'
                      2 |     equations 'dv/dt = -v/(10*ms) : volt ?'
                        |                                          ^
                      help: remove it
                    """),
            error("syntax: micro sign", """
                    dt = 10 µs
                    """, """
                    model.myl:1:9: error: unexpected character 'µ'
                      1 | dt = 10 µs
                        |         ^
                      help: Brian2 writes the prefix micro as 'u': us, uA, umetre
                    """),
            error("syntax: missing '}' before the next statement", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    run 10 ms
                    """, """
                    model.myl:3:1: error: missing '}' at the end of the neurons block of G
                      3 | run 10 ms
                        | ^^^
                      help: the block starts on line 1; close it with '}' before this line
                    """),
            error("syntax: missing '}' before an assignment", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    G.v = 1*mV
                    """, """
                    model.myl:3:1: error: missing '}' at the end of the neurons block of G
                      3 | G.v = 1*mV
                        | ^
                      help: the block starts on line 1; close it with '}' before this line
                    """),
            error("syntax: missing '}' at the end of the file", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    """, """
                    model.myl:2:42: error: missing '}' at the end of the neurons block of G
                      2 |     equations 'dv/dt = -v/(10*ms) : volt'
                        |                                          ^
                      help: the block starts on line 1; close it with '}' before this line
                    """),
            error("syntax: unknown entry in a neurons block", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        treshold 'v > 10*mV'
                    }
                    """, """
                    model.myl:3:5: error: unknown entry 'treshold' in the neurons block of G
                      3 |     treshold 'v > 10*mV'
                        |     ^^^^^^^^
                      help: did you mean 'threshold'? A neurons block holds: equations, threshold, reset, refractory, method, init
                    """),
            error("syntax: misspelt keyword", """
                    neuron G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    """, """
                    model.myl:1:1: error: unknown keyword 'neuron'
                      1 | neuron G[1] {
                        | ^^^^^^
                      help: did you mean 'neurons'?
                    """),
            error("syntax: missing ']' after the group size", """
                    neurons G[10 {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    """, """
                    model.myl:1:14: error: missing ']' before '{'
                      1 | neurons G[10 {
                        |              ^
                      help: close the '[' opened at column 10
                    """),
            error("syntax: a group entry outside any block", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    threshold 'v > 10*mV'
                    """, """
                    model.myl:4:1: error: 'threshold' belongs inside a neurons block
                      4 | threshold 'v > 10*mV'
                        | ^^^^^^^^^
                      help: write it between the '{' and '}' of 'neurons G[N] { ... }'
                    """),
            error("syntax: one '}' too many", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    }
                    """, """
                    model.myl:4:1: error: unexpected '}': no neurons block is open here
                      4 | }
                        | ^
                      help: remove it, or check the '{' of the block above
                    """),
            error("syntax: equations without quotes", """
                    neurons G[1] {
                        equations dv/dt = -v/(10*ms) : volt
                    }
                    """, """
                    model.myl:2:15: error: the equations must be written in quotes
                      2 |     equations dv/dt = -v/(10*ms) : volt
                        |               ^^
                      help: write equations 'dv/dt = -v/tau : volt', or ''' ... ''' for several lines
                    """),
            error("syntax: method in quotes", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        method 'euler'
                    }
                    """, """
                    model.myl:3:12: error: the method is written without quotes
                      3 |     method 'euler'
                        |            ^^^^^^^
                      help: write 'method euler'
                    """),
            error("syntax: '==' in a reset", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'v == 0*mV'
                    }
                    """, """
                    model.myl:4:14: error: unexpected '==' in the reset
                      4 |     reset 'v == 0*mV'
                        |              ^^
                      help: '==' compares; to assign, write 'v = ...'
                    """),
            error("syntax: reset statements separated by a comma", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV, v += 1*mV'
                    }
                    """, """
                    model.myl:4:20: error: unexpected ',' in the reset
                      4 |     reset 'v = 0*mV, v += 1*mV'
                        |                    ^
                      help: separate statements with ';' or a new line, e.g. 'v = Vr; w += b'
                    """),
            error("syntax: reset without a value", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'v = '
                    }
                    """, """
                    model.myl:4:16: error: missing value after '='
                      4 |     reset 'v = '
                        |                ^
                      help: complete it, e.g. 'v = -65*mV'
                    """),
            error("syntax: '=' in a threshold", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v = 10*mV'
                    }
                    """, """
                    model.myl:3:18: error: unexpected '=' in the threshold condition
                      3 |     threshold 'v = 10*mV'
                        |                  ^
                      help: to compare, write '=='; assignments belong in the reset
                    """),
            error("syntax: empty threshold", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold ''
                    }
                    """, """
                    model.myl:3:16: error: the threshold condition is empty
                      3 |     threshold ''
                        |                ^
                      help: write a condition such as 'v > -50*mV'
                    """),
            error("syntax: run without a duration", """
                    run
                    """, """
                    model.myl:1:4: error: missing value after 'run'
                      1 | run
                        |    ^
                      help: write e.g. 'run 100 ms'
                    """),
            error("syntax: assignment without a value", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    G.v =
                    run 10 ms
                    """, """
                    model.myl:4:6: error: missing value after '='
                      4 | G.v =
                        |      ^
                      help: 'run' on line 5 starts a new line of the model, so the value must come before it
                    """),

            // ── Unknown names, units, functions and groups ──
            error("unknown name: in an equation", """
                    neurons G[1] {
                        equations 'dv/dt = -v/tau : volt'
                    }
                    """, """
                    model.myl:2:27: error: unknown name 'tau'
                      2 |     equations 'dv/dt = -v/tau : volt'
                        |                           ^^^
                      help: declare it in the group's equations ('tau : unit'), or at file level with 'const tau = ...' or 'param tau = ...'
                    """),
            error("unknown name: in a threshold, with a suggestion", """
                    const VT = -50 mV
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > Vt'
                    }
                    """, """
                    model.myl:4:20: error: unknown name 'Vt'
                      4 |     threshold 'v > Vt'
                        |                    ^^
                      help: did you mean 'VT'?
                    """),
            error("unknown name: in a reset", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'v = V_reset'
                    }
                    """, """
                    model.myl:4:16: error: unknown name 'V_reset'
                      4 |     reset 'v = V_reset'
                        |                ^^^^^^^
                      help: declare it in the group's equations ('V_reset : unit'), or at file level with 'const V_reset = ...' or 'param V_reset = ...'
                    """),
            error("unknown name: in an init", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        init v = El
                    }
                    """, """
                    model.myl:3:14: error: unknown name 'El'
                      3 |     init v = El
                        |              ^^
                      help: declare it in the group's equations ('El : unit'), or at file level with 'const El = ...' or 'param El = ...'
                    """),
            error("unknown name: in a protocol assignment", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    G.v = El
                    """, """
                    model.myl:4:7: error: unknown name 'El'
                      4 | G.v = El
                        |       ^^
                      help: declare it in the group's equations ('El : unit'), or at file level with 'const El = ...' or 'param El = ...'
                    """),
            error("unknown name: in a quoted protocol value", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    G.v = 'El + rand()*mV'
                    """, """
                    model.myl:4:8: error: unknown name 'El'
                      4 | G.v = 'El + rand()*mV'
                        |        ^^
                      help: declare it in the group's equations ('El : unit'), or at file level with 'const El = ...' or 'param El = ...'
                    """),
            error("unknown name: unit after a number", """
                    run 5 mss
                    """, """
                    model.myl:1:7: error: unknown unit 'mss'
                      1 | run 5 mss
                        |       ^^^
                      help: did you mean 'ms'?
                    """),
            error("unknown name: unit after the colon", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volts'
                    }
                    """, """
                    model.myl:2:37: error: unknown unit 'volts'
                      2 |     equations 'dv/dt = -v/(10*ms) : volts'
                        |                                     ^^^^^
                      help: did you mean 'volt'?
                    """),
            error("unknown name: a const written like a unit", """
                    const tau = 10 ms
                    run 10 tau
                    """, """
                    model.myl:2:8: error: 'tau' is not a unit, so it cannot follow a number
                      2 | run 10 tau
                        |        ^^^
                      help: to multiply by it, write '10*tau'
                    """),
            error("unknown name: function", """
                    neurons G[1] {
                        equations 'dv/dt = -expp(v/mV)*mV/ms : volt'
                    }
                    """, """
                    model.myl:2:25: error: unknown function 'expp'
                      2 |     equations 'dv/dt = -expp(v/mV)*mV/ms : volt'
                        |                         ^^^^
                      help: did you mean 'exp'?
                    """),
            error("noise: its factor without the root of a time", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) + xi*mV/ms : volt'
                    }
                    """, """
                    model.myl:2:35: error: cannot add quantities in different units: the left side is in volt/second, the right side is in volt/second**1.5
                      2 |     equations 'dv/dt = -v/(10*ms) + xi*mV/ms : volt'
                        |                                   ^
                      help: the noise term xi is in second**-0.5, so its factor needs the square root of a time: e.g. 'sigma*sqrt(2/tau)*xi' or 'sigma*xi*tau**-0.5'
                    """),
            error("unknown name: lastspike without refractoriness", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'v = (t - lastspike)/ms * mV'
                    }
                    """, """
                    model.myl:4:21: error: 'lastspike' exists only in a group with a refractory period
                      4 |     reset 'v = (t - lastspike)/ms * mV'
                        |                     ^^^^^^^^^
                      help: add a refractory period to the group, e.g. 'refractory 5 ms'
                    """),
            error("unknown name: group of a monitor", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    statemonitor m of Exc.v record all
                    """, """
                    model.myl:4:19: error: unknown group 'Exc'
                      4 | statemonitor m of Exc.v record all
                        |                   ^^^
                      help: groups declared before this line: G
                    """),
            error("unknown name: variable of a monitor", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    statemonitor m of G.vm record all
                    """, """
                    model.myl:4:21: error: group G has no variable 'vm' to record
                      4 | statemonitor m of G.vm record all
                        |                     ^^
                      help: the variables of G are: v
                    """),

            // ── Unit mismatches ──
            error("units: both sides of a differential equation", """
                    neurons G[1] {
                        equations 'dv/dt = -v : volt'
                    }
                    """, """
                    model.myl:2:24: error: the two sides of this equation have different units: dv/dt is in volt/second, the right-hand side is in volt
                      2 |     equations 'dv/dt = -v : volt'
                        |                        ^^
                      help: divide the right-hand side by a time constant, e.g. '(...)/tau' with tau in seconds
                    """),
            error("units: right-hand side in another unit", """
                    neurons G[1] {
                        equations '''
                            dv/dt = I/(10*ms) : volt
                            I : amp
                        '''
                    }
                    """, """
                    model.myl:3:17: error: the two sides of this equation have different units: dv/dt is in volt/second, the right-hand side is in amp/second
                      3 |         dv/dt = I/(10*ms) : volt
                        |                 ^^^^^^^^
                      help: the right-hand side must be in volt/second: the unit after ':' (volt) per second; check the units of its terms
                    """),
            error("units: subexpression and its declared unit", """
                    neurons G[1] {
                        equations '''
                            dv/dt = (I_ext - v)/(10*ms) : volt
                            I_ext = 5*nA : volt
                        '''
                    }
                    """, """
                    model.myl:4:17: error: subexpression 'I_ext' is declared in volt but its value is in amp
                      4 |         I_ext = 5*nA : volt
                        |                 ^^^^
                      help: make the unit after ':' (volt) and the expression agree
                    """),
            error("units: threshold compares volt with a plain number", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 0'
                    }
                    """, """
                    model.myl:3:20: error: cannot compare quantities in different units: the left side is in volt, the right side is dimensionless
                      3 |     threshold 'v > 0'
                        |                    ^
                      help: give the number a unit, e.g. '0*mV'
                    """),
            error("units: threshold that is not a condition", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v + 1*mV'
                    }
                    """, """
                    model.myl:3:16: error: a threshold must be a condition, but this is a number in volt
                      3 |     threshold 'v + 1*mV'
                        |                ^^^^^^^^
                      help: compare it, e.g. 'v > -50*mV'
                    """),
            error("units: adding volt and amp", """
                    neurons G[1] {
                        equations '''
                            dv/dt = (v + I)/(10*ms) : volt
                            I : amp
                        '''
                    }
                    """, """
                    model.myl:3:20: error: cannot add quantities in different units: the left side is in volt, the right side is in amp
                      3 |         dv/dt = (v + I)/(10*ms) : volt
                        |                    ^
                      help: both sides must be in the same unit; check the units of the names involved, or multiply or divide by a unit
                    """),
            error("units: reset assigns a time to a voltage", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'v = 5*ms'
                    }
                    """, """
                    model.myl:4:16: error: 'v' is in volt but this value is in second
                      4 |     reset 'v = 5*ms'
                        |                ^^^^
                      help: give the value in volt, e.g. 'v = 0.5*mV'
                    """),
            error("units: protocol assigns a voltage to a current", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            I : amp
                        '''
                    }
                    G.I = 5*mV
                    """, """
                    model.myl:7:7: error: G.I is in amp but this value is in volt
                      7 | G.I = 5*mV
                        |       ^^^^
                      help: give the value in amp, e.g. '0.5*nA'
                    """),
            error("units: run duration that is not a time", """
                    run 5 mV
                    """, """
                    model.myl:1:5: error: a run's duration must be a time, but this is in volt
                      1 | run 5 mV
                        |     ^^^^
                      help: write it with a time unit, e.g. 'run 100 ms'
                    """),
            error("units: dt that is not a time", """
                    dt = 0.1
                    """, """
                    model.myl:1:6: error: dt must be a time, but this is a number without unit
                      1 | dt = 0.1
                        |      ^^^
                      help: write it with a time unit, e.g. 'dt = 0.1 ms'
                    """),
            error("units: exp() of a voltage", """
                    neurons G[1] {
                        equations 'dv/dt = exp(v)*mV/ms : volt'
                    }
                    """, """
                    model.myl:2:28: error: exp() needs a dimensionless argument, but this is in volt
                      2 |     equations 'dv/dt = exp(v)*mV/ms : volt'
                        |                            ^
                      help: divide by a unit or by a quantity in volt, e.g. 'exp(v/mV)'
                    """),
            error("units: exponent with a unit", """
                    neurons G[1] {
                        equations 'dv/dt = 2**v * mV/ms : volt'
                    }
                    """, """
                    model.myl:2:27: error: an exponent must be dimensionless, but this is in volt
                      2 |     equations 'dv/dt = 2**v * mV/ms : volt'
                        |                           ^
                      help: divide the exponent by a unit, e.g. '2**(v/mV)'
                    """),
            error("units: fractional power of a voltage", """
                    neurons G[1] {
                        equations 'dv/dt = v**1.25/ms : volt'
                    }
                    """, """
                    model.myl:2:27: error: a quantity in volt can only be raised to a constant whole-number or half-integer power
                      2 |     equations 'dv/dt = v**1.25/ms : volt'
                        |                           ^^^^
                      help: make the base dimensionless, e.g. '(v/mV)**1.25'
                    """),
            error("units: floor division of voltages", """
                    neurons G[1] {
                        equations 'dv/dt = (v // mV)*mV/ms : volt'
                    }
                    """, """
                    model.myl:2:27: error: '//' (floor division) needs dimensionless values, but the left side is in volt and the right side in volt
                      2 |     equations 'dv/dt = (v // mV)*mV/ms : volt'
                        |                           ^^
                      help: divide by a unit first, e.g. 'v/mV'
                    """),
            error("units: clip() bounds without units", """
                    neurons G[1] {
                        equations 'dv/dt = clip(v, 0, 10*mV)/ms : volt'
                    }
                    """, """
                    model.myl:2:32: error: the bounds of clip() must be in the unit of its first argument, which is in volt, but this bound is dimensionless
                      2 |     equations 'dv/dt = clip(v, 0, 10*mV)/ms : volt'
                        |                                ^
                      help: give the bound in volt, e.g. '0*mV'
                    """),
            error("units: refractory period in volt", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        refractory 5 mV
                    }
                    """, """
                    model.myl:4:16: error: refractory must be a duration or a condition, but this is a number in volt
                      4 |     refractory 5 mV
                        |                ^^^^
                      help: write a time like 'refractory 5 ms', or a condition like refractory 'v > -40*mV'
                    """),

            // ── Flags in the wrong place ──
            error("flags: (unless refractory) on a parameter", """
                    neurons G[1] {
                        equations '''
                            dv/dt = (R*I - v)/(10*ms) : volt
                            I : amp (unless refractory)
                            R : ohm
                        '''
                    }
                    """, """
                    model.myl:4:18: error: the flag 'unless refractory' is not allowed on a parameter
                      4 |         I : amp (unless refractory)
                        |                  ^^^^^^^^^^^^^^^^^
                      help: flags allowed on a parameter: (constant), (shared)
                    """),
            error("flags: (constant) on a differential equation", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt (constant)'
                    }
                    """, """
                    model.myl:2:43: error: the flag 'constant' is not allowed on a differential equation
                      2 |     equations 'dv/dt = -v/(10*ms) : volt (constant)'
                        |                                           ^^^^^^^^
                      help: the only flag allowed on a differential equation is (unless refractory)
                    """),
            error("flags: unknown flag", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt (unless refactory)'
                    }
                    """, """
                    model.myl:2:43: error: unknown flag 'unless refactory'
                      2 |     equations 'dv/dt = -v/(10*ms) : volt (unless refactory)'
                        |                                           ^^^^^^^^^^^^^^^^
                      help: did you mean 'unless refractory'? The only flag allowed on a differential equation is (unless refractory)
                    """),

            // ── Integration methods ──
            error("methods: unknown method", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        method rk5
                    }
                    """, """
                    model.myl:3:12: error: unknown integration method 'rk5'
                      3 |     method rk5
                        |            ^^^
                      help: the methods are exact (also called linear), euler, rk2, rk4, heun, milstein and exponential_euler; leave 'method' out for Brian2's automatic choice
                    """),
            error("methods: Brian2 method that Myelin lacks", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        method gsl_rk4
                    }
                    """, """
                    model.myl:3:12: error: Brian2's integration method 'gsl_rk4' is not supported by Myelin
                      3 |     method gsl_rk4
                        |            ^^^^^^^
                      help: the methods are exact (also called linear), euler, rk2, rk4, heun, milstein and exponential_euler; leave 'method' out for Brian2's automatic choice
                    """),
            error("noise: exact cannot integrate it", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) + xi*mV/ms**0.5 : volt'
                        method exact
                    }
                    """, """
                    model.myl:3:12: error: method 'exact' cannot integrate the equations of group G: the equations are stochastic (they contain xi), which exact cannot integrate
                      3 |     method exact
                        |            ^^^^^
                      help: use method 'euler' (additive noise), 'heun' or 'milstein'
                    """),
            error("noise: multiplicative noise with euler", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) + v*xi/ms**0.5 : volt'
                        method euler
                    }
                    """, """
                    model.myl:3:12: error: method 'euler' cannot integrate the equations of group G: the noise of dv/dt is multiplicative (the factor of xi depends on v), which euler cannot integrate
                      3 |     method euler
                        |            ^^^^^
                      help: use method 'heun' or 'milstein'
                    """),
            error("noise: milstein needs diagonal noise", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) + v*(xi_1 + xi_2)/ms**0.5 : volt
                        '''
                        method milstein
                    }
                    """, """
                    model.myl:5:12: error: method 'milstein' cannot integrate the equations of group G: dv/dt has several noise terms [xi_1, xi_2], but milstein needs diagonal noise (one noise term per equation)
                      5 |     method milstein
                        |            ^^^^^^^^
                      help: use method 'heun'
                    """),
            error("noise: plain xi in two equations, xi in a subexpression", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) + xi*mV/ms**0.5 : volt
                            du/dt = -u/(10*ms) + xi*mV/ms**0.5 : volt
                            I = xi_2*nA*ms**0.5 : amp
                        '''
                    }
                    """, """
                    model.myl:4:9: error: the equation of 'u' uses the noise term 'xi', which the equation of 'v' already uses; with one name both would get the same noise
                      4 |         du/dt = -u/(10*ms) + xi*mV/ms**0.5 : volt
                        |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                      help: name the noise terms xi_1, xi_2, ... for independent noise, or give both the same name xi_shared for one common noise
                    model.myl:5:13: error: 'xi_2' is Brian2's noise term and can only appear in the right-hand side of a differential equation
                      5 |         I = xi_2*nA*ms**0.5 : amp
                        |             ^^^^
                      help: write it into the equation itself, e.g. 'dv/dt = (El - v)/tau + sigma*sqrt(2/tau)*xi_2 : volt'
                    2 errors
                    """),
            error("noise: in an event-driven equation", """
                    neurons G[1] {
                        equations 'v : 1'
                        threshold 'v > 1'
                    }
                    synapses S(G -> G) {
                        equations 'dA/dt = -A/(10*ms) + xi/ms**0.5 : 1 (event-driven)'
                        on_pre 'A += 1'
                    }
                    """, """
                    model.myl:6:24: error: the event-driven equation of 'A' has the noise term 'xi', but event-driven equations are solved in closed form between events and cannot be stochastic
                      6 |     equations 'dA/dt = -A/(10*ms) + xi/ms**0.5 : 1 (event-driven)'
                        |                        ^^^^^^^^^^^^^^^^^^^^^^^
                      help: make it (clock-driven) to integrate it every step with a stochastic method
                    """),
            error("noise: not linear in xi", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) + xi**2*mV : volt'
                    }
                    """, """
                    model.myl:1:9: error: no integration method can integrate the equations of group G: dv/dt is not linear in its noise terms (tried exact, euler and heun)
                      1 | neurons G[1] {
                        |         ^
                      help: write the noise as a term g*xi added to the right-hand side
                    """),
            error("events: on_event of an undeclared event", """
                    neurons G[2] {
                        equations 'dv/dt = 1/ms : 1'
                        event burst 'v > 2'
                        on_event brust 'v = 0'
                    }
                    """, """
                    model.myl:4:14: error: group G has no event 'brust'
                      4 |     on_event brust 'v = 0'
                        |              ^^^^^
                      help: did you mean 'burst'?
                    """),
            error("events: pathway on an undeclared event", """
                    neurons G[2] {
                        equations 'dv/dt = 1/ms : 1'
                        event burst 'v > 2'
                    }
                    neurons H[2] { equations 'x : 1' }
                    synapses S(G -> H) {
                        on_pre event bursts 'x += 1'
                        connect
                    }
                    """, """
                    model.myl:7:18: error: group G has no event 'bursts'
                      7 |     on_pre event bursts 'x += 1'
                        |                  ^^^^^^
                      help: did you mean 'burst'?
                    """),
            error("events: an event called spike, a condition that is a number", """
                    neurons G[2] {
                        equations 'dv/dt = 1/ms : 1'
                        event spike 'v > 2'
                        event burst 'v'
                    }
                    """, """
                    model.myl:3:11: error: the event 'spike' is the group's threshold
                      3 |     event spike 'v > 2'
                        |           ^^^^^
                      help: write its condition as threshold '...', or give this event another name
                    model.myl:4:18: error: an event's condition must be a condition, but this is a number without unit
                      4 |     event burst 'v'
                        |                  ^
                      help: compare it, e.g. 'v > -50*mV'
                    2 errors
                    """),
            error("run_regularly: dt without a unit", """
                    neurons G[2] {
                        equations 'dv/dt = 1/ms : 1'
                        run_regularly 'v = 0' dt 10 when begin
                    }
                    """, """
                    model.myl:3:30: error: the dt of run_regularly must be a time, but this is a number without unit
                      3 |     run_regularly 'v = 0' dt 10 when begin
                        |                              ^^
                      help: write it with a time unit, e.g. 'dt 10 ms'
                    """),
            error("events: an event monitor of spikes", """
                    neurons G[2] {
                        equations 'dv/dt = 1/ms : 1'
                        event burst 'v > 2'
                    }
                    eventmonitor m of G event spike
                    """, """
                    model.myl:5:27: error: spikes are recorded with a spikemonitor
                      5 | eventmonitor m of G event spike
                        |                           ^^^^^
                      help: write 'spikemonitor m of G'
                    """),
            error("protocol: assigning a const", """
                    const tau = 10 ms
                    tau = 5 ms
                    """, """
                    model.myl:2:1: error: cannot assign to 'tau': it is a const
                      2 | tau = 5 ms
                        | ^^^
                      help: use another name for the protocol's variable
                    """),
            error("protocol: range of a real number", """
                    x = 2.5
                    for k in range(x) {
                        run 1 ms
                    }
                    """, """
                    model.myl:2:16: error: range() needs whole numbers without unit
                      2 | for k in range(x) {
                        |                ^
                      help: use integer consts, params or loop variables, e.g. 'range(n_train)' with 'param n_train = 100'
                    """),
            error("protocol: while with a number", """
                    n = 0
                    while n + 1 {
                        n = n + 1
                    }
                    """, """
                    model.myl:2:7: error: 'while' needs a condition, but this is a number
                      2 | while n + 1 {
                        |       ^^^^^
                      help: compare it, e.g. 'while intensity < 10'
                    """),
            error("protocol: a variable changing its unit", """
                    rate = 5 Hz
                    rate = 3 mV
                    """, """
                    model.myl:2:8: error: 'rate' was first set to a value in hertz, so it cannot now be a value in volt
                      2 | rate = 3 mV
                        |        ^^^^
                      help: keep one unit per protocol variable, or use another name
                    """),
            error("protocol: nested loops with one variable", """
                    for k in range(3) {
                        for k in range(2) {
                            print k
                        }
                    }
                    """, """
                    model.myl:2:9: error: 'k' is already the variable of the loop on line 1
                      2 |     for k in range(2) {
                        |         ^
                      help: give the inner loop's variable another name
                    """),
            error("data sets: an unknown data set", """
                    neurons H[3] { equations 'x : 1' }
                    for sample in digts[0:3] {
                        run 1 ms
                    }
                    """, """
                    model.myl:2:15: error: unknown data set 'digts'
                      2 | for sample in digts[0:3] {
                        |               ^^^^^
                      help: declare it first, e.g. dataset digts = idx('images-idx3-ubyte.gz', 'labels-idx1-ubyte.gz')
                    """),
            error("methods: non-linear equation with exact", """
                    neurons G[1] {
                        equations 'dv/dt = -v**2/(10*ms*mV) : volt'
                        method exact
                    }
                    """, """
                    model.myl:3:12: error: method 'exact' cannot integrate the equations of group G: dv/dt is not linear in v: it contains v**2
                      3 |     method exact
                        |            ^^^^^
                      help: use a numerical method such as euler, rk2 or rk4 (or exponential_euler for Hodgkin-Huxley-type equations)
                    """),

            // ── Assignments to what cannot be assigned ──
            error("constants: reset writes a (constant) parameter", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            I : amp (constant)
                        '''
                        threshold 'v > 10*mV'
                        reset 'I = 0*amp'
                    }
                    """, """
                    model.myl:7:12: error: cannot assign to 'I': it is a parameter marked (constant)
                      7 |     reset 'I = 0*amp'
                        |            ^
                      help: remove the (constant) flag, or set it between runs with 'G.I = ...'
                    """),
            error("constants: reset writes a const", """
                    const Vr = -65 mV
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'Vr = 0*mV'
                    }
                    """, """
                    model.myl:5:12: error: cannot assign to 'Vr': it is a const, fixed when the model is compiled
                      5 |     reset 'Vr = 0*mV'
                        |            ^^
                      help: to change it per neuron, declare it in the group's equations instead, e.g. 'Vr : volt'
                    """),
            error("constants: reset writes t", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 't = 0*ms'
                    }
                    """, """
                    model.myl:4:12: error: cannot assign to 't': it is the simulation time
                      4 |     reset 't = 0*ms'
                        |            ^
                      help: only the group's state variables and parameters can be assigned
                    """),
            error("constants: reset writes i", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        reset 'i = 0'
                    }
                    """, """
                    model.myl:4:12: error: cannot assign to 'i': it is the neuron index
                      4 |     reset 'i = 0'
                        |            ^
                      help: only the group's state variables and parameters can be assigned
                    """),
            error("constants: reset writes a subexpression", """
                    neurons G[1] {
                        equations '''
                            dv/dt = (E - v)/(10*ms) : volt
                            E = 2*mV : volt
                        '''
                        threshold 'v > 1*mV'
                        reset 'E = 0*mV'
                    }
                    """, """
                    model.myl:7:12: error: cannot assign to 'E': it is a subexpression, computed from other variables
                      7 |     reset 'E = 0*mV'
                        |            ^
                      help: assign to the variables it is computed from
                    """),
            error("constants: protocol assigns a subexpression", """
                    neurons G[1] {
                        equations '''
                            dv/dt = (E - v)/(10*ms) : volt
                            E = 2*mV : volt
                        '''
                    }
                    G.E = 3*mV
                    """, """
                    model.myl:7:3: error: cannot assign to 'E': it is a subexpression, computed from other variables
                      7 | G.E = 3*mV
                        |   ^
                      help: assign to the variables it is computed from
                    """),
            error("constants: protocol assigns not_refractory", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 10*mV'
                        refractory 2 ms
                    }
                    G.not_refractory = True
                    """, """
                    model.myl:6:3: error: cannot assign to 'not_refractory': it is set by the refractoriness mechanism
                      6 | G.not_refractory = True
                        |   ^^^^^^^^^^^^^^
                      help: only the group's state variables and parameters can be assigned
                    """),

            // ── Duplicates ──
            error("duplicates: variable defined twice", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            v : volt
                        '''
                    }
                    """, """
                    model.myl:4:9: error: 'v' is already defined on line 3
                      4 |         v : volt
                        |         ^
                      help: keep one definition of v
                    """),
            error("duplicates: group declared twice", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    neurons G[2] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    """, """
                    model.myl:4:9: error: 'G' is already declared on line 1
                      4 | neurons G[2] {
                        |         ^
                      help: give a neuron group another name
                    """),
            error("duplicates: two thresholds", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 1*mV'
                        threshold 'v > 2*mV'
                    }
                    """, """
                    model.myl:4:5: error: this group already has a threshold (line 3)
                      4 |     threshold 'v > 2*mV'
                        |     ^^^^^^^^^^^^^^^^^^^^
                      help: keep one threshold; combine conditions with 'or', e.g. 'v > Vt or w > wt'
                    """),
            error("duplicates: monitor name", """
                    neurons G[3] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 1*mV'
                    }
                    spikemonitor s of G
                    spikemonitor s of G
                    """, """
                    model.myl:6:14: error: a monitor named 's' already exists (line 5)
                      6 | spikemonitor s of G
                        |              ^
                      help: monitor names must be unique: they name the result files
                    """),

            // ── Reserved names ──
            error("reserved: t as a variable", """
                    neurons G[1] {
                        equations '''
                            dv/dt = (t - v)/(10*ms) : volt
                            t : volt
                        '''
                    }
                    """, """
                    model.myl:4:9: error: 't' cannot be a variable's name: Brian2 reserves it for the simulation time
                      4 |         t : volt
                        |         ^
                      help: choose another name, e.g. 't_'
                    """),
            error("reserved: not_refractory as a variable", """
                    neurons G[1] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            not_refractory : 1
                        '''
                    }
                    """, """
                    model.myl:4:9: error: 'not_refractory' cannot be a variable's name: Brian2 reserves it for the refractoriness flag of each neuron
                      4 |         not_refractory : 1
                        |         ^^^^^^^^^^^^^^
                      help: choose another name, e.g. 'not_refractory_'
                    """),
            error("reserved: const named like a unit", """
                    const ms = 3
                    """, """
                    model.myl:1:7: error: 'ms' cannot be the name of a const: it is the name of a unit or mathematical constant
                      1 | const ms = 3
                        |       ^^
                      help: choose another name, e.g. 'ms_'
                    """),

            // ── Equations ──
            error("equations: derivative with respect to x", """
                    neurons G[1] {
                        equations 'dv/dx = -v/(10*ms) : volt'
                    }
                    """, """
                    model.myl:2:19: error: a differential equation must be with respect to time: 'dv/dt', not 'dv/dx'
                      2 |     equations 'dv/dx = -v/(10*ms) : volt'
                        |                   ^^
                      help: write 'dv/dt = ...'
                    """),
            error("equations: differential equation of a boolean", """
                    neurons G[1] {
                        equations 'dv/dt = -v/(10*ms) : boolean'
                    }
                    """, """
                    model.myl:2:37: error: a differential equation needs a real-valued variable, not a boolean
                      2 |     equations 'dv/dt = -v/(10*ms) : boolean'
                        |                                     ^^^^^^^
                      help: give it a unit, e.g. ': volt', or ': 1' if it is dimensionless
                    """),
            error("equations: subexpression calls rand()", """
                    neurons G[4] {
                        equations '''
                            dv/dt = (noise - v)/(10*ms) : volt
                            noise = rand()*mV : volt
                        '''
                    }
                    """, """
                    model.myl:4:17: error: subexpression 'noise' calls rand() or randn(), so its value would change each time it is used
                      4 |         noise = rand()*mV : volt
                        |                 ^^^^^^^^^
                      help: add the flag (constant over dt) to draw it once per time step, as Brian2 requires
                    """),
            error("equations: subexpression cycle", """
                    neurons G[4] {
                        equations '''
                            dv/dt = (a - v)/(10*ms) : volt
                            a = b : volt
                            b = 2*a : volt
                        '''
                    }
                    """, """
                    model.myl:4:9: error: subexpression 'a' is defined in terms of itself, through a -> b -> a
                      4 |         a = b : volt
                        |         ^
                      help: break the cycle: define one of a, b without the others
                    """),
            error("equations: condition declared in volt", """
                    neurons G[4] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            active = v > 1*mV : volt
                        '''
                    }
                    """, """
                    model.myl:4:18: error: subexpression 'active' is a condition, but it is declared in volt
                      4 |         active = v > 1*mV : volt
                        |                  ^^^^^^^^
                      help: declare it ': boolean'
                    """),

            // ── The protocol ──
            error("protocol: list length", """
                    neurons G[4] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            a : 1
                        '''
                    }
                    G.a = [1, 2]
                    """, """
                    model.myl:7:7: error: this list has 2 values but group G has 4 neurons
                      7 | G.a = [1, 2]
                        |       ^^^^^^
                      help: give one value per neuron, or a single value for all
                    """),
            error("protocol: list for a shared variable", """
                    neurons G[3] {
                        equations '''
                            dv/dt = (E - v)/(10*ms) : volt
                            E : volt (shared)
                        '''
                    }
                    G.E = [1*mV, 2*mV, 3*mV]
                    """, """
                    model.myl:7:7: error: 'E' is shared, so group G has one value of it, not one per neuron
                      7 | G.E = [1*mV, 2*mV, 3*mV]
                        |       ^^^^^^^^^^^^^^^^^^
                      help: assign a single value, e.g. 'G.E = 1*mV'
                    """),
            error("protocol: unknown variable", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    G.w = 1*mV
                    """, """
                    model.myl:4:3: error: group G has no variable 'w'
                      4 | G.w = 1*mV
                        |   ^
                      help: the variables of G are: v
                    """),
            error("protocol: negative run duration", """
                    run -5 ms
                    """, """
                    model.myl:1:5: error: a run's duration must be a finite, non-negative time
                      1 | run -5 ms
                        |     ^^^^^
                      help: write e.g. 'run 100 ms'
                    """),

            // ── Monitors ──
            error("monitors: record index out of range", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    statemonitor m of G.v record [0, 4]
                    """, """
                    model.myl:4:34: error: index 4 is not inside group G, which has 4 neurons
                      4 | statemonitor m of G.v record [0, 4]
                        |                                  ^
                      help: record indices of G go from 0 to 3
                    """),
            error("monitors: a state monitor to somewhere other than disk", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    statemonitor m of G.v record all to tape
                    """, """
                    model.myl:4:37: error: a state monitor records to memory, or to disk with 'to disk', not to 'tape'
                      4 | statemonitor m of G.v record all to tape
                        |                                     ^^^^
                      help: write 'to disk' to append its samples to the results directory as they are taken
                    """),
            error("monitors: spike monitor of a group without threshold", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    spikemonitor s of G
                    """, """
                    model.myl:4:19: error: group G has no threshold, so it never spikes
                      4 | spikemonitor s of G
                        |                   ^
                      help: add a threshold to the group, or record a variable with a statemonitor
                    """),
            error("monitors: slice outside the group", """
                    neurons G[3] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        threshold 'v > 1*mV'
                    }
                    spikemonitor s of G[2:5]
                    """, """
                    model.myl:5:19: error: the slice 2:5 is not inside group G, which has 3 neurons
                      5 | spikemonitor s of G[2:5]
                        |                   ^^^^^^
                      help: write start:stop with 0 <= start < stop <= 3
                    """),

            // ── Groups ──
            error("groups: reset without threshold", """
                    neurons G[4] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                        reset 'v = 0*mV'
                    }
                    """, """
                    model.myl:3:5: error: group G has a reset but no threshold, so the reset would never run
                      3 |     reset 'v = 0*mV'
                        |     ^^^^^^^^^^^^^^^^
                      help: add a threshold, e.g. threshold 'v > -50*mV', or remove the reset
                    """),
            error("groups: size that is not a whole number", """
                    neurons G[2.5] {
                        equations 'dv/dt = -v/(10*ms) : volt'
                    }
                    """, """
                    model.myl:1:11: error: the number of neurons must be a whole number
                      1 | neurons G[2.5] {
                        |           ^^^
                      help: write e.g. 'neurons G[100] { ... }'
                    """),

            // ── Settings, consts and params ──
            error("settings: seed not an integer", """
                    seed 4.5
                    """, """
                    model.myl:1:6: error: the seed must be a whole number of at least 0, without a unit
                      1 | seed 4.5
                        |      ^^^
                      help: write e.g. 'seed 42'
                    """),
            error("settings: const that depends on a param", """
                    param I0 = 1 nA
                    const I1 = 2*I0
                    """, """
                    model.myl:2:12: error: a const must be known when the model is compiled, but this depends on a param
                      2 | const I1 = 2*I0
                        |            ^^^^
                      help: declare 'I1' with 'param' instead
                    """),
            error("settings: rand() at file level", """
                    const x = rand()
                    """, """
                    model.myl:1:11: error: rand() draws one number per neuron and can only be used in group code
                      1 | const x = rand()
                        |           ^^^^^^
                      help: use it in a group's equations, threshold or reset, or in a quoted value such as G.v = 'rand()*mV'
                    """),

            // ── Added with the checks for result files, shared writes, unit powers ──
            error("settings: a boolean param", """
                    param flag = True
                    """, """
                    model.myl:1:14: error: a param must be a number, but this is a condition (True or False)
                      1 | param flag = True
                        |              ^^^^
                      help: use a number, e.g. 'param flag = 1', and compare it where it is used ('flag > 0')
                    """),
            error("reset: writing a shared variable", """
                    neurons G[2] {
                        equations '''
                            dv/dt = -v/(10*ms) : 1
                            count : 1 (shared)
                        '''
                        threshold 'v > 1'
                        reset 'v = 0; count += 1'
                    }
                    """, """
                    model.myl:7:19: error: the reset runs once for every neuron that spikes, so it cannot write the shared variable 'count'
                      7 |     reset 'v = 0; count += 1'
                        |                   ^^^^^
                      help: make 'count' a per-neuron variable (remove (shared)), or set it between runs with 'G.count = ...'
                    """),
            error("init: the same variable twice", """
                    neurons G[2] {
                        equations 'v : volt'
                        init v = 0*mV
                        init v = 1*mV
                    }
                    """, """
                    model.myl:4:10: error: 'v' is already initialised on line 3
                      4 |     init v = 1*mV
                        |          ^
                      help: keep one 'init v = ...'
                    """),
            error("monitor: dt not a multiple of the model dt", """
                    dt = 0.1 ms
                    neurons G[2] { equations 'v : volt' }
                    statemonitor v of G.v dt 0.25 ms
                    """, """
                    model.myl:3:26: error: a monitor's dt must be a whole multiple of the model's dt (0.1 ms)
                      3 | statemonitor v of G.v dt 0.25 ms
                        |                          ^^^^^^^
                      help: record every k steps, e.g. 'dt 1 ms'
                    """),
            error("monitor: two monitors writing one file", """
                    neurons G[2] { equations '''
                        c : 1
                        b_c : 1
                    ''' }
                    statemonitor a_b of G.c
                    statemonitor a of G.b_c
                    """, """
                    model.myl:6:14: error: monitor 'a' would write a_b_c.npy, which monitor 'a_b' writes too
                      6 | statemonitor a of G.b_c
                        |              ^
                      help: rename one of the two monitors
                    """),
            error("units: a unit raised to a fraction", """
                    const area = 20 um**2.5
                    """, """
                    model.myl:1:14: error: a unit can only be raised to a whole number
                      1 | const area = 20 um**2.5
                        |              ^^^^^^^^^^
                      help: write e.g. '20 um**2'
                    """)
    );
}
