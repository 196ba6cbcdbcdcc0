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
import java.util.List;
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

    /** The first digits of the 10k set, in runtime's test resources: labels 7, 2, 1, 0, 4, ... */
    private static final Path DIGITS = Path.of("../runtime/src/test/resources/data").toAbsolutePath().normalize();

    @Test
    void loopsOverDataSetSamplesWithTheirPixelsAndLabels() throws Exception {
        Ran ran = run("""
                dataset digits = idx('%s/mnist-100-images-idx3-ubyte.gz', '%s/mnist-100-labels-idx1-ubyte.gz')
                neurons H[784] { equations 'x : 1' }
                for sample in digits[3:6] {
                    H.x = 'sample.pixels / 255'
                    print sample.index, sample.label
                }
                save x = H.x
                """.formatted(DIGITS, DIGITS));
        dev.myelin.runtime.data.DataSet digits = dev.myelin.runtime.data.DataSet.fromIdx(DIGITS.resolve("mnist-100-images-idx3-ubyte.gz"),
                DIGITS.resolve("mnist-100-labels-idx1-ubyte.gz"));
        assertEquals("3 " + digits.label(3) + "\n4 " + digits.label(4) + "\n5 " + digits.label(5) + "\n", ran.printed());
        double[] pixels = new double[784];
        digits.features(5, pixels);
        double[] x = (double[]) ((Simulation.Saved) ran.sim().saved().get("x")).values();
        // Within an ulp or two: a division by a constant is done as a multiplication by its reciprocal.
        for (int k = 0; k < 784; k++) assertEquals(pixels[k] / 255, x[k], 1e-15, "pixel " + k);
    }

    @Test
    void aSamplesFeaturesCannotBeAProtocolValue() throws Exception {
        Path file = dir.resolve("model.myl");
        Files.writeString(file, """
                dataset digits = idx('%s/mnist-100-images-idx3-ubyte.gz', '%s/mnist-100-labels-idx1-ubyte.gz')
                for sample in digits {
                    if sample.pixels > 3 {
                        run 1 ms
                    }
                }
                """.formatted(DIGITS, DIGITS));
        dev.myelin.compiler.diag.CompilationFailed failed = org.junit.jupiter.api.Assertions.assertThrows(dev.myelin.compiler.diag.CompilationFailed.class,
                () -> new ModelCompiler().compile(file));
        assertEquals(true, failed.getMessage().contains("""
                model.myl:3:8: error: a sample's features have one value per element, so they cannot be used here
                  3 |     if sample.pixels > 3 {
                    |        ^^^^^^^^^^^^^^^^^
                  help: use them in an assignment to a group, e.g. inp.rates = 'sample.pixels / 8 * Hz', or use sample.label"""), failed.getMessage());
    }

    @Test
    void normalizeScalesEachTargetsIncomingWeightsToTheTotal() throws Exception {
        Ran ran = run("""
                neurons A[3] { equations 'x : 1' }
                neurons B[2] { equations 'y : 1' }
                synapses S(A -> B) {
                    equations 'w : 1'
                    connect
                    init w = 'i + 3*j + 1'
                }
                normalize S.w per post to 6
                save post = S.w
                normalize S.w per pre to 1
                save pre = S.w
                """);
        // Synapses in Brian2's order (i, j): (0,0) (0,1) (1,0) (1,1) (2,0) (2,1); w = 1 4 2 5 3 6.
        // Per post: column j=0 sums 1+2+3 = 6 (unchanged), j=1 sums 4+5+6 = 15 (times 6/15).
        assertArrayEquals(new double[] {1, 4 * 0.4, 2, 5 * 0.4, 3, 6 * 0.4},
                (double[]) ((Simulation.Saved) ran.sim().saved().get("post")).values(), 1e-15);
        double[] pre = (double[]) ((Simulation.Saved) ran.sim().saved().get("pre")).values();
        for (int i = 0; i < 3; i++) assertEquals(1.0, pre[2 * i] + pre[2 * i + 1], 1e-15, "row " + i);
    }

    @Test
    void imageDrawsEachTargetsIncomingWeightsAsATileAsTheyAreWhenItRuns() throws Exception {
        Ran ran = run("""
                neurons A[4] { equations 'x : 1' }
                neurons B[2] { equations 'y : 1' }
                synapses S(A -> B) {
                    equations 'w : 1'
                    connect
                    init w = 'i + 4*j'
                }
                image fields = S.w per post shape (2, 2)
                S.w = 0
                """);
        // Target 0 gets w = 0..3 from A, target 1 gets 4..7: two 2 x 2 tiles side by side, before w was zeroed.
        var image = ran.sim().images().get("fields");
        assertEquals(4, image.width());
        assertEquals(2, image.height());
        int[] g = image.greys();
        assertEquals(List.of(0, 36, 146, 182, 73, 109, 219, 255), java.util.Arrays.stream(g).boxed().toList());
    }

    @Test
    void anImageNeedsWholeNumberSizes() {
        dev.myelin.compiler.diag.CompilationFailed failed = org.junit.jupiter.api.Assertions.assertThrows(dev.myelin.compiler.diag.CompilationFailed.class,
                () -> run("""
                        neurons A[4] { equations 'x : 1' }
                        synapses S(A -> A) {
                            equations 'w : 1'
                            connect
                        }
                        image fields = S.w per post shape (2 * mV, 2)
                        """));
        assertEquals(true, failed.getMessage().contains("""
                model.myl:6:36: error: a tile's size is a whole number of pixels
                  6 | image fields = S.w per post shape (2 * mV, 2)
                    |                                    ^^^^^^
                  help: write e.g. 'shape (28, 28)' for MNIST's 784 inputs"""), failed.getMessage());
    }

    @Test
    void readoutAssignsClassesAndClassifiesFromSpikeCountsOfTheLastRun() throws Exception {
        // Label-0 samples drive neuron 0, label-1 samples neuron 1; the last sample is silent.
        Files.writeString(dir.resolve("samples.csv"), "a,b,label\n2,0,0\n0,2,1\n3,0,0\n0,3,1\n2,0,0\n0,2,1\n0,0,1\n");
        Ran ran = run("""
                dataset samples = csv('samples.csv')
                neurons out[2] {
                    equations '''
                        dv/dt = I/ms : 1
                        I : 1
                    '''
                    threshold 'v > 1'
                    reset 'v = 0'
                }
                spikemonitor spikes of out
                readout classes_of of spikes classes 2
                for sample in samples[0:4] {
                    out.I = 'sample.values'
                    run 10 ms
                    observe classes_of label sample.label
                }
                for sample in samples[4:7] {
                    out.I = 'sample.values'
                    run 10 ms
                    predict classes_of label sample.label
                }
                report classes_of
                """);
        assertEquals("classes_of: accuracy 0.6667 (2 of 3 samples; classes assigned from 4 samples, 0 of 2 neurons unassigned)\n", ran.printed());
        dev.myelin.runtime.readout.Readout.Report report = ran.sim().reported();
        assertArrayEquals(new int[] {0, 1}, report.assignment().toArray());
        assertEquals(1, report.metrics().silentSamples());
        // Each loop over samples is timed for the results, with its role from what it does.
        var loops = ran.sim().sampleLoops();
        assertEquals(List.of("samples[0:4] OBSERVE 4", "samples[4:7] TEST 3"),
                loops.stream().map(t -> t.label() + " " + t.role() + " " + t.samples()).toList());
    }

    /** Diehl & Cook's re-presentation: stronger input until the output spikes at least 5 times in a presentation. */
    @Test
    void repeatsAPresentationUntilEnoughSpikesCountedByTheMonitor() throws Exception {
        Ran ran = run("""
                drive = 0 / ms
                neurons out[1] {
                    equations 'dv/dt = drive - v/(10*ms) : 1'
                    threshold 'v > 1'
                    reset 'v = 0'
                }
                spikemonitor spikes of out
                intensity = 1
                repeat {
                    drive = intensity * 0.02 / ms
                    before = spikes.total
                    run 350 ms
                    print intensity, spikes.total - before
                    intensity = intensity + 1
                } until spikes.total - before >= 5
                """);
        // The drive reaches threshold only above 0.1/ms: no spikes for intensities 1 to 5.
        String[] lines = ran.printed().split("\n");
        assertEquals("1 0", lines[0]);
        assertEquals("5 0", lines[4]);
        String last = lines[lines.length - 1];
        assertEquals(true, Integer.parseInt(last.split(" ")[1]) >= 5, last);
        assertEquals(true, Integer.parseInt(lines[lines.length - 2].split(" ")[1]) < 5, lines[lines.length - 2]);
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
