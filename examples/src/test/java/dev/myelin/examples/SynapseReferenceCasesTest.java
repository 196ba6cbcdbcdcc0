package dev.myelin.examples;

import dev.myelin.compiler.codegen.Precision;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synapse and input ports in examples/reference/ reproduce Brian2 2.5.1's results
 * (../shared/reference/, copied into test resources): spikes in the same steps, saved values under
 * the keys of summary.json within 1e-9 relative, traces within 1e-9 up to the first spike, and
 * Poisson rates within their sampling error.
 */
class SynapseReferenceCasesTest {

    private static final double RTOL = 1e-9;

    @Test
    void stdpWithSpikeGeneratorInput() throws Exception {
        Simulation sim = run("stdp_spikegen");
        Map<String, Object> summary = summary("stdp_spikegen");
        assertEquals(775L, ((SpikeRecorder) recorder(sim, "sm_in")).count(), "input spikes");
        assertSpikes(sim, "stdp_spikegen", "spikes", 0.1);
        assertEquals(((Number) summary.get("post_spike_count")).longValue(), ((long[]) saved(sim, "post_spike_count").values())[0]);
        assertClose(numbers(summary.get("final_w")), (double[]) saved(sim, "final_w").values(), "final_w");
        // The weights move only at spikes; their whole trace matches.
        assertTrace(sim, "stdp_spikegen", "w", 1.0, Double.POSITIVE_INFINITY);
    }

    @Test
    void delaysAndNearestSpikeStdp() throws Exception {
        Simulation sim = run("delays_stdp_network");
        Map<String, Object> summary = summary("delays_stdp_network");
        double first = assertSpikes(sim, "delays_stdp_network", "spikes", 0.5);
        assertClose(numbers(summary.get("final_w")), (double[]) saved(sim, "final_w").values(), "final_w");
        assertClose(numbers(summary.get("final_theta_mV")), (double[]) saved(sim, "final_theta_mV").values(), "final_theta_mV");
        long[] counts = (long[]) saved(sim, "spike_counts").values();
        double[] expected = numbers(summary.get("spike_counts"));
        for (int k = 0; k < counts.length; k++) assertEquals((long) expected[k], counts[k], "spike_counts[" + k + "]");
        assertTrace(sim, "delays_stdp_network", "v", 1e3, first);
    }

    /**
     * With synaptic variables stored as float (--precision float), the spikes are still Brian2's,
     * step for step, and the weights are Brian2's to a float's precision (a relative 1e-7 per
     * rounding, accumulated over the run's updates).
     */
    @Test
    void floatSynapsesKeepBrian2sSpikesAndItsWeightsToFloatPrecision() throws Exception {
        for (String name : List.of("stdp_spikegen", "delays_stdp_network")) {
            Simulation sim = run(name, Precision.FLOAT);
            assertSpikes(sim, name, "spikes", name.equals("stdp_spikegen") ? 0.1 : 0.5);
            double[] expected = numbers(summary(name).get("final_w"));
            double[] got = (double[]) saved(sim, "final_w").values();
            double worst = 0;
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], got[k], 1e-6 * Math.abs(expected[k]) + 1e-9, name + " final_w[" + k + "]");
                worst = Math.max(worst, Math.abs(got[k] - expected[k]));
                assertEquals(got[k], (float) got[k], 0.0, "stored as float");
            }
            assertTrue(worst > 0, name + ": the weights were rounded to float");
        }
    }

    @Test
    void synapseSemantics() throws Exception {
        Simulation sim = run("synapse_semantics");
        Map<String, Object> summary = summary("synapse_semantics");
        for (String key : List.of("connect_condition", "connect_one_to_one", "connect_generator", "connect_expression_j")) {
            Simulation.Saved pairs = saved(sim, key);
            assertEquals(2, pairs.columns(), key);
            List<?> expected = (List<?>) summary.get(key);
            long[] got = (long[]) pairs.values();
            assertEquals(expected.size() * 2, got.length, key + ": number of synapses");
            for (int k = 0; k < expected.size(); k++) {
                double[] pair = numbers(expected.get(k));
                assertEquals((long) pair[0], got[2 * k], key + "[" + k + "].i");
                assertEquals((long) pair[1], got[2 * k + 1], key + "[" + k + "].j");
            }
        }
        assertArrayEquals(numbers(summary.get("delays_final_v")), (double[]) saved(sim, "delays_final_v").values());
        assertArrayEquals(numbers(summary.get("summed_y")), (double[]) saved(sim, "summed_y").values());
        assertEquals(((Number) summary.get("pre_post_same_step_x")).doubleValue(), ((double[]) saved(sim, "pre_post_same_step_x").values())[0]);
        // Arrival: the first time each target's v is above 0, recorded at the end of each step.
        StateRecorder mon = (StateRecorder) recorder(sim, "mon");
        double[][] v = mon.values("v");
        double[] arrival = numbers(summary.get("delays_arrival_ms"));
        for (int n = 0; n < 4; n++) {
            int s = 0;
            while (v[n][s] <= 0) s++;
            assertEquals(arrival[n], mon.steps()[s] * 0.1, 1e-9, "arrival at target " + n);
        }
    }

    @Test
    void poissonRatesAndTimedArray() throws Exception {
        Simulation sim = run("inputs");
        Map<String, Object> summary = summary("inputs");
        double[] expected = numbers(summary.get("poisson_rate_expected_hz"));
        double[] measured = (double[]) saved(sim, "poisson_rate_measured_hz").values();
        double sumZ = 0;
        for (int k = 0; k < expected.length; k++) {
            // The count over 10 s is Poisson: its standard error is sqrt(rate * 10 s) / 10 s.
            double z = (measured[k] - expected[k]) / Math.sqrt(expected[k] / 10);
            sumZ += z;
            int neuron = k;
            assertTrue(Math.abs(z) < 4, () -> "P1[" + neuron + "]: " + measured[neuron] + " Hz, expected " + expected[neuron] + " Hz");
        }
        assertTrue(Math.abs(sumZ / expected.length) < 3 / Math.sqrt(expected.length), "mean deviation of P1's rates: " + sumZ / expected.length);

        // P2's rate follows 50 Hz * (1 + sin(2 pi 4 Hz t)): pooled over neurons and periods, per tenth of a period.
        SpikeRecorder m2 = (SpikeRecorder) recorder(sim, "m2");
        long[] bins = new long[10];
        for (long step : m2.steps()) bins[(int) ((step % 2500) / 250)]++;
        for (int b = 0; b < 10; b++) {
            // The mean of the rate over the bin (summary.json gives its value at the bin's centre).
            double w = 2 * Math.PI * 4;
            double mean = 50 * (1 + (Math.cos(w * b * 0.025) - Math.cos(w * (b + 1) * 0.025)) / (w * 0.025));
            double exposure = 100 * 40 * 0.025;
            double rate = bins[b] / exposure;
            double se = Math.sqrt(mean * exposure) / exposure;
            assertEquals(mean, rate, 3.5 * se, "P2 rate in bin " + b);
        }

        assertEquals(((Number) summary.get("timedarray_spike_count")).longValue(), ((long[]) saved(sim, "timedarray_spike_count").values())[0]);
        double first = assertSpikes(sim, "inputs", "timedarray_spikes", 0.1);
        ReferenceCsv.Trace trace = ReferenceCsv.trace("/reference/inputs/timedarray_v.csv");
        double[] ours = ((StateRecorder) recorder(sim, "timedarray")).values("v")[0];
        for (int s = 0; s < trace.timesMs().length && trace.timesMs()[s] <= first; s++) {
            double want = trace.columns()[0][s];
            assertEquals(want, ours[s] * 1e3, RTOL * Math.abs(want), "v at " + trace.timesMs()[s] + " ms");
        }
    }

    // ── helpers ──

    private static Simulation run(String name) throws Exception {
        return run(name, Precision.DOUBLE);
    }

    private static Simulation run(String name, Precision precision) throws Exception {
        Simulation sim = new ModelCompiler(precision).compile(Path.of("reference", name + ".myl")).instantiate(Map.of(), 1L);
        sim.runProtocol();
        return sim;
    }

    /** Checks the monitor's spikes against the reference CSV (same neurons, same steps); returns the first spike time in ms. */
    private static double assertSpikes(Simulation sim, String name, String monitor, double dtMs) throws IOException {
        ReferenceCsv.Spikes expected = ReferenceCsv.spikes("/reference/" + name + "/" + monitor + ".csv");
        SpikeRecorder spikes = (SpikeRecorder) recorder(sim, monitor);
        long[] steps = new long[expected.timesMs().length];
        for (int k = 0; k < steps.length; k++) steps[k] = Math.round(expected.timesMs()[k] / dtMs);
        assertArrayEquals(expected.indices(), spikes.indices(), name + ": spiking neurons, in order");
        assertArrayEquals(steps, spikes.steps(), name + ": spike steps");
        return expected.timesMs().length == 0 ? Double.POSITIVE_INFINITY : expected.timesMs()[0];
    }

    private static void assertTrace(Simulation sim, String name, String var, double factor, double untilMs) throws IOException {
        ReferenceCsv.Trace trace = ReferenceCsv.trace("/reference/" + name + "/" + var + ".csv");
        double[][] ours = ((StateRecorder) recorder(sim, var)).values(var);
        assertEquals(trace.columns().length, ours.length, var + ": recorded elements");
        assertEquals(trace.timesMs().length, ours[0].length, var + ": samples");
        for (int n = 0; n < ours.length; n++) {
            for (int s = 0; s < trace.timesMs().length && trace.timesMs()[s] <= untilMs; s++) {
                double want = trace.columns()[n][s];
                double got = ours[n][s] * factor;
                int element = n;
                int sample = s;
                assertTrue(Math.abs(got - want) <= RTOL * Math.abs(want) + 1e-15,
                        () -> name + "." + var + "[" + element + "] at " + trace.timesMs()[sample] + " ms: Myelin " + got + ", Brian2 " + want);
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], RTOL * Math.abs(expected[k]) + 1e-15, what + "[" + k + "]");
        }
    }

    private static Simulation.Saved saved(Simulation sim, String name) {
        Object value = sim.saved().get(name);
        if (value == null) throw new AssertionError("nothing saved as " + name);
        return (Simulation.Saved) value;
    }

    private static Recorder recorder(Simulation sim, String name) {
        return sim.recorders().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no monitor named " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(String name) throws IOException {
        try (InputStream in = SynapseReferenceCasesTest.class.getResourceAsStream("/reference/" + name + "/summary.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static double[] numbers(Object list) {
        List<?> values = (List<?>) list;
        double[] out = new double[values.size()];
        for (int k = 0; k < out.length; k++) out[k] = ((Number) values.get(k)).doubleValue();
        return out;
    }
}
