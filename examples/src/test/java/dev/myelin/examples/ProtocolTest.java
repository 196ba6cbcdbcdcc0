package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.SpikeRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The protocol's control flow, variables, print, and store/restore with spikes in flight. */
class ProtocolTest {

    @TempDir
    Path dir;

    private record Ran(Simulation sim, String printed) {
    }

    private Ran run(String model) throws Exception {
        Path file = dir.resolve("model.myl");
        Files.writeString(file, model);
        Simulation sim = new ModelCompiler().compile(file).instantiate(Map.of(), 1L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sim.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        sim.runProtocol();
        return new Ran(sim, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loopsConditionsVariablesAndPrint() throws Exception {
        Ran ran = run("""
                neurons G[1] { equations 'v : 1' }
                total = 0
                for k in range(3) {
                    total = total + k * 2
                    if k == 1 {
                        print 'k is one'
                    } else if k == 2 {
                        print 'k', k, 'total', total
                    } else {
                        print 'first'
                    }
                }
                n = 0
                while n < 3 {
                    n = n + 1
                }
                repeat {
                    n = n + 10
                } until n > 25
                half = n / 2
                print 'n', n, 'half', half, 'dt', dt, 'big', 2.5e20 * mV, n > 30
                """);
        assertEquals("""
                first
                k is one
                k 2 total 6
                n 33 half 16.5 dt 0.0001 second big 2.5e+17 volt true
                """, ran.printed());
    }

    @Test
    void protocolVariablesReachTheModelsCodeWhenItRuns() throws Exception {
        Ran ran = run("""
                drive = 1 mV
                neurons G[1] { equations 'dv/dt = drive/ms : volt' }
                for k in range(1, 4) {
                    drive = k * mV
                    run 1 ms
                }
                save v = G.v / mV
                """);
        // 1 ms each at 1, 2 and 3 mV/ms.
        assertEquals(6.0, ((double[]) ((Simulation.Saved) ran.sim().saved().get("v")).values())[0], 1e-12);
    }

    /** As Brian2 (src/test/resources/protocol/store_brian2.py): a spike in flight at the store arrives again after the restore. */
    @Test
    void restoreBringsBackSpikesInFlightAndTruncatesMonitors() throws Exception {
        Ran ran = run("""
                dt = 0.1 ms
                spikegenerator P[2] indices [0, 1, 0] times [1, 3, 9.5] * ms
                neurons G[2] {
                    equations 'v : 1'
                    threshold 'v > 0.5'
                    reset 'v = 0'
                }
                synapses S(P -> G) {
                    on_pre 'v += 1'
                    delay 2 ms
                    connect j = 'i'
                }
                spikemonitor mon of G
                run 10 ms
                store
                run 10 ms
                save first = mon.count
                restore
                save after_restore = mon.count
                run 10 ms
                save second = mon.count
                """);
        SpikeRecorder mon = (SpikeRecorder) ran.sim().recorders().get(0);
        // Brian2: [0, 1, 0] at steps [31, 51, 116] both times; 2 spikes right after the restore.
        assertArrayEquals(new int[] {0, 1, 0}, mon.indices());
        assertArrayEquals(new long[] {31, 51, 116}, mon.steps());
        assertArrayEquals(new long[] {2, 1}, (long[]) ((Simulation.Saved) ran.sim().saved().get("first")).values());
        assertArrayEquals(new long[] {1, 1}, (long[]) ((Simulation.Saved) ran.sim().saved().get("after_restore")).values());
        assertArrayEquals(new long[] {2, 1}, (long[]) ((Simulation.Saved) ran.sim().saved().get("second")).values());
    }
}
