package dev.myelin.runtime.input;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import dev.myelin.runtime.units.Dimension;
import dev.myelin.runtime.units.Unit;
import dev.myelin.runtime.units.UnitTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads spike trains from files: a CSV with a header {@code i,t_<unit>} (the unit of the time
 * column, e.g. t_ms), or two NPY files (indices, and times in seconds).
 */
public final class SpikeTrainFiles {

    private SpikeTrainFiles() {
    }

    /** The factor to seconds of a CSV's time column, from its header; throws with a message naming the file. */
    public static double csvTimeScale(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            return timeScale(file, header);
        }
    }

    private static double timeScale(Path file, String header) {
        String[] cols = header == null ? new String[0] : header.trim().split("\\s*,\\s*");
        if (cols.length != 2 || !cols[0].equals("i") || !cols[1].startsWith("t")) {
            throw new IllegalArgumentException(file + ": the first line must name the columns 'i,t_ms' (index, time with its unit), but it is '"
                    + (header == null ? "" : header.trim()) + "'");
        }
        if (cols[1].equals("t")) return 1;
        String unitName = cols[1].startsWith("t_") ? cols[1].substring(2) : "";
        Unit unit = UnitTable.brian2().lookup(unitName).orElse(null);
        if (unit == null || !unit.dimension().equals(Dimension.SECOND)) {
            throw new IllegalArgumentException(file + ": the time column '" + cols[1] + "' must name a time unit, e.g. t_ms or t_s");
        }
        return unit.scale();
    }

    /** Indices and times (seconds) from a CSV file. */
    public static SpikeTrain.Spikes csv(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            double scale = timeScale(file, in.readLine());
            int[] indices = new int[1024];
            double[] times = new double[1024];
            int n = 0;
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] parts = line.trim().split("\\s*,\\s*");
                if (parts.length != 2) throw new ModelError(file + ":" + lineNo + ": expected 'index,time', found '" + line.trim() + "'");
                if (n == indices.length) {
                    indices = Arrays.copyOf(indices, n * 2);
                    times = Arrays.copyOf(times, n * 2);
                }
                try {
                    indices[n] = Integer.parseInt(parts[0]);
                    times[n] = Double.parseDouble(parts[1]) * scale;
                } catch (NumberFormatException e) {
                    throw new ModelError(file + ":" + lineNo + ": expected a whole index and a time, found '" + line.trim() + "'");
                }
                n++;
            }
            return new SpikeTrain.Spikes(Arrays.copyOf(indices, n), Arrays.copyOf(times, n));
        } catch (IOException e) {
            throw new ModelError("cannot read spikes from " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ModelError(e.getMessage());
        }
    }

    /** Indices and times (seconds) from two NPY files. */
    public static SpikeTrain.Spikes npy(Path indicesFile, Path timesFile) {
        try {
            NpyArray i = NpyReader.read(indicesFile);
            NpyArray t = NpyReader.read(timesFile);
            if (i.size() != t.size()) {
                throw new ModelError(indicesFile + " has " + i.size() + " indices but " + timesFile + " has " + t.size() + " times");
            }
            return new SpikeTrain.Spikes(i.asInts(), t.data().clone());
        } catch (IOException e) {
            throw new ModelError("cannot read spikes: " + e.getMessage());
        }
    }
}
