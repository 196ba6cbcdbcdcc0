package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.SpikeRecorder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 1000-neuron network of Izhikevich (2003), examples/izhikevich/izhikevich_network.myl, run for
 * 2 s: its population rhythm and its excitatory rate. The thresholds come from an independent NumPy
 * implementation of the paper's MATLAB loop (examples/izhikevich/numpy/), 30 seeds of 2 s each
 * (README): excitatory rate 7.42 +- 0.15 Hz (7.04-7.72); the population spike count's power, in
 * units of the flat spectrum a Poisson population of the same rate would have, 15-76 in the
 * 5-15 Hz band, 15-28 in 30-50 Hz and 0.90-1.13 in 200-500 Hz.
 */
class IzhikevichNetworkTest {

    private static final int STEPS = 2000;   // 1 ms steps
    private static final int SKIP = 200;     // the synchronous start

    @Test
    void theNetworkOscillatesInTheAlphaAndGammaBandsAtThePapersRate() throws Exception {
        Simulation sim = new ModelCompiler().compile(Path.of("izhikevich/izhikevich_network.myl"))
                .instantiate(Map.of("duration", STEPS + " ms"), 1L);
        sim.runProtocol();
        SpikeRecorder spikes = (SpikeRecorder) sim.recorders().stream().filter(r -> r.name().equals("spikes")).findFirst().orElseThrow();

        int excitatory = 0;
        double[] count = new double[STEPS - SKIP];
        for (int k = 0; k < spikes.indices().length; k++) {
            if (spikes.indices()[k] < 800) excitatory++;
            long step = spikes.steps()[k];
            if (step >= SKIP) count[(int) (step - SKIP)]++;
        }
        double rate = excitatory / 800.0 / (STEPS / 1000.0);
        // Within 4 sd of the NumPy implementation's mean over 30 seeds.
        assertTrue(Math.abs(rate - 7.42) < 4 * 0.145, "excitatory rate " + rate + " Hz");

        double alpha = bandPower(count, 5, 15);
        double gamma = bandPower(count, 30, 50);
        double high = bandPower(count, 200, 500);
        String spectrum = "power / Poisson level: 5-15 Hz " + alpha + ", 30-50 Hz " + gamma + ", 200-500 Hz " + high;
        // The rhythm: at least 5 times the Poisson level in both bands (the NumPy runs' minimum is
        // about 15); well above 1, the level of uncorrelated neurons, which the high band shows (a
        // mean of 540 periodogram values, relative sd about 0.04).
        assertTrue(alpha > 5 && gamma > 5, spectrum);
        assertTrue(high > 0.8 && high < 1.25, spectrum);
    }

    /** The mean periodogram of x in [lo, hi) Hz, in units of x's mean (a Poisson count's flat level). */
    private static double bandPower(double[] x, double lo, double hi) {
        int n = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double sum = 0;
        int bins = 0;
        for (int k = 1; k < n / 2; k++) {
            double f = k * 1000.0 / n;
            if (f < lo || f >= hi) continue;
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double phase = 2 * Math.PI * k * t / n;
                re += (x[t] - mean) * Math.cos(phase);
                im -= (x[t] - mean) * Math.sin(phase);
            }
            sum += (re * re + im * im) / n / mean;
            bins++;
        }
        return sum / bins;
    }
}
