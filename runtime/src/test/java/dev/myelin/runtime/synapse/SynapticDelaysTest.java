package dev.myelin.runtime.synapse;

import dev.myelin.runtime.ModelError;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynapticDelaysTest {

    /** Neuron 0 has synapses 0..3, neuron 1 none, neuron 2 synapses 4..5. */
    private static final int[] START = {0, 4, 4, 6};
    private static final int[] SYNAPSES = {0, 1, 2, 3, 4, 5};

    @Test
    void groupsEachNeuronsSynapsesByDelayInSynapseOrder() {
        SynapticDelays d = new SynapticDelays("S pre");
        d.update(new double[] {2e-3, 1e-3, 2e-3, 1e-3, 5e-4, 5e-4}, 1e-4, START, SYNAPSES);
        assertArrayEquals(new int[] {0, 2, 2, 3}, d.sourceGroups());
        assertArrayEquals(new int[] {10, 20, 5}, d.groupDelays());
        assertArrayEquals(new int[] {0, 2, 4, 6}, d.groupStarts());
        assertArrayEquals(new int[] {1, 3, 0, 2, 4, 5}, d.sorted());
        assertEquals(5, d.min());
        assertEquals(20, d.max());
        assertFalse(d.homogeneous());
    }

    @Test
    void queueingByGroupsFillsTheSameBucketsInTheSameOrderAsOneByOne() {
        Random random = new Random(3);
        int neurons = 50, perNeuron = 40;
        int[] start = new int[neurons + 1];
        int[] synapses = new int[neurons * perNeuron];
        double[] delays = new double[synapses.length];
        for (int n = 0; n <= neurons; n++) start[n] = n * perNeuron;
        for (int k = 0; k < synapses.length; k++) {
            synapses[k] = k;
            delays[k] = random.nextInt(30) * 1e-4;
        }
        SynapticDelays d = new SynapticDelays("S pre");
        d.update(delays, 1e-4, start, synapses);
        SpikeQueue one = new SpikeQueue(), grouped = new SpikeQueue();
        one.ensureDelay(d.max());
        grouped.ensureDelay(d.max());
        for (int n : new int[] {7, 3, 7, 49, 0}) {
            for (int x = start[n]; x < start[n + 1]; x++) one.add(SynapticDelays.steps(delays[synapses[x]], 1e-4, "S pre"), synapses[x]);
            for (int g = d.sourceGroups()[n]; g < d.sourceGroups()[n + 1]; g++) {
                grouped.addAll(d.groupDelays()[g], d.sorted(), d.groupStarts()[g], d.groupStarts()[g + 1]);
            }
        }
        assertTrue(Arrays.deepEquals(one.pending(), grouped.pending()));
        assertEquals(5 * perNeuron, Arrays.stream(one.pending()).mapToInt(b -> b.length).sum());
    }

    @Test
    void rebuildsOnlyWhenTheDelaysChange() {
        SynapticDelays d = new SynapticDelays("S pre");
        double[] delays = {1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3};
        d.update(delays, 1e-4, START, SYNAPSES);
        int[] sorted = d.sorted();
        assertTrue(d.homogeneous());
        d.update(delays.clone(), 1e-4, START, SYNAPSES);
        assertSame(sorted, d.sorted());
        delays[5] = 0;
        d.update(delays, 1e-4, START, SYNAPSES);
        assertEquals(0, d.min());
        assertFalse(d.homogeneous());
    }

    @Test
    void aNegativeDelayIsRefused() {
        ModelError e = assertThrows(ModelError.class, () -> new SynapticDelays("S pre").update(new double[] {1e-3, -1e-3, 0, 0, 0, 0}, 1e-4, START, SYNAPSES));
        assertEquals("synapses S pre: a delay of -0.001 s is not a time from 0 to 2^28 steps", e.getMessage());
    }
}
