package dev.myelin.runtime;

import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.protocol.SampleLoop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a results directory: one set of NPY files per monitor and {@code manifest.json}. The
 * directory layout is a contract scripts rely on (see docs/results.md).
 */
public final class Results {

    private Results() {
    }

    /**
     * Writes everything recorded so far, also after a failed run, so that recorded results are
     * never lost. {@code error} is null for a run that completed.
     */
    public static Path write(Path dir, Simulation sim, Map<String, Object> model, Map<String, Double> stageSeconds, String error) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> monitors = new LinkedHashMap<>();
        for (Recorder r : sim.recorders()) monitors.put(r.name(), r.write(dir, sim.dt()));
        Map<String, Object> saved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : sim.saved().entrySet()) {
            String file = e.getKey() + ".npy";
            Simulation.Saved s = (Simulation.Saved) e.getValue();
            dev.myelin.runtime.io.NpyWriter.writeSaved(dir.resolve(file), s.values(), s.columns());
            saved.put(e.getKey(), file);
        }
        Map<String, Object> timings = new LinkedHashMap<>(stageSeconds);
        timings.put("simulate", sim.simulateSeconds());
        Map<String, Object> manifest = new LinkedHashMap<>(model);
        manifest.put("status", error == null ? "completed" : "failed");
        if (error != null) manifest.put("error", error);
        manifest.put("parameters", sim.params() == null ? Map.of() : sim.params().ordered());
        manifest.put("seed", sim.seed());
        manifest.put("threads", sim.threads());
        if (sim.network() != null) manifest.put("precision", sim.network().precision());
        manifest.put("dt", sim.dt());
        manifest.put("steps", sim.stepsRun());
        manifest.put("simulated_time", sim.step() * sim.dt());
        manifest.put("timings", timings);
        manifest.put("monitors", monitors);
        manifest.put("saved", saved);
        Map<String, Object> images = new LinkedHashMap<>();
        for (Map.Entry<String, dev.myelin.runtime.io.TileImage> e : sim.images().entrySet()) {
            String file = e.getKey() + ".png";
            e.getValue().writePng(dir.resolve(file));
            images.put(e.getKey(), file);
        }
        if (!images.isEmpty()) manifest.put("images", images);
        if (!sim.checkpoints().isEmpty() || !sim.restoredCheckpoints().isEmpty()) {
            Map<String, Object> checkpoints = new LinkedHashMap<>();
            checkpoints.put("stored", sim.checkpoints().stream().map(p -> shown(dir, p)).toList());
            checkpoints.put("restored", sim.restoredCheckpoints().stream().map(p -> shown(dir, p)).toList());
            manifest.put("checkpoints", checkpoints);
        }
        List<Map<String, Object>> loops = new ArrayList<>();
        for (SampleLoop.Timing t : sim.sampleLoops()) {
            Map<String, Object> loop = new LinkedHashMap<>();
            loop.put("loop", t.label());
            loop.put("role", t.role().name().toLowerCase(java.util.Locale.ROOT));
            loop.put("samples", t.samples());
            loop.put("seconds", t.seconds());
            loop.put("seconds_per_sample", t.secondsPerSample());
            loops.add(loop);
        }
        if (!loops.isEmpty()) manifest.put("sample_loops", loops);
        if (sim.reported() != null) {
            sim.reported().write(dir, Map.of("seconds_per_sample", secondsPerSample(sim.sampleLoops())));
            manifest.put("readout", Map.of("name", sim.reported().name(), "files", java.util.List.of("metrics.json", "confusion.npy", "assignments.npy")));
        }
        Files.writeString(dir.resolve("manifest.json"), Json.write(manifest) + "\n");
        return dir;
    }

    /** Wall seconds per sample of all sample loops of each role (train, observe, test) that ran. */
    private static Map<String, Object> secondsPerSample(List<SampleLoop.Timing> timings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SampleLoop.Role role : SampleLoop.Role.values()) {
            int samples = 0;
            double seconds = 0;
            for (SampleLoop.Timing t : timings) {
                if (t.role() != role) continue;
                samples += t.samples();
                seconds += t.seconds();
            }
            if (samples > 0) out.put(role.name().toLowerCase(java.util.Locale.ROOT), seconds / samples);
        }
        return out;
    }


    /** A checkpoint's path as the manifest shows it: relative inside the results directory, else absolute. */
    private static String shown(Path dir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = dir.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
