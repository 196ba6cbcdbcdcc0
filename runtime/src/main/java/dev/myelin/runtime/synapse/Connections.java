package dev.myelin.runtime.synapse;

import dev.myelin.runtime.ModelError;

import java.util.Arrays;

/**
 * The synapses of one synapses object: pre and post neuron indices in creation order (Brian2's
 * synapse numbering), plus CSR indexes from each source neuron and from each target neuron to its
 * synapses, in increasing synapse number. Indices are into the whole source and target groups.
 */
public final class Connections {

    private final String name;
    private final int sourceSize;
    private final int targetSize;
    private int[] pre = new int[1024];
    private int[] post = new int[1024];
    private int count;
    private int[] preStart;
    private int[] preSynapses;
    private int[] postStart;
    private int[] postSynapses;

    public Connections(String name, int sourceSize, int targetSize) {
        this.name = name;
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
    }

    /** Adds {@code n} synapses from source neuron {@code i} to target neuron {@code j}. */
    public void add(int i, int j, long n) {
        if (n < 0) throw new ModelError("synapses " + name + ": connect asked for " + n + " synapses between " + i + " and " + j);
        for (long k = 0; k < n; k++) {
            if (count == pre.length) {
                if (count == Integer.MAX_VALUE - 8) throw new ModelError("synapses " + name + ": more than " + count + " synapses");
                int grown = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * count);
                ensureHeap(2L * 4 * grown, i);
                pre = Arrays.copyOf(pre, grown);
                post = Arrays.copyOf(post, grown);
            }
            pre[count] = i;
            post[count] = j;
            count++;
        }
    }

    /**
     * Refuses, with what it would take, a growth the heap cannot hold, rather than fail with
     * OutOfMemoryError in the middle of connect. {@code source} is the source neuron being
     * connected, which tells how far connect has come (connect goes through them in order).
     */
    private void ensureHeap(long bytes, int source) {
        if (dev.myelin.runtime.HeapRoom.canHold(bytes)) return;
        double done = (source + 1.0) / sourceSize;
        long projected = (long) (count / done);
        if (projected > Integer.MAX_VALUE - 8) {
            throw new ModelError(String.format(java.util.Locale.ROOT,
                    "synapses %s: connect has made %,d synapses with %.0f%% of the source neurons done, so about %,d in all: more than the %,d"
                            + " one synapses object can hold; split it into several (by source slices) or make fewer synapses",
                    name, count, 100 * done, projected, Integer.MAX_VALUE - 8));
        }
        throw new ModelError(String.format(java.util.Locale.ROOT,
                "synapses %s: the Java heap (%s) is too small: connect has made %,d synapses with %.0f%% of the source neurons done, so about %,d in all,"
                        + " which need at least %s (16 bytes each for the indices, 8 more per synapse variable). Run Java with a larger heap"
                        + " (-Xmx; with ./myelin: MYELIN_JAVA_OPTS=-Xmx%dg) or make fewer synapses",
                name, dev.myelin.runtime.HeapRoom.limit(), count, 100 * done, projected, dev.myelin.runtime.HeapRoom.gigabytes(16L * projected),
                Math.max(2, (long) Math.ceil((16.0 * projected + Runtime.getRuntime().maxMemory()) / (1L << 30)))));
    }

    /** Builds the indexes once every connect has run. */
    public void finish() {
        pre = Arrays.copyOf(pre, count);
        post = Arrays.copyOf(post, count);
        preStart = new int[sourceSize + 1];
        preSynapses = index(pre, sourceSize, preStart);
        postStart = new int[targetSize + 1];
        postSynapses = index(post, targetSize, postStart);
    }

    /** A counting sort of synapse numbers by neuron: stable, so each neuron's synapses stay in creation order. */
    private int[] index(int[] neuron, int size, int[] start) {
        for (int s = 0; s < count; s++) start[neuron[s] + 1]++;
        for (int k = 0; k < size; k++) start[k + 1] += start[k];
        int[] fill = Arrays.copyOf(start, size);
        int[] out = new int[count];
        for (int s = 0; s < count; s++) out[fill[neuron[s]]++] = s;
        return out;
    }

    public int size() {
        return count;
    }

    public int[] pre() {
        return pre;
    }

    public int[] post() {
        return post;
    }

    public int[] preStart() {
        return preStart;
    }

    public int[] preSynapses() {
        return preSynapses;
    }

    /**
     * Whether the synapses are numbered in the order of their source neurons ({@link #preSynapses()}
     * is 0, 1, 2, ...), as every {@code connect} that creates them source by source leaves them: a
     * spike's synapses are then the numbers preStart[i] to preStart[i + 1], read without the index.
     */
    public boolean inPreOrder() {
        return isIdentity(preSynapses);
    }

    /** The same for target neurons ({@link #postSynapses()} is 0, 1, 2, ...). */
    public boolean inPostOrder() {
        return isIdentity(postSynapses);
    }

    private static boolean isIdentity(int[] order) {
        for (int k = 0; k < order.length; k++) if (order[k] != k) return false;
        return true;
    }

    public int[] postStart() {
        return postStart;
    }

    public int[] postSynapses() {
        return postSynapses;
    }

    /** Synapses per target neuron (Brian2's N_incoming, indexed by the target neuron). */
    public int[] incoming() {
        int[] out = new int[targetSize];
        for (int k = 0; k < targetSize; k++) out[k] = postStart[k + 1] - postStart[k];
        return out;
    }

    /** Synapses per source neuron (N_outgoing). */
    public int[] outgoing() {
        int[] out = new int[sourceSize];
        for (int k = 0; k < sourceSize; k++) out[k] = preStart[k + 1] - preStart[k];
        return out;
    }

    /** The error for a j (or i) outside its group, as Brian2 reports it unless skip_if_invalid is set. */
    public ModelError invalidIndex(String which, long value, long i, long size) {
        return new ModelError("synapses " + name + ": connect produced " + which + " = " + value + " for i = " + i + ", outside 0.." + (size - 1)
                + "; add skip_if_invalid = true to connect to skip such pairs");
    }

    /** Reads an NPY file of integer indices (connect's i or j). */
    public static int[] indicesFromNpy(java.nio.file.Path file) {
        try {
            return dev.myelin.runtime.io.NpyReader.read(file).asInts();
        } catch (java.io.IOException e) {
            throw new dev.myelin.runtime.ModelError("cannot read indices from " + file + ": " + e.getMessage());
        }
    }

}
