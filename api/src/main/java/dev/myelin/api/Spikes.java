package dev.myelin.api;

/** A spike monitor's spikes in time order: neuron {@code i[k]} fired at {@code t[k]} seconds. */
public record Spikes(int[] i, double[] t) {

    public int count() {
        return i.length;
    }
}
