package dev.myelin.compiler.diagnostics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact messages for mistakes in synapses, connect, inputs and save statements (see
 * {@link ErrorMessagesTest} for the neuron-group ones): position, quoted line, caret and help.
 */
class SynapseErrorMessagesTest {

    private static ErrorMessagesTest.Case error(String name, String model, String expected) {
        return new ErrorMessagesTest.Case(name, model, expected);
    }

    static List<ErrorMessagesTest.Case> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheExactMessage(ErrorMessagesTest.Case c) {
        String actual = Check.render(c.model());
        assertEquals(c.expected(), actual, () -> "for the model\n" + c.model() + "\nthe compiler now prints\n" + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDiagnosticPointsIntoTheModelAndSaysWhatToDo(ErrorMessagesTest.Case c) {
        Check.assertWellFormed(c.model());
    }

    private static final List<ErrorMessagesTest.Case> CASES = List.of(
            error("delays: assigning a delay fixed by the delay entry", """
                    neurons A[3] {
                        equations 'v : 1'
                        threshold 'v > 1'
                    }
                    synapses S(A -> A) {
                        on_pre 'v += 1'
                        delay 2 ms
                        connect
                    }
                    S.delay = 3 ms
                    run 1 ms
                    """, """
                    model.myl:10:3: error: synapses S have one delay for all synapses, set by their 'delay' entry, so it cannot be assigned here
                      10 | S.delay = 3 ms
                         |   ^^^^^
                      help: to give each synapse its own delay, remove the unquoted 'delay' entry (or quote it: delay 'expr') and assign 'S.delay = ...' here
                    """),
            error("synapses onto synapses: on_post code", """
                    neurons A[3] { equations 'x : 1' }
                    synapses S(A -> A) {
                        equations 'd : 1'
                        connect
                    }
                    spikegenerator R[1] indices [0] times [2] * ms
                    synapses D(R -> S) {
                        on_post 'd_post += 1'
                        connect
                    }
                    """, """
                    model.myl:8:5: error: the target S is a synapses object, which never spikes, so this on_post code would never run
                      8 |     on_post 'd_post += 1'
                        |     ^^^^^^^^^^^^^^^^^^^^^
                      help: remove the on_post code; synapses onto synapses act through on_pre code, e.g. on_pre 'd_post += 1'
                    """),
            error("summed: two synapses writing one variable; save: a monitor's file", """
                    neurons A[2] { equations 'x : 1' }
                    neurons B[2] { equations 'y : 1' }
                    synapses S(A -> B) {
                        equations 'y_post = x_pre : 1 (summed)'
                        connect
                    }
                    synapses T(A -> B) {
                        equations 'y_post = 2*x_pre : 1 (summed)'
                        connect
                    }
                    statemonitor m of B.y
                    save m_y = B.y
                    """, """
                    model.myl:7:10: error: synapses T and S both write the summed variable B.y, so one sum would overwrite the other
                      7 | synapses T(A -> B) {
                        |          ^
                      help: sum into two variables and add them in the group's equations, as Brian2 requires
                    model.myl:12:6: error: saving 'm_y' would write m_y.npy, which monitor 'm' writes too
                      12 | save m_y = B.y
                         |      ^^^
                      help: give the saved value another name
                    2 errors
                    """),
            error("synapses: unknown target group", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> K) {
                        on_pre 'v_post += 1*mV'
                    }
                    """, """
                    model.myl:10:17: error: unknown group 'K'
                      10 | synapses S(G -> K) {
                         |                 ^
                      help: groups declared before this line: G, H
                    """),
            error("synapses: on_pre writes an unknown name", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> G) {
                        on_pre 'u += 1*mV'
                    }
                    """, """
                    model.myl:11:13: error: the on_pre code assigns to 'u', which is not a variable of the synapses or of the groups they connect
                      11 |     on_pre 'u += 1*mV'
                         |             ^
                      help: declare it in the equations, e.g. 'u : volt'
                    """),
            error("synapses: pre pathway from a group that never spikes", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(H -> G) {
                        on_pre 'v += 1*mV'
                    }
                    """, """
                    model.myl:11:5: error: group H has no threshold, so it never spikes and this on_pre code would never run
                      11 |     on_pre 'v += 1*mV'
                         |     ^^^^^^^^^^^^^^^^^^
                      help: add a threshold to group H
                    """),
            error("connect: unknown argument", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        connect prob = 0.1
                    }
                    """, """
                    model.myl:11:13: error: connect has no argument 'prob'
                      11 |     connect prob = 0.1
                         |             ^^^^
                      help: the arguments are: a condition, p, n, i, j and skip_if_invalid
                    """),
            error("connect: p outside [0, 1]", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        connect p = 1.5
                    }
                    """, """
                    model.myl:11:17: error: p is a probability, between 0 and 1, but this is 1.5
                      11 |     connect p = 1.5
                         |                 ^^^
                      help: write e.g. p = 0.1
                    """),
            error("connect: j not a whole number", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        connect j = 'i/2'
                    }
                    """, """
                    model.myl:11:18: error: connect's j must be a whole number without unit
                      11 |     connect j = 'i/2'
                         |                  ^^^
                      help: convert it with int(...), e.g. 'int(i/2)'
                    """),
            error("synapses: summed into a missing variable", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        equations 'v_post = 1*mV : volt (summed)'
                    }
                    """, """
                    model.myl:11:16: error: a (summed) variable must write a parameter of group H, which has no variable 'v'
                      11 |     equations 'v_post = 1*mV : volt (summed)'
                         |                ^^^^^^
                      help: declare it in the group's equations as 'v : volt' (without an equation of its own)
                    """),
            error("synapses: event-driven equation depending on a post variable", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> G) {
                        equations 'dA/dt = (v_post/mV - A)/(10*ms) : 1 (event-driven)'
                        on_pre 'A += 1'
                    }
                    """, """
                    model.myl:11:25: error: the event-driven equation of 'A' depends on 'v', which changes between events, so it cannot be solved in closed form
                      11 |     equations 'dA/dt = (v_post/mV - A)/(10*ms) : 1 (event-driven)'
                         |                         ^^^^^^^^^^^^^^^^^^^^^
                      help: make it (clock-driven) to integrate it every step
                    """),
            error("synapses: delay in the wrong unit", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        on_pre 'y += 1'
                        delay 5 mV
                    }
                    """, """
                    model.myl:12:11: error: a delay must be a time, but this is in volt
                      12 |     delay 5 mV
                         |           ^^^^
                      help: write e.g. 'delay 2 ms', or a per-synapse expression in quotes, e.g. delay '(i % 5)*ms'
                    """),
            error("timed array: called with two arguments", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    timedarray stim = [1, 2, 3] * nA dt 1 ms
                    neurons K[1] { equations 'I = stim(t, i) : amp' }
                    """, """
                    model.myl:11:31: error: timed array stim is 1-D, so it takes one argument
                      11 | neurons K[1] { equations 'I = stim(t, i) : amp' }
                         |                               ^^^^^^^^^^
                      help: write 'stim(t)'
                    """),
            error("save: values of two objects", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        equations 'w : 1'
                        connect
                    }
                    save both = S.w, G.x
                    """, """
                    model.myl:14:18: error: a saved value is computed from one object's variables, but this uses G and S
                      14 | save both = S.w, G.x
                         |                  ^
                      help: save them separately: 'save a = S.w' and 'save b = G.x'
                    """),
            error("connect: generator over an unknown function", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G -> H) {
                        connect j = 'k for k in ranges(i, i + 2)'
                    }
                    """, """
                    model.myl:11:29: error: a generator iterates over range(...) or sample(...), not ranges(...)
                      11 |     connect j = 'k for k in ranges(i, i + 2)'
                         |                             ^^^^^^
                      help: write e.g. 'k for k in range(i - 2, i + 3)' or 'k for k in sample(N_post, p=0.1)'
                    """),
            error("synapses: slice outside the source group", """
                    neurons G[10] {
                        equations '''
                            dv/dt = -v/(10*ms) : volt
                            x : 1
                        '''
                        threshold 'v > 10*mV'
                        reset 'v = 0*mV'
                    }
                    neurons H[5] { equations 'y : 1' }
                    synapses S(G[5:20] -> H) {
                        connect
                    }
                    """, """
                    model.myl:10:12: error: the slice 5:20 is not inside group G, which has 10 neurons
                      10 | synapses S(G[5:20] -> H) {
                         |            ^^^^^^^
                      help: write start:stop with 0 <= start < stop <= 10
                    """)
    );
}
