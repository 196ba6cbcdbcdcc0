package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Synapses whose target is another synapses object (the dopamine-modulated STDP pattern,
 * {@code on_pre 'd_post += ...'}), against Brian2 2.5.1 on src/test/resources/syn2syn/: j numbers the
 * target's synapses, N_post is their count, a delay and a connect condition on j apply as usual.
 */
class SynapsesOnSynapsesTest {

    private static final Path DIR = Path.of("src/test/resources/syn2syn");

    @Test
    @SuppressWarnings("unchecked")
    void onPreCodeWritesTheTargetSynapsesVariablesAsInBrian2() throws Exception {
        Simulation sim = new ModelCompiler().compile(DIR.resolve("syn2syn.myl")).instantiate(Map.of(), 1L);
        sim.runProtocol();
        Map<String, Object> brian2 = (Map<String, Object>) Json.parse(Files.readString(DIR.resolve("syn2syn_brian2.json")));

        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, (long[]) ((Simulation.Saved) sim.saved().get("D_j")).values());
        assertArrayEquals(new long[] {0, 2, 4}, (long[]) ((Simulation.Saved) sim.saved().get("E_j")).values());
        double[] expected = ((List<Number>) brian2.get("final_d")).stream().mapToDouble(Number::doubleValue).toArray();
        double[] finalD = (double[]) ((Simulation.Saved) sim.saved().get("final_d")).values();
        // Exact integration's factor exp(-dt/tau) is computed differently from Brian2's: 1e-14 relative.
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], finalD[k], 1e-14 * Math.abs(expected[k]), "d of synapse " + k);

        double[][] trace = ((StateRecorder) sim.recorders().stream().filter(r -> r.name().equals("mon")).findFirst().orElseThrow()).values("d");
        List<List<Number>> brianTrace = (List<List<Number>>) brian2.get("d");
        for (int syn = 0; syn < trace.length; syn++) {
            for (int k = 0; k < trace[syn].length; k++) {
                double b = brianTrace.get(syn).get(k).doubleValue();
                assertEquals(b, trace[syn][k], 1e-14 * Math.max(1, Math.abs(b)), "d of synapse " + syn + " at sample " + k);
            }
        }
    }
}
