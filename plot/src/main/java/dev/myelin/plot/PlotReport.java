package dev.myelin.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ResultsPlotter} did: the figure files it wrote, the images the run had written
 * itself (left as they are), and notes on what it did not draw and why.
 */
public record PlotReport(List<Path> written, List<Path> images, List<String> notes) {

    public PlotReport {
        written = List.copyOf(written);
        images = List.copyOf(images);
        notes = List.copyOf(notes);
    }
}
