package dev.myelin.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java API: compile, set, run, read, store/restore, with the model file's own semantics. */
class NetworkTest {

    @TempDir
    Path dir;

    /** Three LIF neurons; the file's protocol sets a drive and runs 50 ms. */
    private static final String MODEL = """
            dt = 0.1 ms
            seed 3
            const El = -70 mV
            param I0 = 0.6 nA
            neurons G[3] {
                equations '''
                    dv/dt = (El - v + 100*Mohm*I)/(10*ms) : volt (unless refractory)
                    I : amp
                '''
                threshold 'v > -50*mV'
                reset 'v = -65*mV'
                refractory 2 ms
                init v = El
            }
            spikemonitor spikes of G
            statemonitor trace of G.v record [0, 2]
            G.I = I0 * (i + 1) / 3
            run 50 ms
            """;

    private final Myelin myelin = new Myelin();

    private Model model() {
        return myelin.compile(dir.resolve("lif.myl").toString(), MODEL);
    }

    @Test
    void aNewNetworkIsSetUpAtTimeZeroWithTheFilesInitialValues() {
        Network net = model().newNetwork();
        assertEquals(0.0, net.t());
        assertEquals(1e-4, net.dt());
        assertEquals(3, net.seed());
        assertArrayEquals(new double[] {-0.07, -0.07, -0.07}, net.get("G.v"));
        assertArrayEquals(new double[] {0, 0, 0}, net.get("G.I"), "the protocol's assignments have not run");
    }

    @Test
    void settingFromJavaGivesTheSpikesOfTheFilesProtocol() {
        Model model = model();
        Network file = model.newNetwork();
        file.runProtocol();
        Network api = model.newNetwork();
        api.set("G.I", "I0 * (i + 1) / 3");
        api.run("50 ms");
        Spikes a = file.spikes("spikes");
        Spikes b = api.spikes("spikes");
        assertTrue(a.count() > 5, "the drive makes neurons 1 and 2 fire");
        assertArrayEquals(a.i(), b.i());
        assertArrayEquals(a.t(), b.t());
        assertEquals(0.05, api.t(), 1e-15);

        Network arrays = model.newNetwork();
        arrays.set("G.I", new double[] {0.2e-9, 0.4e-9, 0.6e-9});
        arrays.run(0.05);
        assertArrayEquals(a.t(), arrays.spikes("spikes").t(), "0.2, 0.4, 0.6 nA as an array");
    }

    @Test
    void expressionsReadTheGroupsVariablesIndexSizeAndParams() {
        Network net = model().newNetwork(Map.of("I0", "0.9 nA"), null);
        net.set("G.v", "El + 2*mV*i");
        assertArrayEquals(new double[] {-0.07, -0.068, -0.066}, net.get("G.v"), 1e-15);
        net.set("G.I", "I0 * i / N");
        assertArrayEquals(new double[] {0, 0.3e-9, 0.6e-9}, net.get("G.I"), 1e-24);
        net.set("G.v", "v - 1*mV");
        assertArrayEquals(new double[] {-0.071, -0.069, -0.067}, net.get("G.v"), 1e-15);
        net.set("G.v", -0.06);
        assertArrayEquals(new double[] {-0.06, -0.06, -0.06}, net.get("G.v"));
    }

    @Test
    void monitorsAreReadAsPrimitiveArraysInSiUnits() {
        Network net = model().newNetwork();
        net.runProtocol();
        StateTrace trace = net.trace("trace");
        assertArrayEquals(new int[] {0, 2}, trace.indices());
        assertEquals(500, trace.t().length);
        assertEquals(0.0, trace.t()[0]);
        assertEquals(-0.07, trace.of("v")[0][0]);
        long[] counts = net.spikeCounts("spikes");
        assertEquals(0, counts[0], "neuron 0 (0.2 nA: -50 mV at equilibrium) never passes the threshold");
        assertEquals(net.spikes("spikes").count(), counts[0] + counts[1] + counts[2]);
    }

    @Test
    void restoreGoesBackToTheStoredStateAndTheSameRunRepeatsExactly() {
        Network net = model().newNetwork();
        net.set("G.I", 0.6e-9);
        net.store("start");
        net.run("30 ms");
        double[] v = net.get("G.v");
        int spikes = net.spikes("spikes").count();
        net.restore("start");
        assertEquals(0.0, net.t());
        assertEquals(0, net.spikes("spikes").count(), "monitors forget what they recorded since, as in Brian2");
        net.run("30 ms");
        assertArrayEquals(v, net.get("G.v"));
        assertEquals(spikes, net.spikes("spikes").count());
    }

    @Test
    void runExperimentWritesTheResultsAsMyelinRunDoes() throws Exception {
        Network net = model().runExperiment(Map.of(), 5L, dir.resolve("out"));
        assertTrue(Files.exists(dir.resolve("out/manifest.json")));
        assertTrue(Files.exists(dir.resolve("out/spikes_i.npy")));
        assertEquals(5, net.seed());
        ModelException again = assertThrows(ModelException.class, () -> net.runExperiment(dir.resolve("again"), null, null, null, 0));
        assertEquals("this network was set up already; runExperiment runs the whole model file on a network from Model.experiment()", again.getMessage());
    }

    @Test
    void mistakesAreModelExceptionsThatSayWhatToDo() {
        Network net = model().newNetwork();
        assertEquals("the model has no real-valued variable G.w (integer and boolean variables, and shared ones, are not accessible through the Java API)",
                assertThrows(ModelException.class, () -> net.get("G.w")).getMessage());
        assertEquals("name the variable with its group or synapses, e.g. 'G.v', not 'v'",
                assertThrows(ModelException.class, () -> net.get("v")).getMessage());
        assertEquals("G.v: 2 values given but there are 3 elements to set",
                assertThrows(ModelException.class, () -> net.set("G.v", new double[] {1, 2})).getMessage());
        assertEquals("G.v: random functions cannot be evaluated by Network.set; draw the values in Java and pass an array",
                assertThrows(ModelException.class, () -> net.set("G.v", "El + rand()*mV")).getMessage());
        assertEquals("the model has no spike monitor named 'spike'; it has spikes",
                assertThrows(ModelException.class, () -> net.spikes("spike")).getMessage());
        assertEquals("a run's duration must be a time such as '100 ms', not '5 mV'",
                assertThrows(ModelException.class, () -> net.run("5 mV")).getMessage());

        ModelException units = assertThrows(ModelException.class, () -> net.set("G.v", "El + 5*nA"));
        assertTrue(units.located());
        assertTrue(units.getMessage().startsWith(dir.resolve("lif.myl") + ":19:11: error: cannot add quantities in different units"), units.getMessage());
        assertTrue(units.getMessage().contains("G.v = 'El + 5*nA'"), units.getMessage());
    }

    @Test
    void compileErrorsCarryTheRenderedReport() {
        ModelException e = assertThrows(ModelException.class, () -> myelin.compile("bad.myl", "neurons G[2] {\n    threshold 'v > 1'\n}\n"));
        assertTrue(e.located());
        assertTrue(e.getMessage().startsWith("bad.myl:2:"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"));
    }

    @Test
    void synapticVariablesStoredAsFloatAreReadAndSetAsDoubles() {
        String model = """
                neurons G[2] { equations 'v : 1'
                    threshold 'v > 1' }
                synapses S(G -> G) {
                    equations 'w : 1'
                    on_pre 'v_post += w'
                    connect 'i != j'
                    init w = '0.1 * (i + 1)'
                }
                """;
        Network net = new Myelin(dev.myelin.compiler.codegen.Precision.FLOAT).compile("w.myl", model).newNetwork();
        assertArrayEquals(new double[] {(float) 0.1, (float) 0.2}, net.get("S.w"));
        net.set("S.w", new double[] {1.0 / 3, 0.25});
        assertArrayEquals(new double[] {(float) (1.0 / 3), 0.25}, net.get("S.w"));
        net.set("S.w", "w * 2");
        assertArrayEquals(new double[] {(float) (2 * (double) (float) (1.0 / 3)), 0.5}, net.get("S.w"));
    }

    /** Neuron 0 spikes at step 0 (v = 2) and neuron 1 never does; S connects them both ways, with one event-driven trace. */
    private Network pairWithTrace(String trace, String onPre, String onPost) {
        String model = """
                neurons G[2] {
                    equations 'v : 1'
                    threshold 'v > 1'
                    reset 'v = 0'
                }
                synapses S(G -> G) {
                    equations '''
                        w : 1
                        dTRACE/dt = -TRACE / (10*ms) : 1 (event-driven)
                    '''
                    on_pre 'ON_PRE'
                    on_post 'ON_POST'
                    connect 'i != j'
                }
                """.replace("TRACE", trace).replace("ON_PRE", onPre).replace("ON_POST", onPost);
        Network net = myelin.compile("pair.myl", model).newNetwork();
        net.set("G.v", new double[] {2, 0});
        return net;
    }

    @Test
    void aTraceKeptPerTargetNeuronIsReadPerSynapseAsItsValueNowAndCannotBeSet() {
        Network net = pairWithTrace("apost", "w += apost", "apost += 0.5");
        net.run(1e-3);
        // Neuron 0 spiked at step 0; its trace has since decayed over 9 steps of 0.1 ms (9 roundings). Synapse 1 (1 -> 0) targets it.
        assertArrayEquals(new double[] {0, 0.5 * Math.exp(-0.09)}, net.get("S.apost"), 1e-15);
        ModelException e = assertThrows(ModelException.class, () -> net.set("S.apost", 0.0));
        assertEquals("S.apost is a trace that Myelin keeps once per target neuron or as the time it was set: it can be read from Java but not set; "
                + "change it in the model's on_pre or on_post code", e.getMessage());
    }

    @Test
    void aTraceKeptAsTheTimeItWasSetIsReadAsItsValueNowAndAnUnusedLastupdateIsNotKept() {
        Network net = pairWithTrace("pre", "pre = 1", "w += pre");
        net.run(1e-3);
        // Synapse 0 (0 -> 1) was set at t = 0 and has decayed for 1 ms; synapse 1 was never set.
        assertArrayEquals(new double[] {Math.exp(-0.1), 0}, net.get("S.pre"), 1e-15);
        ModelException e = assertThrows(ModelException.class, () -> net.get("S.lastupdate"));
        assertEquals("S.lastupdate is not kept: nothing in the model reads it, so its synapses do not write it at every event", e.getMessage());
    }
}
