package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.monitor.SpikeRecorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brian2's CUBA, COBAHH and STDP examples, ported to examples/, give Brian2's statistics. Random
 * numbers differ from Brian2's by design, so a statistic of one Myelin run is compared with the
 * spread of the same statistic over several Brian2 seeds ({@code examples/MODEL/brian2/reference_stats.json},
 * made by the scripts beside it): within 4 standard deviations of Brian2's mean, with a floor of 2%
 * of the mean for statistics that varied little over the Brian2 seeds.
 */
class ExampleStatisticsTest {

    @Test
    void cubaFiresAtBrian2sRate() throws Exception {
        assertRatesLikeBrian2("cuba");
    }

    @Test
    void cubaConnectsWithProbabilityTwoPercent() throws Exception {
        Simulation sim = run("cuba/cuba.myl", Map.of("duration", "0 second"));
        // Binomial counts: 3200*4000 and 800*4000 candidate pairs at p = 0.02.
        assertBinomial(3200L * 4000, 0.02, sim.network().synapseCount("Ce"), "Ce");
        assertBinomial(800L * 4000, 0.02, sim.network().synapseCount("Ci"), "Ci");
    }

    @Test
    @Tag("slow")
    void cobahhFiresAtBrian2sRate() throws Exception {
        assertRatesLikeBrian2("cobahh");
    }

    @Test
    void stdpWeightsBecomeBimodalAsInBrian2() throws Exception {
        Simulation sim = run("stdp/stdp.myl", Map.of("duration", "20 second"));
        double[] w = (double[]) ((Simulation.Saved) sim.saved().get("final_w_over_gmax")).values();
        double sum = 0;
        int low = 0;
        int high = 0;
        for (double x : w) {
            sum += x;
            if (x < 0.1) low++;
            if (x > 0.9) high++;
        }
        Map<String, Object> brian2 = brian2("stdp", "cython_20s");
        assertWithinBrian2("mean w/gmax", sum / w.length, brian2, "w_mean");
        assertWithinBrian2("fraction of weights below 0.1 gmax", low / (double) w.length, brian2, "w_frac_below_0_1");
        assertWithinBrian2("fraction of weights above 0.9 gmax", high / (double) w.length, brian2, "w_frac_above_0_9");
        assertWithinBrian2("output spikes", ((SpikeRecorder) recorder(sim, "output")).count(), brian2, "out_spikes");
    }

    // ── helpers ──

    /** Mean rates over all, excitatory (first 3200) and inhibitory neurons of a 4000-neuron, 1 s example. */
    private static void assertRatesLikeBrian2(String model) throws Exception {
        Simulation sim = run(model + "/" + model + ".myl", Map.of());
        long[] perNeuron = counts((SpikeRecorder) recorder(sim, "spikes"), 4000);
        Map<String, Object> brian2 = brian2(model, "numpy_1s");
        assertWithinBrian2("mean rate (Hz)", mean(perNeuron, 0, 4000), brian2, "rate_all_hz");
        assertWithinBrian2("excitatory rate (Hz)", mean(perNeuron, 0, 3200), brian2, "rate_exc_hz");
        assertWithinBrian2("inhibitory rate (Hz)", mean(perNeuron, 3200, 4000), brian2, "rate_inh_hz");
    }

    private static Simulation run(String model, Map<String, String> overrides) throws Exception {
        Simulation sim = new ModelCompiler().compile(Path.of(model)).instantiate(overrides, 1L);
        sim.runProtocol();
        return sim;
    }

    /** Brian2's mean and sample sd over seeds of one statistic, as make_reference.py wrote them. */
    @SuppressWarnings("unchecked")
    private static void assertWithinBrian2(String what, double myelin, Map<String, Object> brian2, String statistic) {
        Map<String, Object> stat = (Map<String, Object>) brian2.get(statistic);
        double mean = number(stat, "mean");
        double sd = number(stat, "sd");
        int seeds = ((List<?>) stat.get("values")).size();
        double tolerance = 4 * Math.max(sd, 0.02 * Math.abs(mean));
        assertTrue(Math.abs(myelin - mean) <= tolerance, what + ": Myelin " + myelin + ", Brian2 " + mean + " ± " + sd
                + " over " + seeds + " seeds (allowed ± " + tolerance + ")");
    }

    private static void assertBinomial(long trials, double p, int count, String what) {
        double mean = trials * p;
        double sd = Math.sqrt(trials * p * (1 - p));
        assertTrue(Math.abs(count - mean) <= 4 * sd, what + ": " + count + " synapses, expected " + mean + " ± " + sd);
    }

    private static long[] counts(SpikeRecorder spikes, int n) {
        long[] out = new long[n];
        for (int i : spikes.indices()) out[i]++;
        return out;
    }

    private static double mean(long[] perNeuron, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) sum += perNeuron[k];
        return sum / (to - from); // spikes per neuron in 1 s: Hz
    }

    private static double number(Map<String, Object> stats, String key) {
        return ((Number) stats.get(key)).doubleValue();
    }

    /** The statistics of one configuration (e.g. numpy_1s) in examples/MODEL/brian2/reference_stats.json. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> brian2(String model, String configuration) throws IOException {
        Map<String, Object> all = (Map<String, Object>) Json.parse(Files.readString(Path.of(model, "brian2", "reference_stats.json")));
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) all.get("configurations")).get(configuration);
        assertTrue(config != null, model + ": no Brian2 configuration " + configuration);
        assertTrue(((Number) config.get("n_seeds")).intValue() >= 3, model + ": Brian2 statistics for at least 3 seeds");
        return (Map<String, Object>) config.get("statistics");
    }

    private static dev.myelin.runtime.monitor.Recorder recorder(Simulation sim, String name) {
        return sim.recorders().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no monitor named " + name));
    }
}
