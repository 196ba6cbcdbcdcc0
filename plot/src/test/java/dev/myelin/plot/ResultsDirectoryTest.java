package dev.myelin.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What is wrong with a directory is said in one line, with what to do. */
class ResultsDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingDirectory() {
        Path dir = tmp.resolve("nothing");
        PlotInputError e = assertThrows(PlotInputError.class, () -> ResultsDirectory.open(dir));
        assertEquals("no results directory " + dir + "; give the directory that 'myelin run' wrote (default results/<model name>)",
                e.getMessage());
    }

    @Test
    void aFileInsteadOfADirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("model.myl"), "dt = 0.1 ms\n");
        PlotInputError e = assertThrows(PlotInputError.class, () -> ResultsDirectory.open(file));
        assertEquals(file + " is a file, not a results directory; give the directory that 'myelin run' wrote", e.getMessage());
    }

    @Test
    void aDirectoryWithoutManifest() {
        PlotInputError e = assertThrows(PlotInputError.class, () -> ResultsDirectory.open(tmp));
        assertEquals(tmp + " has no manifest.json, so it is not a results directory;"
                + " give the directory that 'myelin run' wrote (default results/<model name>)", e.getMessage());
    }

    @Test
    void aManifestThatIsNotJson() throws IOException {
        Files.writeString(tmp.resolve("manifest.json"), "{\"monitors\": ");
        PlotInputError e = assertThrows(PlotInputError.class, () -> ResultsDirectory.open(tmp));
        assertEquals(tmp.resolve("manifest.json") + " is not valid JSON (malformed JSON at 1:14: expected a value but the text ends);"
                + " run the model again to rewrite its results", e.getMessage());
    }

    @Test
    void aListedFileThatIsMissing() throws IOException {
        Files.writeString(tmp.resolve("manifest.json"), "{\"monitors\": {\"m\": [\"m_i.npy\", \"m_t.npy\"]}}");
        PlotInputError e = assertThrows(PlotInputError.class,
                () -> ResultsPlotter.plot(ResultsDirectory.open(tmp), tmp.resolve("plots"), java.util.EnumSet.of(PlotFormat.PNG),
                        RecordedUnits.none()));
        assertEquals(tmp.resolve("m_t.npy") + " is listed in manifest.json but missing; run the model again to rewrite its results",
                e.getMessage());
    }

    @Test
    void aFileThatIsNotNpy() throws IOException {
        Files.writeString(tmp.resolve("manifest.json"), "{\"saved\": {\"w\": \"w.npy\"}}");
        Files.writeString(tmp.resolve("w.npy"), "not numpy");
        ResultsDirectory results = ResultsDirectory.open(tmp);
        PlotInputError e = assertThrows(PlotInputError.class, () -> results.read("w.npy"));
        assertEquals(tmp.resolve("w.npy") + ": not a NumPy .npy file (its first bytes are not \\x93NUMPY);"
                + " run the model again to rewrite its results", e.getMessage());
    }

    @Test
    void theManifestsListsAreRead() throws IOException {
        ResultsFixture.write(tmp);
        ResultsDirectory results = ResultsDirectory.open(tmp);
        assertEquals(List.of("spikes", "crossings", "trace", "pop"),
                results.monitors().stream().map(ResultsDirectory.MonitorEntry::name).toList());
        assertEquals(List.of("final_w", "table", "tau_ms"), List.copyOf(results.saved().keySet()));
        assertEquals(java.util.Optional.of("confusion.npy"), results.confusionFile());
        assertEquals(23.0 / 30, results.accuracy().orElseThrow(), 1e-12);
        assertEquals(0.2, results.simulatedTime(), 1e-12);
    }
}
