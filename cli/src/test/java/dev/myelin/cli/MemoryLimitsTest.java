package dev.myelin.cli;

import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model too large for the heap is refused with what it needs, and what was recorded is written:
 * the CLI in a JVM with a 96 MB heap.
 */
class MemoryLimitsTest {

    @TempDir
    Path dir;

    private record Ran(int code, String err) {
    }

    private Ran myelinWithSmallHeap(String model) throws IOException, InterruptedException {
        Path file = dir.resolve("model.myl");
        Files.writeString(file, model);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx96m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", file.toString(), "--out", dir.resolve("out").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), err);
    }

    @Test
    void tooManySynapsesAreRefusedWithTheMemoryTheyNeed() throws Exception {
        Ran ran = myelinWithSmallHeap("""
                neurons G[20000] {
                    equations 'v : 1'
                    threshold 'v > 1'
                }
                synapses S(G -> G) {
                    on_pre 'v_post += 1'
                    connect p = 0.5
                }
                run 1 ms
                """);
        assertEquals(ExitCodes.USER_ERROR, ran.code(), ran.err());
        assertTrue(ran.err().contains("error: synapses S: the Java heap (0.1 GB) is too small: connect has made "), ran.err());
        assertTrue(ran.err().contains(" in all, which need at least "), ran.err());
        assertTrue(!ran.err().contains("at dev.myelin"), "no stack trace: " + ran.err());
        assertTrue(Files.readString(dir.resolve("out/manifest.json")).contains("\"status\": \"failed\""));
    }

    @Test
    void aStateMonitorThatOutgrowsTheHeapStopsTheRunAndKeepsWhatItRecorded() throws Exception {
        Ran ran = myelinWithSmallHeap("""
                neurons G[20000] { equations 'dv/dt = -v / (10*ms) : 1' }
                statemonitor m of G.v record all
                run 10 second
                """);
        assertEquals(ExitCodes.USER_ERROR, ran.code(), ran.err());
        assertTrue(ran.err().contains("error: monitor m records 20,000 values per sample (1 variable of 20,000 neurons or synapses) and holds "), ran.err());
        NpyArray v = NpyReader.read(dir.resolve("out/m_v.npy"));
        NpyArray t = NpyReader.read(dir.resolve("out/m_t.npy"));
        assertEquals(20000, v.shape()[0]);
        assertEquals(t.shape()[0], v.shape()[1]);
        assertTrue(v.shape()[1] >= 256, "samples kept: " + v.shape()[1]);
        assertArrayEquals(new double[] {0, 1e-4, 2e-4}, java.util.Arrays.copyOf(t.data(), 3), 1e-15);
    }
}
