package dev.myelin.runtime.random;

import java.util.Arrays;

/**
 * The neurons of a Poisson group filed by the step of their next spike (from {@link BernoulliGaps}),
 * so a step finds its spiking neurons without looking at every neuron: a wheel of buckets for
 * the next {@value #WINDOW} steps, refilled from the neurons' next steps when it has turned once.
 * The neurons due in a step come out in ascending order, as a scan over the group gives them.
 */
public final class SpikeCalendar {

    static final int WINDOW = 1024;
    private static final int MASK = WINDOW - 1;

    private final int[][] buckets = new int[WINDOW][];
    private final int[] counts = new int[WINDOW];
    /** Steps before windowEnd are filed in the buckets; later ones wait for the next refill. */
    private long windowEnd = Long.MIN_VALUE;

    public SpikeCalendar() {
        for (int b = 0; b < WINDOW; b++) buckets[b] = new int[4];
    }

    /** Forgets what is filed (the next steps were drawn again): the next {@link #due} refills. */
    public void reset() {
        windowEnd = Long.MIN_VALUE;
    }

    /**
     * Writes the neurons whose next spike is {@code step} into {@code out}, ascending, and returns
     * how many. {@code next} holds every neuron's next spike step, none of them before {@code step}.
     */
    public int due(long step, long[] next, int[] out) {
        if (step >= windowEnd) refill(step, next);
        int b = (int) (step & MASK);
        int count = counts[b];
        if (count == 0) return 0;
        int[] due = buckets[b];
        if (count > 1) Arrays.sort(due, 0, count);
        System.arraycopy(due, 0, out, 0, count);
        counts[b] = 0;
        return count;
    }

    /** Neuron {@code i} drew {@code nextStep} (after the current step). */
    public void schedule(int i, long nextStep) {
        if (nextStep < windowEnd) file(i, nextStep);
    }

    private void refill(long step, long[] next) {
        Arrays.fill(counts, 0);
        windowEnd = step + WINDOW;
        for (int i = 0; i < next.length; i++) {
            if (next[i] < windowEnd) file(i, next[i]);
        }
    }

    private void file(int i, long step) {
        int b = (int) (step & MASK);
        int n = counts[b];
        if (n == buckets[b].length) buckets[b] = Arrays.copyOf(buckets[b], n * 2);
        buckets[b][n] = i;
        counts[b] = n + 1;
    }
}
