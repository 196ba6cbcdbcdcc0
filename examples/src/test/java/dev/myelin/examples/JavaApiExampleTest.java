package dev.myelin.examples;

import dev.myelin.api.Myelin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/java-api/FiringRateCurve.java compiles against the API and gives the LIF neuron's f-I curve. */
class JavaApiExampleTest {

    @TempDir
    Path classes;

    @Test
    void theFiringRateCurveMatchesTheClosedForm() throws Exception {
        Path example = Path.of("java-api");
        String classpath = String.join(java.io.File.pathSeparator, List.of(location(Myelin.class), location(dev.myelin.runtime.Simulation.class),
                location(dev.myelin.compiler.driver.ModelCompiler.class)));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath, example.resolve("FiringRateCurve.java").toString());
        assertEquals(0, code, "the example compiles against the API");

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("FiringRateCurve").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {example.resolve("fi_curve.myl").toString()});
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("current_nA  rate_Hz  theory_Hz", lines.get(0));
        assertEquals(12, lines.size(), String.join("\n", lines));
        for (String line : lines.subList(1, 11)) {
            String[] f = line.trim().split("\\s+");
            double rate = Double.parseDouble(f[1]);
            double theory = Double.parseDouble(f[2]);
            // One second counts whole spikes, and the first one starts from rest, not from the reset.
            assertTrue(Math.abs(rate - theory) <= 2, line);
        }
        assertEquals("      0.25       53       53.0", lines.get(1));
        assertEquals("doubled currents: 1438 spikes in 1.0 s; neuron 9's v peaked at -50.5 mV", lines.get(11));
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
