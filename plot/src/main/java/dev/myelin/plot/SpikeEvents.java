package dev.myelin.plot;

/**
 * A spike or event monitor's record: neuron index (relative to the monitored slice) and time in
 * seconds of each spike, in time order.
 */
record SpikeEvents(String monitor, int[] neurons, double[] seconds) implements Recording {

    /**
     * How many neurons the monitor watched, as far as the files tell: the manifest does not record
     * the group size, so a neuron above the highest one that spiked is not counted.
     */
    int neuronCount() {
        int max = -1;
        for (int n : neurons) max = Math.max(max, n);
        return max + 1;
    }
}
