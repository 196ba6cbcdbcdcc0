package dev.myelin.runtime.input;

import dev.myelin.runtime.ModelError;

/**
 * The spikes of a SpikeGeneratorGroup, as Brian2 emits them: each spike time is turned into a
 * step with {@code int((t + 1e-3*dt)/dt)}; spikes are sorted by step, then index; a step emits
 * every spike whose step has come (also ones earlier than the current step, at the first step).
 * With a period, the spikes repeat every {@code round(period/dt)} steps.
 */
public final class SpikeTrain {

    /** Neuron indices and times (seconds), in any order. */
    public record Spikes(int[] indices, double[] times) {
    }

    private final String group;
    private final int[] indices;
    private final double[] times;
    private final double period;
    private long[] steps;
    private long periodSteps;
    /** The next spike to emit. */
    private int next;
    private double preparedDt = Double.NaN;

    public SpikeTrain(String group, int size, Spikes spikes, double period) {
        this.group = group;
        int n = spikes.indices().length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        java.util.Arrays.sort(order, (a, b) -> {
            int byTime = Double.compare(spikes.times()[a], spikes.times()[b]);
            return byTime != 0 ? byTime : Integer.compare(spikes.indices()[a], spikes.indices()[b]);
        });
        this.indices = new int[n];
        this.times = new double[n];
        for (int k = 0; k < n; k++) {
            indices[k] = spikes.indices()[order[k]];
            times[k] = spikes.times()[order[k]];
            if (indices[k] < 0 || indices[k] >= size) {
                throw new ModelError("spike generator " + group + ": index " + indices[k] + " is not inside the group, which has " + size + " neurons");
            }
            if (!(times[k] >= 0) || Double.isInfinite(times[k])) {
                throw new ModelError("spike generator " + group + ": spike time " + times[k] + " s is not a finite time of at least 0");
            }
        }
        if (period < 0 || Double.isNaN(period)) throw new ModelError("spike generator " + group + ": the period cannot be negative");
        this.period = period;
    }

    /** Converts times to steps for {@code dt}; called before every run, as Brian2 does. */
    public void prepare(double dt, long currentStep) {
        if (dt != preparedDt) stepsFor(dt);
        // Skip the spikes before the current step, as Brian2 does before each run (after a change
        // of dt, or a restore to another time).
        next = 0;
        long within = periodSteps > 0 ? currentStep % periodSteps : currentStep;
        while (next < steps.length && steps[next] < within) next++;
    }

    private void stepsFor(double dt) {
        preparedDt = dt;
        steps = new long[times.length];
        for (int k = 0; k < times.length; k++) {
            steps[k] = (long) ((times[k] + 1e-3 * dt) / dt);
            if (k > 0 && steps[k] == steps[k - 1] && indices[k] == indices[k - 1]) {
                throw new ModelError("spike generator " + group + ": neuron " + indices[k] + " has two spikes in the step at "
                        + (steps[k] * dt) + " s; with dt = " + dt + " s a neuron can spike at most once per step");
            }
        }
        periodSteps = 0;
        if (period > 0) {
            periodSteps = Math.round(period / dt);
            if (Math.abs(periodSteps * dt - period) > period * 1e-12 * 4) {
                throw new ModelError("spike generator " + group + ": the period (" + period + " s) must be a whole multiple of dt (" + dt + " s)");
            }
            if (times.length > 0 && steps[times.length - 1] >= periodSteps) {
                throw new ModelError("spike generator " + group + ": all spikes must come before the end of the period (" + period + " s)");
            }
        }
    }

    /** Writes this step's spikes into {@code out} and returns how many. */
    public int emit(long step, int[] out) {
        long within = step;
        if (periodSteps > 0) {
            within = step % periodSteps;
            if (within == 0) next = 0;
        }
        int count = 0;
        while (next < steps.length && steps[next] <= within) out[count++] = indices[next++];
        return count;
    }
}
