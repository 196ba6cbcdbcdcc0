package dev.myelin.plot;

import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.io.NpyWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small results directory written the way {@code myelin run} writes one (docs/results.md), with
 * one of everything the plotter draws: a spike monitor, an event monitor, a state monitor with
 * more traces than a figure shows and a variable named {@code rate}, a rate monitor, saved values
 * of one, two and zero dimensions, a readout and an image.
 */
final class ResultsFixture {

    static final double DT = 1e-4;
    static final int STEPS = 2000;

    private ResultsFixture() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> monitors = new LinkedHashMap<>();

        // Five neurons, neuron k firing every (5 + k) ms.
        int[] spikeI = new int[200];
        double[] spikeT = new double[200];
        int n = 0;
        for (int step = 0; step < STEPS && n < spikeI.length; step++) {
            for (int k = 0; k < 5 && n < spikeI.length; k++) {
                if (step % (50 + 10 * k) == 0 && step > 0) {
                    spikeI[n] = k;
                    spikeT[n++] = step * DT;
                }
            }
        }
        NpyWriter.write(dir.resolve("spikes_i.npy"), java.util.Arrays.copyOf(spikeI, n));
        NpyWriter.write(dir.resolve("spikes_t.npy"), java.util.Arrays.copyOf(spikeT, n));
        monitors.put("spikes", List.of("spikes_i.npy", "spikes_t.npy"));

        NpyWriter.write(dir.resolve("crossings_i.npy"), new int[] {0, 1});
        NpyWriter.write(dir.resolve("crossings_t.npy"), new double[] {0.01, 0.02});
        monitors.put("crossings", List.of("crossings_i.npy", "crossings_t.npy"));

        // A state monitor of 12 neurons: v in volts, and a variable that happens to be called rate.
        int rows = 12;
        int times = 400;
        double[] t = new double[times];
        double[] v = new double[rows * times];
        double[] rate = new double[rows * times];
        for (int s = 0; s < times; s++) {
            t[s] = s * 5 * DT;
            for (int r = 0; r < rows; r++) {
                v[r * times + s] = -0.070 + 0.02 * ((s + 7 * r) % 100) / 100.0;
                rate[r * times + s] = r + Math.sin(s / 20.0);
            }
        }
        NpyWriter.write(dir.resolve("trace_t.npy"), t);
        NpyWriter.writeMatrix(dir.resolve("trace_v.npy"), v, rows, times);
        NpyWriter.writeMatrix(dir.resolve("trace_rate.npy"), rate, rows, times);
        monitors.put("trace", List.of("trace_t.npy", "trace_v.npy", "trace_rate.npy"));

        double[] stepTimes = new double[STEPS];
        double[] hertz = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            stepTimes[s] = s * DT;
            hertz[s] = s % 7 == 0 ? 2000 : 0;
        }
        NpyWriter.write(dir.resolve("pop_t.npy"), stepTimes);
        NpyWriter.write(dir.resolve("pop_rate.npy"), hertz);
        monitors.put("pop", List.of("pop_t.npy", "pop_rate.npy"));

        double[] weights = new double[500];
        for (int k = 0; k < weights.length; k++) weights[k] = (k * 37 % 100) / 100.0;
        NpyWriter.writeSaved(dir.resolve("final_w.npy"), weights, 1);
        double[] table = new double[30 * 3];
        for (int k = 0; k < table.length; k++) table[k] = k % 3 == 2 ? k / 10.0 : k / 3;
        NpyWriter.writeSaved(dir.resolve("table.npy"), table, 3);
        NpyWriter.writeSaved(dir.resolve("tau_ms.npy"), new double[] {10.0}, 1);

        int classes = 3;
        int[] confusion = {8, 1, 1, 0, 9, 1, 2, 2, 6};
        NpyWriter.writeMatrix(dir.resolve("confusion.npy"), confusion, classes, classes);
        NpyWriter.write(dir.resolve("assignments.npy"), new int[] {0, 1, 2, -1});
        Files.writeString(dir.resolve("metrics.json"), Json.write(Map.of("accuracy", 23.0 / 30, "samples", 30)) + "\n");

        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(image, "png", dir.resolve("receptive_fields.png").toFile());

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("model", "no/such/model.myl");
        manifest.put("status", "completed");
        manifest.put("dt", DT);
        manifest.put("steps", (long) STEPS);
        manifest.put("simulated_time", STEPS * DT);
        manifest.put("monitors", monitors);
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("final_w", "final_w.npy");
        saved.put("table", "table.npy");
        saved.put("tau_ms", "tau_ms.npy");
        manifest.put("saved", saved);
        manifest.put("images", Map.of("receptive_fields", "receptive_fields.png"));
        manifest.put("readout", Map.of("name", "digits", "files", List.of("metrics.json", "confusion.npy", "assignments.npy")));
        Files.writeString(dir.resolve(ResultsDirectory.MANIFEST), Json.write(manifest) + "\n");
        return dir;
    }
}
