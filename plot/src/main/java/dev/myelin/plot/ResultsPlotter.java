package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Draws every figure a results directory allows (see docs/plots.md): per spike or event monitor a
 * raster and a population rate, per state monitor variable its traces, per rate monitor its rate,
 * per saved value a histogram (one dimension) or a heat map (two; and curves when its first
 * column is strictly increasing), and the readout's confusion
 * matrix. Monitors are read one at a time, so memory holds one monitor's data, not the whole run.
 */
public final class ResultsPlotter {

    static {
        // Myelin never opens a window: without this, AWT on a machine with a DISPLAY set would
        // try to reach an X server just to render into an image.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private final ResultsDirectory results;
    private final Path out;
    private final Set<PlotFormat> formats;
    private final RecordedUnits units;
    private final List<Path> written = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ResultsPlotter(ResultsDirectory results, Path out, Set<PlotFormat> formats, RecordedUnits units) {
        this.results = results;
        this.out = out;
        this.formats = formats;
        this.units = units;
    }

    /** The default place for the figures: {@code plots/} inside the results directory. */
    public static Path defaultOut(Path resultsDir) {
        return resultsDir.resolve("plots");
    }

    /** Draws the figures into {@code out} (created if need be) in each of {@code formats}. */
    public static PlotReport plot(ResultsDirectory results, Path out, Set<PlotFormat> formats, RecordedUnits units) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new PlotInputError("cannot create " + out + " (" + e.getMessage() + "); give a writable directory with --out");
        }
        return new ResultsPlotter(results, out, formats, units).drawAll();
    }

    private PlotReport drawAll() {
        results.error().ifPresent(error -> notes.add("the run ended early (" + error + "); the figures show what was recorded until then"));
        for (ResultsDirectory.MonitorEntry monitor : results.monitors()) {
            Optional<Recording> recording = RecordingReader.read(results, monitor, notes);
            if (recording.isEmpty()) continue;
            Recording r = recording.get();
            if (r instanceof SpikeEvents spikes) drawSpikes(spikes);
            else if (r instanceof StateTraces traces) drawTraces(traces);
            else if (r instanceof PopulationRate rate) drawRate(rate);
        }
        for (Map.Entry<String, String> saved : results.saved().entrySet()) drawSaved(saved.getKey(), saved.getValue());
        results.confusionFile().ifPresent(this::drawConfusion);
        List<Path> images = new ArrayList<>();
        for (String file : results.images().values()) {
            Path image = results.path().resolve(file);
            if (Files.isRegularFile(image)) images.add(image);
            else notes.add("image " + file + " is listed in manifest.json but missing");
        }
        return new PlotReport(written, images, notes);
    }

    private void drawSpikes(SpikeEvents spikes) {
        if (spikes.seconds().length == 0) {
            notes.add("monitor " + spikes.monitor() + ": no spikes recorded; no raster or rate drawn");
            return;
        }
        write(RasterPlot.draw(spikes, results.simulatedTime()));
        write(SpikeRatePlot.draw(spikes, results.simulatedTime(), results.dt()));
    }

    private void drawTraces(StateTraces traces) {
        for (StateTraces.Variable variable : traces.variables()) {
            if (traces.seconds().length == 0 || variable.rows() == 0) {
                notes.add("monitor " + traces.monitor() + ": no samples of " + variable.name() + "; not drawn");
                continue;
            }
            if (units.of(traces.monitor(), variable.name()).isEmpty()) {
                notes.add("monitor " + traces.monitor() + ": the unit of " + variable.name()
                        + " is not known (it comes from the model file), so it is drawn in SI units");
            }
            write(TracePlot.draw(traces, variable, units));
        }
    }

    private void drawRate(PopulationRate rate) {
        if (rate.seconds().length == 0) {
            notes.add("monitor " + rate.monitor() + ": no rate recorded; not drawn");
            return;
        }
        write(PopulationRatePlot.draw(rate, results.dt()));
    }

    private void drawSaved(String name, String file) {
        NpyArray values = results.read(file);
        int dimensions = values.shape().length;
        if (dimensions == 1 && values.size() > 1) {
            write(ValueHistogram.draw(name, values));
        } else if (dimensions == 2 && values.size() > 0) {
            write(SavedMatrixPlot.draw(name, values));
            if (SavedCurvesPlot.applies(values)) write(SavedCurvesPlot.draw(name, values));
        } else {
            notes.add("saved " + name + ": " + values.size() + (values.size() == 1 ? " value" : " values") + "; nothing to draw");
        }
    }

    private void drawConfusion(String file) {
        NpyArray matrix = results.read(file);
        int[] shape = matrix.shape();
        if (shape.length == 2 && shape[0] == shape[1] && shape[0] > 0) {
            write(ConfusionPlot.draw(matrix, results.accuracy()));
        } else {
            notes.add(file + " is not a square matrix; not drawn");
        }
    }

    private void write(Figure figure) {
        try {
            written.addAll(FigureWriter.write(figure, out, formats));
        } catch (IOException e) {
            throw new PlotInputError("cannot write " + figure.name() + " into " + out + " (" + e.getMessage()
                    + "); give a writable directory with --out");
        }
    }
}
