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
    void groupsTooLargeForTheHeapAreRefusedBeforeTheyAreAllocated() throws Exception {
        Ran ran = myelinWithSmallHeap("""
                neurons G[8000000] { equations 'dv/dt = -v / (10*ms) : 1' }
                run 1 ms
                """);
        assertEquals(ExitCodes.USER_ERROR, ran.code(), ran.err());
        assertTrue(ran.err().startsWith("error: the neuron groups need about 92 MB (G: 8,000,000 neurons × 12 bytes), more than the Java heap ("), ran.err());
        assertTrue(ran.err().contains(") can hold: run Java with a larger heap (-Xmx2g; with ./myelin: MYELIN_JAVA_OPTS=-Xmx2g), or make the groups smaller"), ran.err());
        assertTrue(!ran.err().contains("at dev.myelin"), "no stack trace: " + ran.err());
    }

    @Test
    void aRunWhoseStateMonitorCannotFitIsRefusedBeforeItStartsAndEarlierRunsAreKept() throws Exception {
        Ran ran = myelinWithSmallHeap("""
                neurons G[20000] { equations 'dv/dt = -v / (10*ms) : 1' }
                statemonitor m of G.v record all
                run 1 ms
                run 10 second
                """);
        assertEquals(ExitCodes.USER_ERROR, ran.code(), ran.err());
        assertTrue(ran.err().contains("error: this run (100,000 steps) needs about 14.9 GB ("), ran.err());
        assertTrue(ran.err().contains(", 14.9 GB more for monitor m), more than "), ran.err());
        assertTrue(ran.err().contains(", or record fewer values (record [...]), less often (dt ...), or to disk ('to disk' after the monitor)"), ran.err());
        NpyArray v = NpyReader.read(dir.resolve("out/m_v.npy"));
        NpyArray t = NpyReader.read(dir.resolve("out/m_t.npy"));
        assertArrayEquals(new int[] {20000, 10}, v.shape());
        assertArrayEquals(new double[] {0, 1e-4, 2e-4}, java.util.Arrays.copyOf(t.data(), 3), 1e-15);
        assertTrue(Files.readString(dir.resolve("out/manifest.json")).contains("\"status\": \"failed\""));
    }
}
