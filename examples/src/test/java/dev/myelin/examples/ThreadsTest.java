package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --threads N} gives the same results as one thread, bit for bit: every variable of every
 * group and synapses object and every recorded spike and value, on a model whose split loops hold
 * refractoriness, noise (a random number per neuron and step), a threshold with a random draw (a
 * Poisson group with a rate that changes in time), resets, delays, STDP, and groups too small to
 * split beside large ones. Thread counts 2 and 3 put the range bounds in different places.
 */
class ThreadsTest {

    private static final String MODEL = """
            dt = 0.1 ms
            seed 11
            param n = 10000
            const tau = 10 ms
            const sigma = 3 mV
            poisson drive[6000] rates '(20 + 15*sin(2*pi*7*Hz*t))*Hz'
            poisson steady[300] rates 8 Hz
            neurons G[n] {
                equations '''
                    dv/dt = (-60*mV - v + ge)/tau + sigma*xi*tau**-0.5 : volt (unless refractory)
                    dge/dt = -ge/(5*ms) : volt
                    dw/dt = -w/(50*ms) : 1
                '''
                threshold 'v > -52*mV'
                reset 'v = -62*mV; w += 1'
                refractory 2 ms
                method euler
                init v = '-60*mV + 8*mV*rand()'
            }
            neurons small[40] {
                equations '''
                    dv/dt = (-v + ge)/(20*ms) : volt
                    dge/dt = -ge/(5*ms) : volt
                '''
                threshold 'v > 5*mV'
                reset 'v = 0*mV'
                method exact
            }
            synapses D(drive -> G) {
                on_pre 'ge += 1.5*mV'
                connect p = 0.002
            }
            synapses R(G -> G) {
                on_pre 'ge += 0.4*mV'
                connect p = 0.0005
                delay 1.5 ms
            }
            synapses P(steady -> small) {
                equations '''
                    w : volt
                    dApre/dt = -Apre/(20*ms) : volt (event-driven)
                    dApost/dt = -Apost/(20*ms) : volt (event-driven)
                '''
                on_pre '''
                    ge += w
                    Apre += 0.1*mV
                    w = clip(w + Apost, 0*mV, 3*mV)
                '''
                on_post '''
                    Apost -= 0.1*mV
                    w = clip(w + Apre, 0*mV, 3*mV)
                '''
                connect
                init w = 'rand()*3*mV'
            }
            spikemonitor sG of G
            spikemonitor sDrive of drive
            spikemonitor sSmall of small
            statemonitor vm of G.v, G.w record [0, 4095, 4096, 9999]
            run 30 ms
            G.v = '-60*mV + 4*mV*rand()'
            run 30 ms
            """;

    @TempDir
    Path dir;

    private Simulation run(int threads) throws Exception {
        Path file = dir.resolve("threads.myl");
        Files.writeString(file, MODEL);
        Simulation sim = new ModelCompiler().compile(file).instantiate(Map.of(), 11L);
        sim.setOutput(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        sim.setThreads(threads);
        try {
            sim.runProtocol();
        } finally {
            sim.setThreads(1);
        }
        return sim;
    }

    @Test
    void twoAndThreeThreadsGiveTheResultsOfOneBitForBit() throws Exception {
        Simulation one = run(1);
        int spikes = ((SpikeRecorder) recorder(one, "sG")).count();
        assertTrue(spikes > 2000, "the big group spikes enough to exercise the split threshold: " + spikes);
        assertTrue(((SpikeRecorder) recorder(one, "sDrive")).count() > 2000);
        for (int threads : new int[] {2, 3}) {
            Simulation many = run(threads);
            assertSameState(one, many, threads);
            for (String name : List.of("sG", "sDrive", "sSmall")) {
                SpikeRecorder a = (SpikeRecorder) recorder(one, name), b = (SpikeRecorder) recorder(many, name);
                assertEquals(a.count(), b.count(), name + " with " + threads + " threads");
                assertArrayEquals(Arrays.copyOf(a.indices(), a.count()), Arrays.copyOf(b.indices(), b.count()), name + " indices, " + threads + " threads");
                assertArrayEquals(Arrays.copyOf(a.steps(), a.count()), Arrays.copyOf(b.steps(), b.count()), name + " steps, " + threads + " threads");
            }
            StateRecorder a = (StateRecorder) recorder(one, "vm"), b = (StateRecorder) recorder(many, "vm");
            Path da = Files.createDirectories(dir.resolve("one")), db = Files.createDirectories(dir.resolve("many" + threads));
            List<String> fa = a.write(da, 1e-4), fb = b.write(db, 1e-4);
            assertEquals(fa, fb);
            for (String f : fa) assertArrayEquals(Files.readAllBytes(da.resolve(f)), Files.readAllBytes(db.resolve(f)), f + ", " + threads + " threads");
        }
    }

    private static void assertSameState(Simulation one, Simulation many, int threads) {
        Object[] a = one.network().captureState(), b = many.network().captureState();
        String[] names = one.network().stateNames();
        assertEquals(a.length, b.length);
        List<String> compared = new ArrayList<>();
        for (int k = 0; k < a.length; k++) {
            if (a[k] instanceof double[] x) {
                // Arrays.equals compares doubles by their bits (doubleToLongBits).
                assertTrue(Arrays.equals(x, (double[]) b[k]), names[k] + " differs with " + threads + " threads");
                compared.add(names[k]);
            } else if (a[k] instanceof boolean[] x) {
                assertArrayEquals(x, (boolean[]) b[k], names[k]);
            } else if (a[k] instanceof int[] x) {
                assertArrayEquals(x, (int[]) b[k], names[k]);
            } else if (a[k] instanceof long[] x) {
                assertArrayEquals(x, (long[]) b[k], names[k]);
            }
        }
        assertTrue(compared.containsAll(List.of("G.v", "G.ge", "G.w", "G.lastspike", "P.w")), "compared: " + compared);
    }

    private static Recorder recorder(Simulation sim, String name) {
        return sim.recorders().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
