package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.io.NpyWriter;
import dev.myelin.runtime.monitor.SpikeRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synapse and input features the Brian2 reference cases do not cover, with exact expectations. */
class SynapseFeaturesTest {

    @TempDir
    Path dir;

    private Simulation run(String model) throws Exception {
        Path file = dir.resolve("model.myl");
        Files.writeString(file, model);
        Simulation sim = new ModelCompiler().compile(file).instantiate(Map.of(), 3L);
        sim.runProtocol();
        return sim;
    }

    private static long[] longs(Simulation sim, String name) {
        return (long[]) ((Simulation.Saved) sim.saved().get(name)).values();
    }

    private static double[] doubles(Simulation sim, String name) {
        return (double[]) ((Simulation.Saved) sim.saved().get(name)).values();
    }

    @Test
    void explicitIndicesSeveralSynapsesPerPairAndIncomingCounts() throws Exception {
        Simulation sim = run("""
                neurons A[3] { equations 'x : 1' }
                neurons B[2] { equations 'y : 1' }
                synapses S(A -> B) {
                    equations 'w : 1'
                    connect i = [2, 0], j = [1, 1]
                    connect 'i == 1', n = 2
                    init w = 'N_incoming + 10*N_outgoing'
                }
                run 0 ms
                save pairs = S.i, S.j
                save w = S.w
                """);
        // Creation order: the explicit pairs, then (1, 0), (1, 0), (1, 1), (1, 1).
        assertArrayEquals(new long[] {2, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1}, longs(sim, "pairs"));
        // B[0] receives 2 synapses, B[1] 4; A[1] sends 4, A[0] and A[2] one each.
        assertArrayEquals(new double[] {14, 14, 42, 42, 44, 44}, doubles(sim, "w"));
    }

    @Test
    void sampleWithSizePicksDistinctTargetsInOrder() throws Exception {
        Simulation sim = run("""
                neurons A[4] { equations 'x : 1' }
                neurons B[50] { equations 'y : 1' }
                synapses S(A -> B) {
                    connect j = 'k for k in sample(N_post, size=5)'
                }
                run 0 ms
                save pairs = S.i, S.j
                """);
        long[] pairs = longs(sim, "pairs");
        assertEquals(4 * 5 * 2, pairs.length);
        for (int s = 0; s < 20; s++) {
            assertEquals(s / 5, pairs[2 * s], "sources in order");
            if (s % 5 > 0) assertTrue(pairs[2 * s + 1] > pairs[2 * s - 1], "targets of one source distinct and increasing");
        }
    }

    @Test
    void weightsFromAnNpyFile() throws Exception {
        NpyWriter.write(dir.resolve("w.npy"), new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5});
        Simulation sim = run("""
                neurons A[2] { equations 'x : 1' }
                neurons B[3] { equations 'y : 1' }
                synapses S(A -> B) {
                    equations 'w : 1'
                    connect
                    init w = 'w.npy'
                }
                run 0 ms
                save w = S.w
                """);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, doubles(sim, "w"));
    }

    @Test
    void namedPathwayWithItsOwnDelayAndAPeriodicGenerator() throws Exception {
        Simulation sim = run("""
                dt = 1 ms
                spikegenerator src[1] indices [0] times [2] * ms period 10 ms
                neurons tgt[1] { equations '''
                    fast : 1
                    slow : 1
                ''' }
                synapses S(src -> tgt) {
                    on_pre 'fast += 1'
                    on_pre late 'slow += 1'
                    delay late = 3 ms
                    connect
                }
                spikemonitor s of src
                statemonitor m of tgt.fast, tgt.slow when end
                run 25 ms
                """);
        SpikeRecorder spikes = (SpikeRecorder) sim.recorders().stream().filter(r -> r.name().equals("s")).findFirst().orElseThrow();
        assertArrayEquals(new long[] {2, 12, 22}, spikes.steps());
        var m = (dev.myelin.runtime.monitor.StateRecorder) sim.recorders().stream().filter(r -> r.name().equals("m")).findFirst().orElseThrow();
        double[] fast = m.values("fast")[0];
        double[] slow = m.values("slow")[0];
        assertEquals(0, fast[1]);
        assertEquals(1, fast[2]);
        assertEquals(0, slow[4]);
        assertEquals(1, slow[5]);
        assertEquals(3, fast[24]);
        assertEquals(2, slow[24]); // the third spike's late event (step 25) is still in flight
    }
    @Test
    void poissonInputAddsBinomialCounts() throws Exception {
        Simulation sim = run("""
                dt = 0.1 ms
                neurons G[200] { equations '''
                    few : 1
                    many : 1
                ''' }
                poissoninput sparse into G.few N 100 rate 10 Hz weight 1
                poissoninput dense into G.many N 100000 rate 10 Hz weight 'i*0 + 1'
                run 1 second
                save few = G.few
                save many = G.many
                """);
        // 10,000 steps: few ~ Binomial(100 * 10000, 0.001) (exact draws), many ~ 100 per step (normal approximation).
        assertMean(doubles(sim, "few"), 1000, Math.sqrt(1000 * 0.999));
        assertMean(doubles(sim, "many"), 1e6, Math.sqrt(1e6 * 0.999));
    }

    private static void assertMean(double[] values, double expected, double sd) {
        double sum = 0;
        for (double v : values) sum += v;
        double mean = sum / values.length;
        double se = sd / Math.sqrt(values.length);
        assertTrue(Math.abs(mean - expected) < 4 * se, "mean " + mean + ", expected " + expected + " ± " + se);
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        double spread = Math.sqrt(squares / (values.length - 1));
        assertTrue(Math.abs(spread - sd) < 0.25 * sd, "standard deviation " + spread + ", expected " + sd);
    }
}
