package dev.myelin.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** myelin build: what the jar holds, and that java -jar computes exactly what myelin run computes. */
class BuildCommandTest {

    @TempDir
    Path dir;

    /**
     * Poisson inputs whose rates come from a CSV data set, plastic synapses with delays onto LIF
     * neurons, a loop over the samples and a param: the parts of a protocol a jar
     * must carry.
     */
    private static final String MODEL = """
            dt = 0.1 ms
            seed 11
            param gain = 1.0
            dataset rows = csv('rates.csv')
            poisson inp[4] rates 0 Hz
            neurons out[3] {
                equations '''
                    dv/dt = -v/(10*ms) : 1
                '''
                threshold 'v > 1'
                reset 'v = 0'
                refractory 2 ms
            }
            synapses S(inp -> out) {
                equations '''
                    w : 1
                    dapre/dt = -apre/(20*ms) : 1 (event-driven)
                '''
                on_pre 'v_post += w; apre += 0.01; w = clip(w - 0.001, 0, 1)'
                on_post 'w = clip(w + apre, 0, 1)'
                delay 'rand()*3*ms'
                connect
            }
            spikemonitor in_spikes of inp
            spikemonitor out_spikes of out
            statemonitor trace of out.v record all
            S.w = 'rand()*0.6'
            for row in rows {
                inp.rates = 'row.values * gain * Hz'
                run 100 ms
            }
            save w = S.w
            """;

    private static final String RATES = "a,b,c,d,label\n200,100,50,300,0\n20,400,250,80,1\n300,300,10,10,0\n";

    private Path model() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.writeString(folder.resolve("rates.csv"), RATES);
        Path file = folder.resolve("net.myl");
        Files.writeString(file, MODEL);
        return file;
    }

    record Result(int code, String out, String err) {
    }

    private static Result myelin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** java -jar JAR ARGS in {@code workingDir}, with this JVM's java and nothing else on the class path. */
    private static Result javaJar(Path jar, Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workingDir, "out", ".txt");
        Path err = Files.createTempFile(workingDir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Result(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void theJarHoldsTheRuntimeAndTheModelAndNothingOfTheCompiler() throws IOException {
        Path jar = dir.resolve("net.jar");
        Result built = myelin("build", model().toString(), "-o", jar.toString());
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().startsWith(model() + ": wrote " + jar + " ("), built.out());
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("dev.myelin.runtime.standalone.StandaloneMain", file.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> names = file.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertTrue(names.contains("dev/myelin/runtime/Simulation.class"));
            assertTrue(names.contains("META-INF/myelin/model.properties"));
            assertEquals(MODEL, new String(file.getInputStream(file.getEntry("META-INF/myelin/model.myl")).readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(names.stream().anyMatch(n -> n.matches("dev/myelin/generated/Network_[0-9a-f]+\\.class")), names.toString());
            List<String> foreign = names.stream().filter(n -> !n.startsWith("META-INF/") && !n.startsWith("dev/myelin/runtime/")
                    && !n.startsWith("dev/myelin/generated/")).toList();
            assertEquals(List.of(), foreign, "only the runtime and the generated classes: no compiler, ANTLR, JavaPoet, Janino, picocli");
        }
    }

    @Test
    void buildingTwiceGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.jar");
        Path b = dir.resolve("b.jar");
        assertEquals(0, myelin("build", model().toString(), "-o", a.toString()).code());
        assertEquals(0, myelin("build", model().toString(), "-o", b.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    @Tag("slow")
    void javaDashJarGivesBitForBitTheResultsOfMyelinRun() throws Exception {
        Path model = model();
        Path jar = dir.resolve("net.jar");
        assertEquals(0, myelin("build", model.toString(), "-o", jar.toString()).code());
        Path viaRun = dir.resolve("via-run");
        Result run = myelin("run", model.toString(), "--out", viaRun.toString(), "--seed", "4", "--set", "gain=1.5");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("  in_spikes: 258 spikes\n  out_spikes: 307 spikes\n"), run.out());

        // Elsewhere, with the data still where it was when the jar was built.
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Result jarRun = javaJar(jar, elsewhere, "--seed", "4", "--set", "gain=1.5", "--out", "results");
        assertEquals(0, jarRun.code(), jarRun.err());
        assertTrue(jarRun.out().startsWith("net.myl: simulated 0.3000 s of model time in "), jarRun.out());
        Path viaJar = elsewhere.resolve("results");
        List<String> files;
        try (Stream<Path> list = Files.list(viaRun)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy")).sorted().toList();
        }
        assertEquals(List.of("in_spikes_i.npy", "in_spikes_t.npy", "out_spikes_i.npy", "out_spikes_t.npy", "trace_t.npy", "trace_v.npy", "w.npy"), files);
        for (String f : files) assertArrayEquals(Files.readAllBytes(viaRun.resolve(f)), Files.readAllBytes(viaJar.resolve(f)), f);
        String manifest = Files.readString(viaJar.resolve("manifest.json"));
        assertTrue(manifest.contains("\"gain\": 1.5"), manifest);
        assertTrue(manifest.contains("\"seed\": 4"), manifest);
        assertTrue(manifest.contains("\"standalone_jar\": true"), manifest);
    }

    @Test
    @Tag("slow")
    void bundledDataTravelsInsideTheJar() throws Exception {
        Path model = model();
        Path bundled = dir.resolve("bundled.jar");
        Path referencing = dir.resolve("referencing.jar");
        Result built = myelin("build", model.toString(), "-o", bundled.toString(), "--bundle-data");
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().contains("  bundled rates.csv\n"), built.out());
        assertEquals(0, myelin("build", model.toString(), "-o", referencing.toString()).code());
        Files.delete(model.getParent().resolve("rates.csv"));

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Result ok = javaJar(bundled, elsewhere, "--out", "r");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(elsewhere.resolve("r/w.npy")));

        Result missing = javaJar(referencing, elsewhere, "--out", "r2");
        assertEquals(2, missing.code());
        assertEquals("error: cannot read the data file " + model.getParent().resolve("rates.csv") + "\n", missing.err());

        Files.writeString(elsewhere.resolve("rates.csv"), RATES);
        Result data = javaJar(referencing, elsewhere, "--out", "r3", "--data", ".");
        assertEquals(0, data.code(), data.err());
    }

    @Test
    @Tag("slow")
    void theJarsOwnOptionsAreCheckedAndExplained() throws Exception {
        Path jar = dir.resolve("net.jar");
        assertEquals(0, myelin("build", model().toString(), "-o", jar.toString()).code());
        Result help = javaJar(jar, dir, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: java -jar MODEL.jar [--set NAME=VALUE]... [--out DIR] [--seed S] [--threads N] [--data DIR]\n"), help.out());
        Result bogus = javaJar(jar, dir, "--thread", "2");
        assertEquals(2, bogus.code());
        assertEquals("error: unknown option '--thread'; the options are --set NAME=VALUE, --out DIR, --seed S, --threads N, --data DIR (--help explains them)\n", bogus.err());
        Result noThreads = javaJar(jar, dir, "--threads", "0");
        assertEquals("error: --threads needs a whole number of at least 1, not '0'\n", noThreads.err());
        Result badSet = javaJar(jar, dir, "--set", "gain");
        assertEquals("error: --set needs NAME=VALUE, e.g. --set I0=0.7nA, not 'gain'\n", badSet.err());
        Result unknownParam = javaJar(jar, dir, "--set", "gian=2", "--out", "x");
        assertEquals(2, unknownParam.code());
        assertTrue(unknownParam.err().startsWith("error: "), unknownParam.err());
    }
}
