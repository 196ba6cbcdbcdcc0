package dev.myelin.runtime.synapse;

import dev.myelin.runtime.ModelError;

import java.util.Arrays;

/**
 * A pathway's per-synapse delays in steps, and its synapses grouped by delay for each trigger
 * neuron, so a spike is queued as a few runs of synapses (one per distinct delay) rather than
 * synapse by synapse. Each group keeps the synapses in synapse order, so every queue bucket gets
 * the same events in the same order as when they are added one by one (Brian2's order).
 *
 * <p>Brian2 turns delays into steps before every run; most models never change them, so the steps
 * and groups are rebuilt only when the delays (or the connections, or dt) differ from last time.
 */
public final class SynapticDelays {

    private final String pathway;
    private double[] seconds;
    private double dt = Double.NaN;
    private int[] start;
    private int[] steps = new int[0];
    private int min;
    private int max;
    /** For trigger neuron n, its groups are [sourceGroups[n], sourceGroups[n+1]). */
    private int[] sourceGroups = new int[1];
    private int[] groupDelays = new int[0];
    /** Group g's synapses are sorted[groupStarts[g] .. groupStarts[g+1]). */
    private int[] groupStarts = new int[1];
    private int[] sorted = new int[0];

    /** {@code pathway} names it in messages ("S pre"). */
    public SynapticDelays(String pathway) {
        this.pathway = pathway;
    }

    /**
     * Brings the steps and groups up to date for {@code delays} (seconds, per synapse), the time step
     * and the trigger side's synapses: neuron n's are {@code synapses[start[n] .. start[n+1])}.
     */
    public void update(double[] delays, double dt, int[] start, int[] synapses) {
        if (dt == this.dt && start == this.start && Arrays.equals(delays, seconds)) return;
        int[] newSteps = new int[delays.length];
        int lo = Integer.MAX_VALUE, hi = 0;
        for (int k = 0; k < delays.length; k++) {
            int d = steps(delays[k], dt, pathway);
            newSteps[k] = d;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        group(newSteps, start, synapses);
        this.steps = newSteps;
        this.min = delays.length == 0 ? 0 : lo;
        this.max = hi;
        this.seconds = delays.clone();
        this.dt = dt;
        this.start = start;
    }

    /** A delay in steps: Brian2 rounds delay/dt to the nearest step (numpy's round: halves to even, as Math.rint). */
    public static int steps(double delay, double dt, String pathway) {
        double s = Math.rint(delay / dt);
        if (!(s >= 0) || s > 1 << 28) {
            throw new ModelError("synapses " + pathway + ": a delay of " + delay + " s is not a time from 0 to 2^28 steps");
        }
        return (int) s;
    }

    /** Per trigger neuron, its synapses sorted by delay, ties in synapse order. */
    private void group(int[] delayOf, int[] start, int[] synapses) {
        int neurons = start.length - 1;
        int[] newSourceGroups = new int[neurons + 1];
        int[] newSorted = new int[synapses.length];
        int[] delays = new int[synapses.length];
        int[] starts = new int[synapses.length + 1];
        int groups = 0;
        long[] keys = new long[0];
        for (int n = 0; n < neurons; n++) {
            int from = start[n], count = start[n + 1] - from;
            if (keys.length < count) keys = new long[count];
            // The position breaks ties, so sorting the keys is a stable sort by delay.
            for (int x = 0; x < count; x++) keys[x] = ((long) delayOf[synapses[from + x]] << 32) | x;
            Arrays.sort(keys, 0, count);
            newSourceGroups[n] = groups;
            for (int x = 0; x < count; x++) {
                int syn = synapses[from + (int) keys[x]];
                int d = (int) (keys[x] >>> 32);
                if (x == 0 || d != delays[groups - 1]) {
                    delays[groups] = d;
                    starts[groups] = from + x;
                    groups++;
                }
                newSorted[from + x] = syn;
            }
        }
        newSourceGroups[neurons] = groups;
        starts[groups] = synapses.length;
        this.sourceGroups = newSourceGroups;
        this.groupDelays = Arrays.copyOf(delays, groups);
        this.groupStarts = Arrays.copyOf(starts, groups + 1);
        this.sorted = newSorted;
    }

    public boolean homogeneous() {
        return steps.length == 0 || min == max;
    }

    /** The delay in steps when homogeneous (0 without synapses). */
    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public int[] sourceGroups() {
        return sourceGroups;
    }

    public int[] groupDelays() {
        return groupDelays;
    }

    public int[] groupStarts() {
        return groupStarts;
    }

    public int[] sorted() {
        return sorted;
    }
}
