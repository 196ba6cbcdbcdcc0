package dev.myelin.examples;

import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ports in examples/reference/ reproduce Brian2 (../shared/reference/, copied into test
 * resources): every spike in the same time step, and recorded traces equal to a relative error of
 * 1e-9 up to the first spike.
 */
class ReferenceCasesTest {

    /** Brian2 writes traces with 12 significant digits; 1e-9 is the agreed tolerance. */
    private static final double RTOL = 1e-9;

    /** case, dt in ms, and per recorded variable the factor from SI to the CSV's unit. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("lif_exact", 0.1, Map.of("v", 1e3)),
                Arguments.of("izhikevich_types", 0.1, Map.of("v", 1.0, "u", 1.0)),
                Arguments.of("hh_step", 0.01, Map.of("v", 1e3, "m", 1.0, "n", 1.0, "h", 1.0)),
                Arguments.of("adex_rk4", 0.05, Map.of("vm", 1e3, "w", 1e9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesBrian2(String name, double dtMs, Map<String, Double> unitFactors) throws Exception {
        CompiledModel model = new ModelCompiler().compile(Path.of("reference", name + ".myl"));
        Simulation sim = model.instantiate(Map.of(), 1L);
        sim.runProtocol();

        ReferenceCsv.Spikes expected = ReferenceCsv.spikes("/reference/" + name + "/spikes.csv");
        SpikeRecorder spikes = (SpikeRecorder) recorder(sim, "spikes");
        long[] expectedSteps = new long[expected.timesMs().length];
        for (int k = 0; k < expectedSteps.length; k++) expectedSteps[k] = Math.round(expected.timesMs()[k] / dtMs);
        assertArrayEquals(expected.indices(), spikes.indices(), name + ": spiking neurons, in order");
        assertArrayEquals(expectedSteps, spikes.steps(), name + ": spike time steps");

        double firstSpikeMs = expected.timesMs().length == 0 ? Double.POSITIVE_INFINITY : expected.timesMs()[0];
        for (Map.Entry<String, Double> var : unitFactors.entrySet()) {
            ReferenceCsv.Trace trace = ReferenceCsv.trace("/reference/" + name + "/" + var.getKey() + ".csv");
            StateRecorder rec = (StateRecorder) recorder(sim, var.getKey());
            double[][] ours = rec.values(var.getKey());
            assertEquals(trace.columns().length, ours.length, name + "." + var.getKey() + ": recorded neurons");
            assertEquals(trace.timesMs().length, ours[0].length, name + "." + var.getKey() + ": recorded samples");
            for (int n = 0; n < ours.length; n++) {
                double scale = 0;
                for (double v : trace.columns()[n]) scale = Math.max(scale, Math.abs(v));
                for (int s = 0; s < trace.timesMs().length && trace.timesMs()[s] <= firstSpikeMs; s++) {
                    double want = trace.columns()[n][s];
                    double got = ours[n][s] * var.getValue();
                    // Relative to the value, with a floor far below the CSV's 12 digits for values near zero.
                    double tolerance = RTOL * Math.max(Math.abs(want), 1e-6 * scale);
                    int sample = s;
                    int neuron = n;
                    assertTrue(Math.abs(got - want) <= tolerance, () -> name + "." + var.getKey() + "[" + neuron + "] at t=" + trace.timesMs()[sample]
                            + " ms: Myelin " + got + ", Brian2 " + want);
                }
            }
        }
    }

    private static Recorder recorder(Simulation sim, String name) {
        return sim.recorders().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no monitor named " + name));
    }
}
