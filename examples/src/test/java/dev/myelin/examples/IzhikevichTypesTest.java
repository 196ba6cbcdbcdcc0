package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.SpikeRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The firing patterns that define Izhikevich's (2003) neuron types, in examples/izhikevich/izhikevich_types.myl
 * (a 100 ms pause, then a 300 ms current step). The model is deterministic (forward Euler, no random
 * numbers), so spike counts are exact; ISIs are compared with the values measured once (README),
 * to within one time step (0.1 ms) each way, and with the qualitative property each type is named for.
 */
class IzhikevichTypesTest {

    private static final double DT_MS = 0.1;
    private static final double STEP_ON_MS = 100;
    private static long[][] steps; // spike steps per neuron

    @BeforeAll
    static void run() throws Exception {
        Simulation sim = new ModelCompiler().compile(Path.of("izhikevich/izhikevich_types.myl")).instantiate(Map.of(), 1L);
        sim.runProtocol();
        SpikeRecorder spikes = (SpikeRecorder) sim.recorders().stream().filter(r -> r.name().equals("spikes")).findFirst().orElseThrow();
        steps = new long[10][];
        for (int n = 0; n < 10; n++) {
            final int k = n;
            int[] idx = spikes.indices();
            long[] all = spikes.steps();
            steps[n] = java.util.stream.IntStream.range(0, idx.length).filter(s -> idx[s] == k).mapToLong(s -> all[s]).toArray();
        }
    }

    @Test
    void nothingFiresBeforeTheStepExceptTheTwentyHertzResonator() {
        for (int n = 0; n < 7; n++) assertTrue(times(n)[0] >= STEP_ON_MS, "neuron " + n + " fired at " + times(n)[0] + " ms");
    }

    @Test
    void regularSpikingAdapts() {
        double[] isi = isi(0);
        assertEquals(8, steps[0].length, "RS spikes");
        assertEquals(18.1, isi[0], DT_MS, "RS first ISI");
        assertEquals(45.1, isi[isi.length - 1], DT_MS, "RS last ISI");
        // Spike-frequency adaptation: the first interval is well under half the last one.
        assertTrue(isi[isi.length - 1] / isi[0] > 2.4);
    }

    @Test
    void intrinsicallyBurstingStartsWithABurstThenFiresSingleSpikes() {
        double[] isi = isi(1);
        assertEquals(12, steps[1].length, "IB spikes");
        // The burst: three spikes less than 5 ms apart; then single spikes, every 31.5 ms.
        assertTrue(isi[0] < 5 && isi[1] < 5, Arrays.toString(isi));
        for (int k = 2; k < isi.length; k++) assertTrue(isi[k] > 30, "IB ISI " + k + " = " + isi[k]);
        assertEquals(31.5, isi[isi.length - 1], DT_MS);
    }

    @Test
    void chatteringFiresRepeatedBursts() {
        double[] isi = isi(2);
        assertEquals(28, steps[2].length, "CH spikes");
        // Bimodal ISIs: within bursts at most 6.3 ms, between bursts at least 47.9 ms, none in between.
        int gaps = 0;
        for (double x : isi) {
            assertTrue(x <= 6.4 || x >= 47.8, "CH ISI " + x + " is neither within nor between bursts");
            if (x >= 47.8) gaps++;
        }
        assertEquals(4, gaps, "CH: five bursts (8 spikes, then 5 each), four gaps between them");
    }

    @Test
    void fastSpikingFiresFastWithoutAdaptation() {
        double[] isi = isi(3);
        assertEquals(40, steps[3].length, "FS spikes: 133 Hz over the 300 ms step");
        // After three intervals the ISI stays at 7.6-7.8 ms to the end: no slow adaptation.
        for (int k = 3; k < isi.length; k++) assertEquals(7.7, isi[k], 0.1 + DT_MS, "FS ISI " + k);
        assertTrue(isi[isi.length - 1] / isi[0] < 2, "FS last/first ISI " + isi[isi.length - 1] / isi[0]);
    }

    @Test
    void lowThresholdSpikingStartsFastAndAdapts() {
        double[] isi = isi(4);
        assertEquals(25, steps[4].length, "LTS spikes");
        assertEquals(3.1, isi[0], DT_MS, "LTS first ISI: an initial rate above 300 Hz");
        assertEquals(13.6, isi[isi.length - 1], DT_MS, "LTS last ISI");
        assertTrue(isi[isi.length - 1] / isi[0] > 4, "LTS adapts more than RS");
    }

    @Test
    void thalamoCorticalFiresTonicallyFromRestAndBurstsOnRebound() {
        assertEquals(16, steps[5].length, "TC tonic spikes for I = 2");
        // Released from 100 ms at I = -10 to I = 0: three spikes within 30 ms (the rebound burst),
        // then nothing, although the current after the release is 0.
        double[] t = times(6);
        assertEquals(3, t.length, "TC rebound spikes " + Arrays.toString(t));
        assertTrue(t[0] > STEP_ON_MS && t[2] < STEP_ON_MS + 30, Arrays.toString(t));
    }

    @Test
    void resonatorFiresOnlyForItsResonantFrequency() {
        assertEquals(0, steps[7].length, "RZ at 10 Hz");
        assertEquals(7, steps[8].length, "RZ at 20 Hz");
        assertEquals(0, steps[9].length, "RZ at 40 Hz");
        assertArrayEquals(new double[] {74.5, 120.4, 172.2, 221.1, 271.7, 321.3, 371.6}, times(8), 1e-9);
    }

    private static double[] times(int n) {
        return Arrays.stream(steps[n]).mapToDouble(s -> Math.round(s * DT_MS * 10) / 10.0).toArray();
    }

    private static double[] isi(int n) {
        double[] t = times(n);
        double[] out = new double[t.length - 1];
        for (int k = 1; k < t.length; k++) out[k - 1] = t[k] - t[k - 1];
        return out;
    }
}
