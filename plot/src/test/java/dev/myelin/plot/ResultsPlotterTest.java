package dev.myelin.plot;

import dev.myelin.runtime.units.Dimension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole plotter on a small results directory: which files it writes, and that they are real PNG and SVG. */
class ResultsPlotterTest {

    @TempDir
    static Path tmp;

    static Path results;
    static PlotReport report;

    private static final List<String> FIGURES = List.of(
            "spikes_raster", "spikes_rate", "crossings_raster", "crossings_rate", "trace_v", "trace_rate", "pop_rate",
            "final_w_histogram", "table_heatmap", "table_curves", "confusion");

    @BeforeAll
    static void plotOnce() throws IOException {
        results = ResultsFixture.write(tmp.resolve("run"));
        RecordedUnits units = new RecordedUnits(Map.of("trace", Map.of("v", Dimension.VOLT)));
        report = ResultsPlotter.plot(ResultsDirectory.open(results), ResultsPlotter.defaultOut(results),
                EnumSet.allOf(PlotFormat.class), units);
    }

    @Test
    void writesOnePngAndOneSvgPerFigureIntoPlots() {
        Set<String> expected = FIGURES.stream().flatMap(f -> java.util.stream.Stream.of(f + ".png", f + ".svg"))
                .collect(Collectors.toSet());
        Set<String> written = report.written().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertEquals(expected, written);
        for (Path file : report.written()) {
            assertEquals(results.resolve("plots"), file.getParent());
            assertTrue(Files.isRegularFile(file), file + " exists");
        }
    }

    @Test
    void pngsAreImagesOfAFiguresSize() throws IOException {
        for (Path file : report.written()) {
            if (!file.toString().endsWith(".png")) continue;
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is a PNG ImageIO can read");
            assertTrue(image.getWidth() >= 600 && image.getWidth() <= 2000, file + " width " + image.getWidth());
            assertTrue(image.getHeight() >= 400 && image.getHeight() <= 2000, file + " height " + image.getHeight());
        }
    }

    @Test
    void svgsAreXmlWhoseTitleNamesTheFigure() throws Exception {
        Map<String, String> titles = Map.of(
                "spikes_raster", "spikes: spike raster",
                "spikes_rate", "spikes: population rate (N = 5, 2 ms bins)",
                "trace_v", "trace: v (first 10 of 12 recorded)",
                "trace_rate", "trace: rate (first 10 of 12 recorded)",
                "pop_rate", "pop: population rate (smoothed over 2 ms)",
                "final_w_histogram", "final_w: distribution of 500 saved values",
                "table_heatmap", "table: saved values (30 × 3)",
                "table_curves", "table: columns 1–2 against column 0 (30 rows)",
                "confusion", "readout: confusion matrix (30 samples, accuracy 76.7%)");
        for (Map.Entry<String, String> e : titles.entrySet()) {
            Document svg = parseSvg(results.resolve("plots").resolve(e.getKey() + ".svg"));
            assertEquals("svg", svg.getDocumentElement().getTagName());
            String title = svg.getElementsByTagName("title").item(0).getTextContent();
            assertTrue(title.startsWith(e.getValue()), e.getKey() + ": title '" + title + "'");
        }
    }

    @Test
    void tracesAreInTheirUnitWhenKnownAndInSiOtherwise() throws Exception {
        String v = parseSvg(results.resolve("plots/trace_v.svg")).getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("x: time (ms); y: v (mV)", v);
        String rate = parseSvg(results.resolve("plots/trace_rate.svg")).getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("x: time (ms); y: rate (SI units)", rate);
        assertTrue(report.notes().contains("monitor trace: the unit of rate is not known (it comes from the model file),"
                + " so it is drawn in SI units"), report.notes().toString());
    }

    @Test
    void curvesHaveColumnZeroAcrossAndALegendPerColumn() throws Exception {
        Document svg = parseSvg(results.resolve("plots/table_curves.svg"));
        assertEquals("x: column 0 (as saved); y: columns 1–2 (as saved)", svg.getElementsByTagName("desc").item(0).getTextContent());
    }

    @Test
    void imagesOfTheRunAreListedNotRedrawn() {
        assertEquals(List.of(results.resolve("receptive_fields.png")), report.images());
    }

    @Test
    void aSingleSavedValueIsNotedNotDrawn() {
        assertTrue(report.notes().contains("saved tau_ms: 1 value; nothing to draw"), report.notes().toString());
    }

    @Test
    void formatsAndOutputDirectoryCanBeChosen() {
        Path out = tmp.resolve("elsewhere/figures");
        PlotReport pngOnly = ResultsPlotter.plot(ResultsDirectory.open(results), out, EnumSet.of(PlotFormat.PNG), RecordedUnits.none());
        assertEquals(FIGURES.size(), pngOnly.written().size());
        assertTrue(pngOnly.written().stream().allMatch(p -> p.getParent().equals(out) && p.toString().endsWith(".png")));
    }

    /** Parses without fetching the SVG 1.1 DTD the file names: tests do not go on the network. */
    static Document parseSvg(Path file) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
