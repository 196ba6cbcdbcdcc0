package dev.myelin.cli;

import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line, driven in-process: exit codes, messages without stack traces, the results contract. */
class CliTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            dt = 0.1 ms
            seed 3
            param I0 = 0.3 nA
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
            G.I = I0 * (i + 1) / 3
            run 50 ms
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
        Path file = dir.resolve("model.myl");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void runWritesTheResultsContract() throws IOException {
        Path out = dir.resolve("out");
        Result r = myelin("run", model(MODEL).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());

        NpyArray i = NpyReader.read(out.resolve("spikes_i.npy"));
        NpyArray t = NpyReader.read(out.resolve("spikes_t.npy"));
        assertEquals("<i4", i.dtype());
        assertEquals("<f8", t.dtype());
        assertEquals(i.size(), t.size());
        assertTrue(i.size() > 0, "the model spikes");

        NpyArray v = NpyReader.read(out.resolve("trace_v.npy"));
        NpyArray vt = NpyReader.read(out.resolve("trace_t.npy"));
        assertArrayEquals(new int[]{2, 250}, v.shape(), "(n_recorded, n_times): 50 ms every 0.2 ms");
        assertEquals(0.0002, vt.data()[1], 1e-15, "times in seconds");
        assertEquals(-0.07, v.data()[0], 1e-15, "values in volt");

        NpyArray rate = NpyReader.read(out.resolve("rate_rate.npy"));
        assertEquals(500, rate.size(), "one rate per step");

        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) Json.parse(Files.readString(out.resolve("manifest.json")));
        assertEquals("completed", manifest.get("status"));
        assertEquals(3L, manifest.get("seed"));
        assertEquals(Map.of("I0", 3e-10), manifest.get("parameters"));
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) manifest.get("timings");
        assertEquals(List.of("parse", "check", "lower", "generate", "compile", "simulate"), List.copyOf(timings.keySet()));
        assertEquals(List.of("spikes_i.npy", "spikes_t.npy"), ((Map<?, ?>) manifest.get("monitors")).get("spikes"));
    }

    @Test
    void setOverridesAParamWithUnits() throws IOException {
        Path quiet = dir.resolve("quiet");
        Result r = myelin("run", model(MODEL).toString(), "--out", quiet.toString(), "--set", "I0=0.1nA");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, NpyReader.read(quiet.resolve("spikes_i.npy")).size(), "0.1 nA is below threshold for every neuron");
        Map<?, ?> manifest = (Map<?, ?>) Json.parse(Files.readString(quiet.resolve("manifest.json")));
        assertEquals(0.1 * 1e-9, (Double) ((Map<?, ?>) manifest.get("parameters")).get("I0"), 0.0, "0.1*nA, computed as Brian2 does");
    }

    @Test
    void setWithTheWrongUnitIsAUserError() throws IOException {
        Result r = myelin("run", model(MODEL).toString(), "--out", dir.resolve("x").toString(), "--set", "I0=5mV");
        assertEquals(2, r.code());
        assertEquals("error: --set I0=5mV: 'I0' is in amp but this value is in volt; write it with its unit, e.g. I0=1amp\n", r.err());
    }

    @Test
    void setOfAnUnknownParamIsAUserError() throws IOException {
        Result r = myelin("run", model(MODEL).toString(), "--out", dir.resolve("x").toString(), "--set", "tau=5ms");
        assertEquals(2, r.code());
        assertEquals("error: --set tau=5ms: the model has no param 'tau'; its params are: I0\n", r.err());
    }

    @Test
    void modelErrorsArePositionedAndExitWithCode2() throws IOException {
        Path file = model(MODEL.replace("'v > -50*mV'", "'v > Vt'"));
        Result r = myelin("run", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(file + ":9:20: error: unknown name 'Vt'\n"), r.err());
        assertTrue(r.err().contains("  9 |     threshold 'v > Vt'\n"), r.err());
        assertTrue(r.err().contains("    |                    ^^\n"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void checkReportsOkOrErrors() throws IOException {
        Result ok = myelin("check", model(MODEL).toString());
        assertEquals(0, ok.code(), ok.err());
        Result bad = myelin("check", model("neurons G[1] { method rk5 }").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(":1:23: error: "), bad.err());
    }

    @Test
    void aMethodDifferentFromBrian2sChoiceIsAWarning() throws IOException {
        Result r = myelin("check", model("""
                neurons G[1] {
                    equations '''
                        dv/dt = (-v + u)/(10*ms) : 1
                        dw/dt = (v - w)/(20*ms) : 1
                        du/dt = (w - u)/(30*ms) : 1
                    '''
                }
                """).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(":1:9: warning: group G is integrated with euler because exact integration of coupled linear "
                + "equations with feedback (v -> u -> w -> v) is not supported\n"), r.err());
    }

    @Test
    void aRunThatFailsMidwayStillWritesWhatItRecorded() throws IOException {
        Path out = dir.resolve("partial");
        // n is only known at run time, so the wrong list length is found when the protocol gets there.
        Result r = myelin("run", model("""
                param n = 3
                neurons G[n] { equations 'dv/dt = 1/ms : 1' }
                statemonitor v of G.v record [0]
                run 1 ms
                G.v = [1, 2]
                run 1 ms
                """).toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: G.v: the list has 2 values but the group has 3 neurons"), r.err());
        assertTrue(r.err().contains("results recorded until the error were written to " + out), r.err());
        Map<?, ?> manifest = (Map<?, ?>) Json.parse(Files.readString(out.resolve("manifest.json")));
        assertEquals("failed", manifest.get("status"));
        assertArrayEquals(new int[]{1, 10}, NpyReader.read(out.resolve("v_v.npy")).shape(), "the first run's 10 samples");
    }

    @Test
    void aParamMayBeDerivedFromParamsAboveItAndStillBeSet() throws IOException {
        String derived = """
                param n_exc = 8
                param n_inh = n_exc // 4
                neurons I[n_inh] { equations 'x : 1' }
                statemonitor x of I.x record all
                run 0.1 ms
                """;
        Path a = dir.resolve("a");
        assertEquals(0, myelin("run", model(derived).toString(), "--out", a.toString(), "--set", "n_exc=20").code());
        Map<?, ?> manifest = (Map<?, ?>) Json.parse(Files.readString(a.resolve("manifest.json")));
        assertEquals(Map.of("n_exc", 20L, "n_inh", 5L), manifest.get("parameters"));
        assertArrayEquals(new int[]{5, 1}, NpyReader.read(a.resolve("x_x.npy")).shape());
        Path b = dir.resolve("b");
        assertEquals(0, myelin("run", model(derived).toString(), "--out", b.toString(), "--set", "n_inh=3").code());
        assertArrayEquals(new int[]{3, 1}, NpyReader.read(b.resolve("x_x.npy")).shape(), "--set overrides the derived default");
    }

    @Test
    void aMissingFileIsAUserError() {
        Result r = myelin("run", dir.resolve("nope.myl").toString());
        assertEquals(2, r.code());
        assertEquals("error: cannot read " + dir.resolve("nope.myl") + ": no such file\n", r.err());
    }

    @Test
    void emitJavaWritesTheGeneratedSource() throws IOException {
        Result r = myelin("emit-java", model(MODEL).toString(), dir.resolve("src").toString());
        assertEquals(0, r.code(), r.err());
        Path written = Path.of(r.out().trim());
        assertTrue(Files.readString(written).contains("extends GeneratedNetwork"));
        assertTrue(written.startsWith(dir.resolve("src/dev/myelin/generated")));
    }
}
