package dev.myelin.examples;

import dev.myelin.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone-jar promise on the flagship example: build Diehl & Cook with its digits bundled,
 * run the jar in another folder, get the metrics and files of myelin run, and plot them.
 */
@Tag("slow")
class DiehlCookJarTest {

    @TempDir
    Path dir;

    private static final String[] PARAMS = {"--set", "n_e=20", "--set", "n_train=6", "--set", "n_observe=6", "--set", "n_test=6", "--seed", "3"};

    private static int myelin(String... args) {
        StringWriter sink = new StringWriter();
        return Main.run(new PrintWriter(sink), new PrintWriter(sink), args);
    }

    @Test
    void theBuiltJarRunsElsewhereWithTheMetricsOfMyelinRunAndItsResultsPlot() throws Exception {
        Path jar = dir.resolve("dc.jar");
        assertEquals(0, myelin("build", "diehl_cook_2015/diehl_cook_2015.myl", "-o", jar.toString(), "--bundle-data"));
        Path viaRun = dir.resolve("via-run");
        List<String> runArgs = new ArrayList<>(List.of("run", "diehl_cook_2015/diehl_cook_2015.myl", "--out", viaRun.toString()));
        runArgs.addAll(List.of(PARAMS));
        assertEquals(0, myelin(runArgs.toArray(String[]::new)));

        Path elsewhere = Files.createDirectories(dir.resolve("colleague"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), "--out", "results"));
        command.addAll(List.of(PARAMS));
        Process p = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jar.log").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("jar.log")));
        Path viaJar = elsewhere.resolve("results");

        for (String f : List.of("confusion.npy", "assignments.npy", "weights.npy", "theta_mV.npy", "exc_spikes_i.npy", "exc_spikes_t.npy")) {
            assertArrayEquals(Files.readAllBytes(viaRun.resolve(f)), Files.readAllBytes(viaJar.resolve(f)), f);
        }
        // metrics.json is the same but for the measured seconds per sample.
        assertEquals(withoutTimings(Files.readString(viaRun.resolve("metrics.json"))), withoutTimings(Files.readString(viaJar.resolve("metrics.json"))));
        assertTrue(Files.readString(viaJar.resolve("metrics.json")).contains("\"samples\": 6"));

        assertEquals(0, myelin("plot", viaJar.toString()));
        assertTrue(Files.exists(viaJar.resolve("plots/confusion.png")), "myelin plot draws the jar's results");
    }

    private static String withoutTimings(String json) {
        int at = json.indexOf("\"seconds_per_sample\"");
        return at < 0 ? json : json.substring(0, at);
    }
}
