package dev.myelin.compiler.codegen;

import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.compiler.diag.SourceFile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the generated Java must contain: the method chosen, hoisted invariants, no allocation in loops. */
class GeneratedCodeTest {

    private static final String LIF = """
            const tau = 10 ms
            neurons G[5] {
                equations '''
                    dv/dt = (-70*mV - v + 100*Mohm*I)/tau : volt (unless refractory)
                    I : amp (constant)
                '''
                threshold 'v > -50*mV'
                reset 'v = -65*mV'
                refractory 5 ms
            }
            run 10 ms
            """;

    private static final String IZHIKEVICH = """
            neurons G[4] {
                equations '''
                    dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
                    du/dt = a*(b*v - u)/ms : 1
                    a : 1
                    b : 1
                    I : 1
                '''
                threshold 'v >= 30'
                reset 'v = -65; u += 2'
            }
            run 10 ms
            """;

    static String method(String source, String name) {
        int start = source.indexOf("void " + name + "(");
        if (start < 0) start = source.indexOf("int " + name + "(");
        assertTrue(start >= 0, "no method " + name);
        int end = source.indexOf("\n    }\n", start);
        return source.substring(start, end);
    }

    @Test
    void automaticChoiceIsExactForLinearEquations() {
        String update = method(compile(LIF).source().source(), "update_G");
        assertTrue(update.contains("// Integration: exact"), update);
        // The propagator exp(-dt/tau) is computed once per step, before the neuron loop.
        int propagator = update.indexOf("Math.exp((-(100.0 * dt)))");
        assertTrue(propagator >= 0 && propagator < update.indexOf("for (int i"), update);
    }

    @Test
    void automaticChoiceIsEulerForNonlinearEquations() {
        String update = method(compile(IZHIKEVICH).source().source(), "update_G");
        assertTrue(update.contains("// Integration: euler"), update);
        assertTrue(update.contains("(G$v[i] * G$v[i])"), "v**2 is v*v, as numpy computes it: " + update);
    }

    @Test
    void unlessRefractoryIsBlendedWithoutABranch() {
        String update = method(compile(LIF).source().source(), "update_G");
        // The flag as 1.0 or 0.0 from whole steps since the last spike; v takes the active value or
        // keeps its own (frozen while refractory), in one all-double loop that C2 vectorises.
        assertTrue(update.contains("final double _nr = dev.myelin.runtime.MathFunctions.clip("), update);
        assertTrue(update.contains("Math.floor((((t - G$lastspike[i]) + "), update);
        assertTrue(update.contains("G$not_refractory[i] = _nr;"), update);
        assertTrue(update.contains("G$v[i] = ((_nr * _a$v) + ((1.0 - _nr) * G$v[i]));"), update);
        assertFalse(update.contains("if ("), update);
        assertEquals(update.indexOf("G$v[i] ="), update.lastIndexOf("G$v[i] ="), update);
    }

    @Test
    void thresholdIsGatedByRefractoriness() {
        String threshold = method(compile(LIF).source().source(), "threshold_G");
        assertTrue(threshold.contains("((G$v[i] > (-0.05)) && (G$not_refractory[i] != 0.0))"), threshold);
        assertTrue(threshold.contains("G$lastspike[i] = t;"), threshold);
    }

    @Test
    void stateUpdatesAndThresholdsRunOverARangeThatThreadsMaySplit() {
        String source = compile(LIF).source().source();
        assertTrue(method(source, "update_G").startsWith("void update_G(long step, double t, int lo, int hi) {"), method(source, "update_G"));
        assertTrue(method(source, "update_G").contains("for (int i = lo; i < hi; i++)"));
        String threshold = method(source, "threshold_G");
        assertTrue(threshold.contains("int count = lo;") && threshold.contains("return count - lo;"), threshold);
        String advance = method(source, "advance");
        assertTrue(advance.contains("final StepTeam team = sim.team();"), advance);
        assertTrue(advance.contains("if (team != null && StepTeam.worthSplitting(this.G$$N)) team.run(this, 0, this.G$$N, step, t); "
                + "else update_G(step, t, 0, this.G$$N);"), advance);
        assertTrue(advance.contains("this.G$$nspikes = team != null && StepTeam.worthSplitting(this.G$$N) "
                + "? team.spikes(this, 1, this.G$$N, step, t, this.G$$spikes) : threshold_G(step, t, 0, this.G$$N);"), advance);
        String runPart = method(source, "runPart");
        assertTrue(runPart.contains("case 0: update_G(step, t, lo, hi); return 0;") && runPart.contains("case 1: return threshold_G(step, t, lo, hi);"), runPart);
    }

    @Test
    void hotLoopsAllocateNothing() {
        String source = compile(IZHIKEVICH).source().source();
        for (String m : new String[]{"advance", "update_G", "threshold_G", "reset_G"}) {
            assertFalse(method(source, m).contains("new "), m + " allocates");
        }
    }

    @Test
    void equalModelsShareOneCompiledClass() {
        ModelCompiler compiler = new ModelCompiler();
        CompiledModel a = compiler.compile(new SourceFile("a.myl", LIF));
        CompiledModel b = compiler.compile(new SourceFile("b.myl", LIF));
        assertEquals(a.source().sourceHash(), b.source().sourceHash());
        assertSame(a.networkClass(), b.networkClass());
        assertNotEquals(a.source().sourceHash(), compiler.compile(new SourceFile("c.myl", IZHIKEVICH)).source().sourceHash());
    }

    @Test
    void userNamesCannotCollideInGeneratedCode() {
        // Each of these pairs once produced the same Java field name.
        CompiledModel model = compile("""
                param x = 1
                neurons p[2] {
                    equations '''
                        x : 1
                        dspikes/dt = 1/ms : 1
                        dnspikes/dt = 1/ms : 1
                        dN_/dt = 1/ms : 1
                    '''
                    threshold 'spikes > 0.5'
                }
                neurons m[1] { equations 'v : 1' }
                statemonitor v of m.v
                spikemonitor p of p
                p.x = 1
                run 1 ms
                """);
        var sim = model.instantiate(java.util.Map.of(), 1L);
        sim.runProtocol();
        assertEquals(1.0, sim.network().doubleVariable("p", "x")[0]);
    }

    @Test
    void repeatedRateFunctionsAreComputedOncePerNeuron() throws Exception {
        String source = new ModelCompiler().compile(java.nio.file.Path.of("../examples/reference/hh_step.myl")).source().source();
        String update = method(source, "update_G");
        // Three distinct exprel terms (two in dm/dt, one in dn/dt), each used in both A and B/A.
        assertEquals(3, update.split("MathFunctions.exprel\\(", -1).length - 1, update);
    }

    /**
     * Variables that refractoriness does not touch (CUBA's ge and gi) are updated in a second loop
     * without the not_refractory branch; one that reads v (adaptation w) stays with v.
     */
    @Test
    void unlessRefractoryBlendsOnlyWhatRefractorinessTouches() {
        String update = method(compile("""
                neurons G[5] {
                    equations '''
                        dv/dt = (ge + gi - (v + 49*mV) - w)/(20*ms) : volt (unless refractory)
                        dge/dt = -ge/(5*ms) : volt
                        dgi/dt = -gi/(10*ms) : volt
                        dw/dt = (0.1*(v + 60*mV) - w)/(100*ms) : volt
                    '''
                    threshold 'v > -50*mV'
                    reset 'v = -60*mV'
                    refractory 5 ms
                    method euler
                }
                run 1 ms
                """).source().source(), "update_G");
        // One loop; v and w (which reads v) blend between the branches, ge and gi are computed once.
        assertEquals(update.indexOf("for (int i"), update.lastIndexOf("for (int i"), update);
        assertTrue(update.contains("G$v[i] = ((_nr * _a$v) + ((1.0 - _nr) * G$v[i]));"), update);
        assertTrue(update.contains("G$w[i] = ((_nr * _a$w) + ((1.0 - _nr) * _r$w));"), update);
        assertTrue(update.contains("G$ge[i] = _ge$u;") && update.contains("G$gi[i] = _gi$u;"), update);
        assertFalse(update.contains("if ("), update);
    }

    @Test
    void setupHoldsInitialValuesAndConnectAndProtocolTheRest() {
        String source = compile("""
                neurons G[2] {
                    equations 'dv/dt = -v/(10*ms) : 1'
                    threshold 'v > 1'
                    init v = 0.5
                }
                synapses S(G -> G) {
                    equations 'w : 1'
                    on_pre 'v_post += w'
                    connect
                    init w = 0.1
                }
                G.v = 0.2
                run 1 ms
                """).source().source();
        String setup = method(source, "setup");
        String protocol = method(source, "protocol");
        assertEquals("void setup() {\n        assign0_G_v();\n        connect_S();\n        assign2_S_w();", setup);
        assertTrue(protocol.contains("assign3_G_v();"), protocol);
        assertTrue(protocol.contains("sim.run(0.001)"), protocol);
        assertFalse(protocol.contains("connect_S();"), protocol);
    }

    @Test
    void floatPrecisionStoresSynapticVariablesAsFloatButTimesAndDelaysAsDouble() {
        String stdp = """
                neurons G[4] {
                    equations 'dv/dt = -v / (10*ms) : 1'
                    threshold 'v > 1'
                    reset 'v = 0'
                }
                synapses S(G -> G) {
                    equations '''
                        w : 1
                        dapre/dt = -apre / (20*ms) : 1 (event-driven)
                    '''
                    on_pre '''
                        v_post += w
                        apre += 0.01
                        w = clip(w + apre, 0, 1)
                    '''
                    connect p = 0.5
                    init delay = 'rand() * ms'
                }
                run 10 ms
                """;
        String source = new ModelCompiler(Precision.FLOAT).compile(new SourceFile("model.myl", stdp)).source().source();
        assertTrue(source.contains("private float[] S$w;"), source);
        assertTrue(source.contains("private float[] S$apre;"), source);
        assertTrue(source.contains("private double[] S$lastupdate;"), source);
        assertTrue(source.contains("private double[] S$delay;"), source);
        assertTrue(source.contains("private final double[] G$v;"), source);
        String pathway = method(source, "pathway_S_pre");
        assertTrue(pathway.contains("S$w[_syn] = (float) (dev.myelin.runtime.MathFunctions.clip((double) (S$w[_syn] + S$apre[_syn])"), pathway);
        assertTrue(pathway.contains("S$lastupdate[_syn] = t;"), pathway);
        assertFalse(compile(stdp).source().source().contains("float"), "double precision has no float");
    }

    private static CompiledModel compile(String text) {
        return new ModelCompiler().compile(new SourceFile("model.myl", text));
    }
}
