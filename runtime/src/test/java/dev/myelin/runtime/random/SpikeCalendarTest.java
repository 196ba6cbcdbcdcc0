package dev.myelin.runtime.random;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikeCalendarTest {

    /** Against the scan it replaces: the same neurons in the same order, every step, over several windows. */
    @Test
    void givesEachStepTheNeuronsAScanWouldFindInIndexOrder() {
        Random random = new Random(11);
        int n = 300;
        long[] next = new long[n];
        for (int i = 0; i < n; i++) next[i] = i % 7 == 0 ? BernoulliGaps.NEVER : random.nextInt(3000);
        long[] scanned = next.clone();
        SpikeCalendar calendar = new SpikeCalendar();
        int[] out = new int[n];
        int total = 0;
        for (long step = 0; step < 5000; step++) {
            int[] expected = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (scanned[i] == step) {
                    expected[count++] = i;
                    scanned[i] = step + 1 + gap(i, step);
                }
            }
            int got = calendar.due(step, next, out);
            assertArrayEquals(Arrays.copyOf(expected, count), Arrays.copyOf(out, got), "step " + step);
            for (int k = 0; k < got; k++) {
                next[out[k]] = step + 1 + gap(out[k], step);
                calendar.schedule(out[k], next[out[k]]);
            }
            total += got;
            if (step == 2500) {
                for (int i = 0; i < n; i++) next[i] = scanned[i] = step + 1 + gap(i, step + 7);
                calendar.reset();
            }
        }
        assertTrue(total > 1000, "spikes: " + total);
    }

    /** Gaps from 0 to beyond the window, so some draws wait for a refill. */
    private static long gap(int i, long step) {
        return (i * 31 + step * 17) % 1500;
    }
}
