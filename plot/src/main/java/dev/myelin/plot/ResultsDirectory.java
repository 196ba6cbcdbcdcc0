package dev.myelin.plot;

import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A results directory written by {@code myelin run}, read through its {@code manifest.json} (see
 * docs/results.md): which monitors there are and their files, the saved values, the readout and
 * the images. Every failure is a {@link PlotInputError} whose message says what to do.
 */
public final class ResultsDirectory {

    static final String MANIFEST = "manifest.json";
    private static final String RERUN = "run the model again to rewrite its results";

    private final Path dir;
    private final Map<?, ?> manifest;

    private ResultsDirectory(Path dir, Map<?, ?> manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    public static ResultsDirectory open(Path dir) {
        if (!Files.exists(dir)) {
            throw new PlotInputError("no results directory " + dir + "; give the directory that 'myelin run' wrote"
                    + " (default results/<model name>)");
        }
        if (!Files.isDirectory(dir)) {
            throw new PlotInputError(dir + " is a file, not a results directory; give the directory that 'myelin run' wrote");
        }
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new PlotInputError(dir + " has no " + MANIFEST + ", so it is not a results directory;"
                    + " give the directory that 'myelin run' wrote (default results/<model name>)");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PlotInputError("cannot read " + file + ": " + e.getMessage() + "; check its permissions");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PlotInputError(file + " is not valid JSON (" + e.getMessage() + "); " + RERUN);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new PlotInputError(file + " is not a JSON object; " + RERUN);
        }
        return new ResultsDirectory(dir, map);
    }

    public Path path() {
        return dir;
    }

    /** One monitor as the manifest lists it: its name and its files, in the order written. */
    public record MonitorEntry(String name, List<String> files) {
        public MonitorEntry {
            files = List.copyOf(files);
        }
    }

    public List<MonitorEntry> monitors() {
        List<MonitorEntry> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : section("monitors").entrySet()) {
            List<String> files = new ArrayList<>();
            if (e.getValue() instanceof List<?> list) {
                for (Object f : list) {
                    if (f instanceof String s) files.add(s);
                }
            }
            out.add(new MonitorEntry(e.getKey(), files));
        }
        return out;
    }

    /** The protocol's saved values: name to file. */
    public Map<String, String> saved() {
        return fileNames("saved");
    }

    /** Images the run wrote itself (receptive fields...): name to file. */
    public Map<String, String> images() {
        return fileNames("images");
    }

    /** The readout's confusion matrix file, when the model reported a readout. */
    public Optional<String> confusionFile() {
        Map<String, Object> readout = section("readout");
        if (readout.get("files") instanceof List<?> files && files.contains("confusion.npy")) {
            return Optional.of("confusion.npy");
        }
        return Optional.empty();
    }

    /** The readout's accuracy from metrics.json, when there is one that can be read. */
    public OptionalDouble accuracy() {
        Path file = dir.resolve("metrics.json");
        if (!Files.isRegularFile(file)) return OptionalDouble.empty();
        try {
            if (Json.parse(Files.readString(file)) instanceof Map<?, ?> metrics && metrics.get("accuracy") instanceof Number a) {
                return OptionalDouble.of(a.doubleValue());
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // The accuracy only decorates a title; the confusion matrix is drawn without it.
        }
        return OptionalDouble.empty();
    }

    /** Simulated time in seconds, or 0 when the manifest does not say. */
    public double simulatedTime() {
        return manifest.get("simulated_time") instanceof Number n ? n.doubleValue() : 0;
    }

    /** The time step in seconds, or 0 when the manifest does not say. */
    public double dt() {
        return manifest.get("dt") instanceof Number n ? n.doubleValue() : 0;
    }

    /** The run's error message when it failed or was interrupted. */
    public Optional<String> error() {
        return manifest.get("error") instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The model file the run was made from, as the manifest records it. */
    public Optional<String> model() {
        return manifest.get("model") instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Reads one of the directory's NPY files. */
    public NpyArray read(String file) {
        Path path = dir.resolve(file);
        try {
            return NpyReader.read(path);
        } catch (NoSuchFileException e) {
            throw new PlotInputError(path + " is listed in " + MANIFEST + " but missing; " + RERUN);
        } catch (IOException e) {
            // NpyReader's messages start with the path already.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new PlotInputError((reason.startsWith(path.toString()) ? "" : path + ": ") + reason + "; " + RERUN);
        }
    }

    private Map<String, Object> section(String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (manifest.get(key) instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private Map<String, String> fileNames(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : section(key).entrySet()) {
            if (e.getValue() instanceof String file) out.put(e.getKey(), file);
        }
        return out;
    }
}
