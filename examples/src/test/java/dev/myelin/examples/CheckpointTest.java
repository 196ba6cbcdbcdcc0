package dev.myelin.examples;

import dev.myelin.compiler.codegen.Precision;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.Results;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.SpikeRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code store to 'file'} and {@code restore from 'file'}: a run resumed from a checkpoint goes on
 * exactly as the run that wrote it, and a checkpoint that does not fit is refused with a reason.
 */
class CheckpointTest {

    @TempDir
    Path dir;

    /** Poisson input, random connections, per-synapse delays (spikes in flight at the store), STDP traces. */
    private static final String MODEL = """
            dt = 0.1 ms
            param resume = 0
            param n = 10
            poisson P[40] rates 60 * Hz
            neurons G[n] {
                equations '''
                    dv/dt = -v / (10*ms) : 1 (unless refractory)
                    dth/dt = -th / (50*ms) : 1
                '''
                threshold 'v > 1 + th'
                reset '''
                    v = 0
                    th += 0.1
                '''
                refractory 2 ms
                method exact
            }
            synapses S(P -> G) {
                equations '''
                    w : 1
                    dapre/dt = -apre / (20*ms) : 1 (event-driven)
                    dapost/dt = -apost / (20*ms) : 1 (event-driven)
                '''
                on_pre '''
                    v_post += w
                    apre += 0.01
                    w = clip(w + apost, 0, 0.5)
                '''
                on_post '''
                    apost -= 0.012
                    w = clip(w + apre, 0, 0.5)
                '''
                connect p = 0.5
                init w = 'rand() * 0.5'
                init delay = 'rand() * 5 * ms'
            }
            spikemonitor mon of G
            if resume == 0 {
                run 100 ms
                store to 'half.ckpt'
            } else {
                restore from 'half.ckpt'
            }
            run 100 ms
            save w = S.w
            save th = G.th
            """;

    private Simulation run(String model, Map<String, String> overrides, long seed) throws Exception {
        return run(model, overrides, seed, Precision.DOUBLE);
    }

    private Simulation run(String model, Map<String, String> overrides, long seed, Precision precision) throws Exception {
        Path file = dir.resolve("model.myl");
        Files.writeString(file, model);
        Simulation sim = new ModelCompiler(precision).compile(file).instantiate(overrides, seed);
        sim.setOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        sim.setResultsDirectory(dir.resolve("results"));
        sim.runProtocol();
        return sim;
    }

    private static double[] saved(Simulation sim, String name) {
        return (double[]) ((Simulation.Saved) sim.saved().get(name)).values();
    }

    @Test
    void aResumedRunContinuesExactlyAsTheRunThatWroteTheCheckpoint() throws Exception {
        Simulation whole = run(MODEL, Map.of(), 7L);
        Simulation resumed = run(MODEL, Map.of("resume", "1"), 7L);
        SpikeRecorder all = (SpikeRecorder) whole.recorders().get(0);
        SpikeRecorder second = (SpikeRecorder) resumed.recorders().get(0);
        int first = (int) Arrays.stream(all.steps()).filter(s -> s < 1000).count();
        assertTrue(first > 20 && all.count() - first > 20, "spikes in both halves: " + first + ", " + (all.count() - first));
        assertArrayEquals(Arrays.copyOfRange(all.steps(), first, all.count()), second.steps());
        assertArrayEquals(Arrays.copyOfRange(all.indices(), first, all.count()), second.indices());
        assertArrayEquals(saved(whole, "w"), saved(resumed, "w"));
        assertArrayEquals(saved(whole, "th"), saved(resumed, "th"));
        assertEquals(2000, resumed.step());

        Results.write(dir.resolve("results"), resumed, Map.of("model", "model.myl"), Map.of(), null);
        String manifest = Files.readString(dir.resolve("results/manifest.json"));
        assertTrue(manifest.replaceAll("\\s+", "").contains("\"checkpoints\":{\"stored\":[],\"restored\":[\"half.ckpt\"]}"), manifest);
    }

    /** A checkpoint holds doubles: one written with float synapses restores into double ones exactly, and the other way rounded to float. */
    @Test
    void aCheckpointRestoresAcrossPrecisions() throws Exception {
        String storeAndSave = MODEL.replace("}\nrun 100 ms\nsave w", "}\nsave w");
        Simulation asDouble = run(storeAndSave, Map.of(), 7L, Precision.DOUBLE);
        Simulation intoFloat = run(storeAndSave, Map.of("resume", "1"), 7L, Precision.FLOAT);
        double[] w = saved(asDouble, "w");
        double[] narrowed = new double[w.length];
        for (int k = 0; k < w.length; k++) narrowed[k] = (float) w[k];
        assertTrue(!Arrays.equals(w, narrowed), "the weights have more than a float's digits");
        assertArrayEquals(narrowed, saved(intoFloat, "w"));

        Simulation asFloat = run(storeAndSave, Map.of(), 7L, Precision.FLOAT);
        Simulation intoDouble = run(storeAndSave, Map.of("resume", "1"), 7L, Precision.DOUBLE);
        assertArrayEquals(saved(asFloat, "w"), saved(intoDouble, "w"));
        assertArrayEquals(saved(asFloat, "th"), saved(intoDouble, "th"));
    }

    @Test
    void aCheckpointOfOtherConnectionsOrSizesIsRefusedWithTheReason() throws Exception {
        run(MODEL, Map.of(), 7L);
        Path file = dir.resolve("results/half.ckpt");
        ModelError seed = assertThrows(ModelError.class, () -> run(MODEL, Map.of("resume", "1"), 8L));
        assertTrue(seed.getMessage().startsWith("restore from " + file + ": the checkpoint does not fit this network: its synapses S connect other neurons than this run's ("),
                seed.getMessage());
        assertTrue(seed.getMessage().endsWith("Random connections depend on the seed: the checkpoint was made with --seed 7, this run has seed 8"), seed.getMessage());

        ModelError size = assertThrows(ModelError.class, () -> run(MODEL.replace("connect p = 0.5", "connect j = 'i % n'"), Map.of("resume", "1", "n", "12"), 7L));
        assertEquals("restore from " + file + ": the checkpoint does not fit this network: variable G.v has 10 values there and 12 here (it was made by "
                + dir.resolve("model.myl") + ")", size.getMessage());
    }

    @Test
    void aMissingForeignOrTruncatedFileIsNamed() throws Exception {
        Path file = dir.resolve("results/half.ckpt");
        ModelError missing = assertThrows(ModelError.class, () -> run(MODEL, Map.of("resume", "1"), 7L));
        assertEquals("restore from " + file + ": there is no such checkpoint; a 'store to' statement writes one (relative paths are inside the results directory)",
                missing.getMessage());

        Files.createDirectories(file.getParent());
        Files.writeString(file, "w,x\n1,2\n");
        ModelError foreign = assertThrows(ModelError.class, () -> run(MODEL, Map.of("resume", "1"), 7L));
        assertEquals("restore from " + file + ": this is not a Myelin checkpoint (a 'store to' statement writes one)", foreign.getMessage());

        run(MODEL, Map.of(), 7L);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        ModelError truncated = assertThrows(ModelError.class, () -> run(MODEL, Map.of("resume", "1"), 7L));
        assertEquals("restore from " + file + ": the checkpoint is truncated (was its writing interrupted?)", truncated.getMessage());
        try (var files = Files.list(dir.resolve("results"))) {
            assertEquals(1, files.count(), "no temporary files left beside the checkpoint");
        }
    }
}
