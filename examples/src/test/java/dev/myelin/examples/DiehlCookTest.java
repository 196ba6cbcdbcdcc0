package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.data.DataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short training run of examples/diehl_cook_2015 (30 digits, 100 excitatory neurons): the input
 * weights change as the STDP rule and the normalisation say they must.
 */
class DiehlCookTest {

    private static final int INPUTS = 784;
    private static final int NEURONS = 100;
    private static final int SAMPLES = 30;

    @TempDir
    Path results;

    @Test
    void shortTrainingChangesWeightsAsStdpAndNormalisationPredict() throws Exception {
        Simulation sim = new ModelCompiler().compile(Path.of("diehl_cook_2015/diehl_cook_2015.myl"))
                .instantiate(Map.of("n_train", String.valueOf(SAMPLES), "n_observe", "0", "n_test", "0", "n_e", String.valueOf(NEURONS)), 1L);
        sim.setOutput(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        sim.setResultsDirectory(results);
        sim.runProtocol();
        assertTrue(java.nio.file.Files.size(results.resolve("training.ckpt")) > INPUTS * NEURONS * 8, "the training checkpoint is written");
        double[] initial = saved(sim, "initial_weights");
        double[] last = saved(sim, "weights");
        double[] theta = saved(sim, "theta_mV");

        // Pixels that are 0 in every training digit: their inputs never spike.
        DataSet digits = DataSet.fromIdx(Path.of("data/mnist-10k-images-idx3-ubyte.gz"), Path.of("data/mnist-10k-labels-idx1-ubyte.gz"));
        boolean[] active = new boolean[INPUTS];
        double[] pixels = new double[INPUTS];
        for (int s = 0; s < SAMPLES; s++) {
            digits.features(s, pixels);
            for (int p = 0; p < INPUTS; p++) active[p] |= pixels[p] > 0;
        }

        int potentiated = 0;
        for (int j = 0; j < NEURONS; j++) {
            double sum = 0;
            for (int p = 0; p < INPUTS; p++) sum += initial[p * NEURONS + j];
            double scale = 78 / sum; // the first normalisation
            boolean fired = theta[j] > 20 + 1e-9;
            double offRatio = Double.NaN;
            double onChange = 0;
            int on = 0;
            for (int p = 0; p < INPUTS; p++) {
                double start = initial[p * NEURONS + j] * scale;
                double ratio = last[p * NEURONS + j] / start;
                if (!fired) {
                    // No postsynaptic spike: no STDP at all, and a normalisation that keeps the sum at 78 changes nothing more.
                    assertEquals(1.0, ratio, 1e-12, "neuron " + j + " never fired, input " + p);
                } else if (!active[p]) {
                    // No presynaptic spike: only the normalisation, one factor for the whole column.
                    if (Double.isNaN(offRatio)) offRatio = ratio;
                    assertEquals(offRatio, ratio, 1e-12, "neuron " + j + ", silent input " + p);
                } else {
                    onChange += ratio;
                    on++;
                }
            }
            // Potentiation raised the column's sum, so normalisation scaled the silent inputs down:
            // then the active inputs must have grown on average.
            if (fired && offRatio < 0.99) {
                potentiated++;
                assertTrue(onChange / on > 1, "neuron " + j + ": silent inputs scaled by " + offRatio + " but active ones by " + onChange / on);
            }
        }
        assertTrue(potentiated >= 10, "only " + potentiated + " neurons were potentiated");
    }

    private static double[] saved(Simulation sim, String name) {
        return (double[]) ((Simulation.Saved) sim.saved().get(name)).values();
    }
}
