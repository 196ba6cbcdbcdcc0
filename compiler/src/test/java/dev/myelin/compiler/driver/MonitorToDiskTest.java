package dev.myelin.compiler.driver;

import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A state monitor 'to disk' records what one in memory records, into the results directory as it goes. */
class MonitorToDiskTest {

    private static final String MODEL = """
            dt = 0.1 ms
            neurons G[3] {
                equations 'dv/dt = (i + 1)/ms : 1'
            }
            statemonitor kept of G.v record all
            statemonitor streamed of G.v record all to disk
            run 1 ms
            store
            run 0.5 ms
            restore
            run 0.3 ms
            """;

    @TempDir
    Path dir;

    @Test
    void theFileOnDiskHoldsWhatTheMonitorInMemoryHolds() throws IOException {
        Simulation sim = Models.compile(MODEL).instantiate(Map.of(), 7L);
        sim.setResultsDirectory(dir);
        sim.runProtocol();
        StateRecorder kept = Models.recorder(sim, "kept");
        StateRecorder streamed = Models.recorder(sim, "streamed");
        // 10 steps, then 5 forgotten by the restore, then 3: 13 samples of 3 neurons.
        assertEquals(13, kept.samples());
        assertEquals(13, streamed.samples());
        for (int k = 0; k < 3; k++) assertArrayEquals(kept.values("v")[k], streamed.values("v")[k], 0.0);

        assertEquals(List.of("streamed_t.npy", "streamed_v.npy"), streamed.write(dir, sim.dt()));
        NpyArray file = NpyReader.read(dir.resolve("streamed_v.npy"));
        assertArrayEquals(new int[] {3, 13}, file.shape());
        assertEquals(0.2, file.data()[13 + 1], 1e-12); // neuron 1 after one step: 2/ms * 0.1 ms
        assertTrue(Files.readString(dir.resolve("streamed_v.npy"), java.nio.charset.StandardCharsets.ISO_8859_1).contains("'fortran_order': True"));
    }
}
