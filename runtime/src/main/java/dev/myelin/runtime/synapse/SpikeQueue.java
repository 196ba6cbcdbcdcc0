package dev.myelin.runtime.synapse;

import java.util.Arrays;

/**
 * Events waiting for their delay: a ring of per-step buckets of ints (source neurons when every
 * synapse of a pathway has the same delay, synapse numbers otherwise). Each step the pathway adds
 * this step's events at their delays, processes the current bucket, then advances. A bucket keeps
 * the order events were added, which is Brian2's processing order. No objects per event.
 */
public final class SpikeQueue {

    private int[][] buckets = new int[1][16];
    private int[] counts = new int[1];
    private int head;

    /** Makes room for delays up to {@code maxDelay} steps, keeping events in flight. */
    public void ensureDelay(int maxDelay) {
        if (maxDelay < buckets.length) return;
        int size = Integer.highestOneBit(maxDelay) * 2;
        int[][] grown = new int[size][];
        int[] grownCounts = new int[size];
        for (int k = 0; k < size; k++) {
            if (k < buckets.length) {
                grown[k] = buckets[(head + k) % buckets.length];
                grownCounts[k] = counts[(head + k) % buckets.length];
            } else {
                grown[k] = new int[16];
            }
        }
        buckets = grown;
        counts = grownCounts;
        head = 0;
    }

    /** Adds an event {@code delay} steps from now (0: this step); {@code delay} must be within ensureDelay's bound. */
    public void add(int delay, int event) {
        int slot = (head + delay) & (buckets.length - 1);
        int[] bucket = buckets[slot];
        int n = counts[slot];
        if (n == bucket.length) {
            bucket = Arrays.copyOf(bucket, n * 2);
            buckets[slot] = bucket;
        }
        bucket[n] = event;
        counts[slot] = n + 1;
    }

    /** Adds {@code events[from..to)} {@code delay} steps from now, in order (as many {@link #add} calls). */
    public void addAll(int delay, int[] events, int from, int to) {
        int slot = (head + delay) & (buckets.length - 1);
        int[] bucket = buckets[slot];
        int n = counts[slot];
        int size = to - from;
        if (n + size > bucket.length) {
            bucket = Arrays.copyOf(bucket, Math.max(n * 2, n + size));
            buckets[slot] = bucket;
        }
        for (int k = 0; k < size; k++) bucket[n + k] = events[from + k];
        counts[slot] = n + size;
    }

    /** This step's events; valid until {@link #advance()}. */
    public int[] current() {
        return buckets[head];
    }

    public int currentCount() {
        return counts[head];
    }

    public void advance() {
        counts[head] = 0;
        head = (head + 1) & (buckets.length - 1);
    }

    /** A copy of the events in flight, for store(). */
    public SpikeQueue copy() {
        SpikeQueue out = new SpikeQueue();
        out.buckets = new int[buckets.length][];
        for (int k = 0; k < buckets.length; k++) out.buckets[k] = Arrays.copyOf(buckets[k], Math.max(counts[k], 16));
        out.counts = counts.clone();
        out.head = head;
        return out;
    }

    /** Replaces the events in flight with those of {@code stored}, for restore(). */
    public void restore(SpikeQueue stored) {
        SpikeQueue copy = stored.copy();
        buckets = copy.buckets;
        counts = copy.counts;
        head = copy.head;
    }

    /** The events in flight by steps from now (entry d: due in d steps), for a checkpoint file. */
    public int[][] pending() {
        int[][] out = new int[buckets.length][];
        for (int d = 0; d < buckets.length; d++) {
            int slot = (head + d) & (buckets.length - 1);
            out[d] = Arrays.copyOf(buckets[slot], counts[slot]);
        }
        return out;
    }

    /** A queue holding {@code pending} (as {@link #pending()} gives it); its length must be a power of two. */
    public static SpikeQueue ofPending(int[][] pending) {
        if (Integer.bitCount(pending.length) != 1) throw new IllegalArgumentException("a queue's length is a power of two, not " + pending.length);
        SpikeQueue out = new SpikeQueue();
        out.buckets = new int[pending.length][];
        out.counts = new int[pending.length];
        for (int d = 0; d < pending.length; d++) {
            out.buckets[d] = Arrays.copyOf(pending[d], Math.max(pending[d].length, 16));
            out.counts[d] = pending[d].length;
        }
        return out;
    }

    /** Whether any event is waiting (for tests and store/restore). */
    public boolean isEmpty() {
        for (int c : counts) if (c != 0) return false;
        return true;
    }
}
