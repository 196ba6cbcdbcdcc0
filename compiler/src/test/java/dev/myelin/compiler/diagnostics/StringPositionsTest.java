package dev.myelin.compiler.diagnostics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Brian2 code sits in strings that are parsed on their own; what they report must still point at
 * the right line and column of the model file, on every line of a ''' block.
 */
class StringPositionsTest {

    @Test
    void theFirstLineRightAfterTheOpeningQuotes() {
        assertEquals("""
                model.myl:4:27: error: unknown name 'E_L'
                  4 |     equations '''dv/dt = (E_L - v)/tau : volt
                    |                           ^^^
                  help: declare it in the group's equations ('E_L : unit'), or at file level with 'const E_L = ...' or 'param E_L = ...'
                """, Check.render("""
                const tau = 10 ms

                neurons G[1] {
                    equations '''dv/dt = (E_L - v)/tau : volt
                        I : amp
                    '''
                }
                """));
    }

    @Test
    void theThirdLineOfATripleQuotedBlock() {
        assertEquals("""
                model.myl:7:25: error: unknown name 'taw'
                  7 |         dw/dt = (v - w)/taw : volt
                    |                         ^^^
                  help: did you mean 'tau'?
                """, Check.render("""
                const tau = 10 ms

                neurons G[1] {
                    equations '''
                        dv/dt = -v/tau : volt
                        E : volt
                        dw/dt = (v - w)/taw : volt
                    '''
                }
                """));
    }

    @Test
    void bothInOneBlockAfterABlankLine() {
        // The first line of the block and its fourth (after a blank line); double quotes work the same.
        assertEquals("""
                model.myl:2:26: error: the two sides of this equation have different units: dv/dt is in volt/second, the right-hand side is in volt
                  2 |     equations \"""dv/dt = -v : volt
                    |                          ^^
                  help: divide the right-hand side by a time constant, e.g. '(...)/tau' with tau in seconds
                model.myl:5:13: error: unknown unit 'amps'
                  5 |         I : amps
                    |             ^^^^
                  help: did you mean 'amp'?
                2 errors
                """, Check.render("""
                neurons G[1] {
                    equations \"""dv/dt = -v : volt
                        w : 1

                        I : amps
                    \"""
                }
                """));
    }

    @Test
    void aSyntaxErrorOnALaterLineOfTheBlock() {
        // The equation on the block's third line lacks its unit: the caret is at the end of that line.
        assertEquals("""
                model.myl:5:31: error: missing ':' and a unit at the end of this equation
                  5 |         dw/dt = (v - w)/(5*ms)
                    |                               ^
                  help: every equation ends with the unit of its variable, e.g. 'dv/dt = -v/tau : volt' (': 1' if it has no unit)
                """, Check.render("""
                neurons G[1] {
                    equations '''
                        dv/dt = -v/(10*ms) : volt
                        I : amp
                        dw/dt = (v - w)/(5*ms)
                    '''
                }
                """));
    }

    @Test
    void aLineContinuationInsideAString() {
        // A backslash continues a Brian2 line; what follows it is still found on its own file line.
        assertEquals("""
                model.myl:4:18: error: unknown name 'tau_w'
                  4 |             - w)/tau_w : volt
                    |                  ^^^^^
                  help: declare it in the group's equations ('tau_w : unit'), or at file level with 'const tau_w = ...' or 'param tau_w = ...'
                """, Check.render("""
                neurons G[1] {
                    equations '''
                        dw/dt = (-v \\
                            - w)/tau_w : volt
                        dv/dt = -v/(10*ms) : volt
                    '''
                }
                """));
    }

    @Test
    void windowsLineEndings() {
        assertEquals("""
                model.myl:3:20: error: unknown name 'tau'
                  3 |         dv/dt = -v/tau : volt
                    |                    ^^^
                  help: declare it in the group's equations ('tau : unit'), or at file level with 'const tau = ...' or 'param tau = ...'
                """, Check.render("neurons G[1] {\r\n    equations '''\r\n        dv/dt = -v/tau : volt\r\n    '''\r\n}\r\n"));
    }

    @Test
    void aQuotedValueInTheProtocol() {
        assertEquals("""
                model.myl:5:15: error: cannot add quantities in different units: the left side is in volt, the right side is dimensionless
                  5 | G.v = '-70*mV + rand()'
                    |               ^
                  help: give the dimensionless side a unit, e.g. 'rand()*mV'
                """, Check.render("""
                neurons G[4] {
                    equations 'dv/dt = -v/(10*ms) : volt'
                }

                G.v = '-70*mV + rand()'
                """));
    }
}
