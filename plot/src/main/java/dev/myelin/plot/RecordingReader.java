package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads one monitor's files and decides what kind of monitor wrote them. The manifest lists files
 * but not the monitor's kind, so the kind comes from the file names and shapes: {@code NAME_i} and
 * {@code NAME_t} of one dimension are spikes (or events); {@code NAME_t} and a one-dimensional
 * {@code NAME_rate} are a population rate; {@code NAME_t} with two-dimensional files is a state
 * monitor (which may record variables called {@code i} or {@code rate}: the shape tells them apart).
 */
final class RecordingReader {

    private RecordingReader() {
    }

    /** The recording, or empty when the files fit no kind of monitor (the reason goes to {@code notes}). */
    static Optional<Recording> read(ResultsDirectory results, ResultsDirectory.MonitorEntry entry, List<String> notes) {
        String name = entry.name();
        String timeFile = name + "_t.npy";
        if (!entry.files().contains(timeFile)) {
            notes.add("monitor " + name + ": no " + timeFile + " among its files " + entry.files() + "; not plotted");
            return Optional.empty();
        }
        double[] seconds = results.read(timeFile).data();
        List<String> others = new ArrayList<>(entry.files());
        others.remove(timeFile);
        if (others.size() == 1) {
            String file = others.get(0);
            NpyArray values = results.read(file);
            if (values.shape().length == 1 && values.size() == seconds.length) {
                if (file.equals(name + "_i.npy")) return Optional.of(new SpikeEvents(name, values.asInts(), seconds));
                if (file.equals(name + "_rate.npy")) return Optional.of(new PopulationRate(name, seconds, values.data()));
            }
            return states(name, seconds, List.of(new Named(file, values)), notes);
        }
        List<Named> variables = new ArrayList<>();
        for (String file : others) variables.add(new Named(file, results.read(file)));
        return states(name, seconds, variables, notes);
    }

    private record Named(String file, NpyArray values) {
    }

    private static Optional<Recording> states(String name, double[] seconds, List<Named> files, List<String> notes) {
        List<StateTraces.Variable> variables = new ArrayList<>();
        String prefix = name + "_";
        for (Named f : files) {
            int[] shape = f.values().shape();
            if (shape.length != 2 || shape[1] != seconds.length || !f.file().startsWith(prefix) || !f.file().endsWith(".npy")) {
                notes.add("monitor " + name + ": " + f.file() + " has shape " + Arrays.toString(shape)
                        + ", not (n_recorded, " + seconds.length + ") as a state monitor's variable; not plotted");
                continue;
            }
            String variable = f.file().substring(prefix.length(), f.file().length() - ".npy".length());
            variables.add(new StateTraces.Variable(variable, f.values()));
        }
        return variables.isEmpty() ? Optional.empty() : Optional.of(new StateTraces(name, seconds, variables));
    }
}
