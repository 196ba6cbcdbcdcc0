package dev.myelin.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code myelin plot} and {@code myelin run --plot}: files written, messages and exit codes. */
class PlotCommandTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            dt = 0.1 ms
            seed 3
            neurons G[3] {
                equations '''
                    dv/dt = (-70*mV - v + 100*Mohm*I)/(10*ms) : volt (unless refractory)
                    I : amp
                '''
                threshold 'v > -50*mV'
                reset 'v = -65*mV'
                refractory 2 ms
            }
            spikemonitor spikes of G
            statemonitor trace of G.v record [0, 2] dt 0.2 ms
            ratemonitor rate of G
            G.v = -70*mV
            G.I = 0.3*nA * (i + 1) / 3
            run 30 ms
            """;

    record Result(int code, String out, String err) {
    }

    private Result myelin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path model(String text) throws IOException {
        return Files.writeString(dir.resolve("model.myl"), text);
    }

    private static List<String> names(Path plots) throws IOException {
        try (Stream<Path> files = Files.list(plots)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void plotOfAMissingDirectoryIsAUserError() {
        Path missing = dir.resolve("results/none");
        Result r = myelin("plot", missing.toString());
        assertEquals(2, r.code());
        assertEquals("error: no results directory " + missing + "; give the directory that 'myelin run' wrote"
                + " (default results/<model name>)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void plotOfADirectoryWithoutManifestIsAUserError() {
        Result r = myelin("plot", dir.toString());
        assertEquals(2, r.code());
        assertEquals("error: " + dir + " has no manifest.json, so it is not a results directory;"
                + " give the directory that 'myelin run' wrote (default results/<model name>)\n", r.err());
    }

    @Test
    void anUnknownFormatIsAUserError() {
        Result r = myelin("plot", dir.toString(), "--format", "png,jpg");
        assertEquals(2, r.code());
        assertEquals("error: unknown plot format 'jpg'; use png, svg or png,svg\n", r.err());
    }

    @Test
    void runWithPlotDrawsIntoTheResultsDirectory() throws IOException {
        Path out = dir.resolve("out");
        Result r = myelin("run", model(MODEL).toString(), "--out", out.toString(), "--plot");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("rate_rate.png", "rate_rate.svg", "spikes_raster.png", "spikes_raster.svg",
                "spikes_rate.png", "spikes_rate.svg", "trace_v.png", "trace_v.svg"), names(out.resolve("plots")));
        assertTrue(r.out().contains("  plots: " + out.resolve("plots") + "\n    spikes_raster.png\n"), r.out());
        assertTrue(Files.readString(out.resolve("plots/trace_v.svg")).contains("<desc>x: time (ms); y: v (mV)</desc>"),
                "the unit comes from the compiled model");
    }

    @Test
    void plotListsTheFilesItWroteAndReadsUnitsFromTheModelFile() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, myelin("run", model(MODEL).toString(), "--out", out.toString()).code());
        Path figures = dir.resolve("figures");
        Result r = myelin("plot", out.toString(), "--out", figures.toString(), "--format", "svg");
        assertEquals(0, r.code(), r.err());
        assertEquals(Stream.of("spikes_raster", "spikes_rate", "trace_v", "rate_rate")
                .map(f -> figures.resolve(f + ".svg") + "\n").reduce("", String::concat), r.out());
        assertEquals("", r.err());
        assertTrue(Files.readString(figures.resolve("trace_v.svg")).contains("<desc>x: time (ms); y: v (mV)</desc>"));
        assertFalse(Files.exists(out.resolve("plots")), "--out puts the figures elsewhere");
    }

    @Test
    void aFailedRunIsPlottedFromWhatItRecorded() throws IOException {
        Path out = dir.resolve("partial");
        Result r = myelin("run", model("""
                param n = 3
                neurons G[n] { equations 'dv/dt = 1/ms : 1' }
                statemonitor v of G.v record [0]
                run 1 ms
                G.v = [1, 2]
                run 1 ms
                """).toString(), "--out", out.toString(), "--plot");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("note: the run ended early (G.v: the list has 2 values but the group has 3 neurons)"), r.err());
        assertEquals(List.of("v_v.png", "v_v.svg"), names(out.resolve("plots")));
    }
}
