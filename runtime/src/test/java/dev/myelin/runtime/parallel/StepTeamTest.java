package dev.myelin.runtime.parallel;

import dev.myelin.runtime.GeneratedNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StepTeamTest {

    /** A stand-in for a generated network: part 0 marks its range, part 1 "spikes" every third index. */
    private static final class Parts extends GeneratedNetwork {
        final int[] owner;
        final int[] spikes;

        Parts(int n) {
            super(null);
            owner = new int[n];
            spikes = new int[n];
        }

        @Override
        public int runPart(int part, int worker, int lo, int hi, long step, double t) {
            if (part == 0) {
                for (int i = lo; i < hi; i++) owner[i] = worker + 1;
                return 0;
            }
            if (part == 2) throw new IllegalArgumentException("part 2 fails on worker " + worker);
            int count = lo;
            for (int i = lo; i < hi; i++) if (i % 3 == 0) spikes[count++] = i;
            return count - lo;
        }

        @Override public double dt() { return 1e-4; }
        @Override public void advance(long from, long to) { }
        @Override public void setup() { }
        @Override public void protocol() { }
        @Override public Object[] captureState() { return new Object[0]; }
        @Override public void restoreState(Object[] state) { }
        @Override public String[] stateNames() { return new String[0]; }
        @Override public double[] doubleVariable(String group, String variable) { return null; }
    }

    @Test
    void rangesCoverTheGroupOnceInOrderWithBoundsAtMultiplesOf64() {
        try (StepTeam team = new StepTeam(3)) {
            assertEquals(0, team.start(0, 10000));
            assertEquals(3392, team.start(1, 10000)); // ceil(10000 / 3) = 3334, rounded up to 64
            assertEquals(6784, team.start(2, 10000));
            assertEquals(10000, team.start(3, 10000));
            assertEquals(64, team.start(1, 100)); // a small group: the last thread gets less, or nothing
            assertEquals(100, team.start(2, 100));
            Parts net = new Parts(10000);
            team.run(net, 0, 10000, 0, 0);
            for (int i = 0; i < 10000; i++) assertEquals(i < 3392 ? 1 : i < 6784 ? 2 : 3, net.owner[i], "index " + i);
        }
    }

    @Test
    void spikesOfAllThreadsEndUpInOrderOfIndexAsOneThreadWritesThem() {
        int n = 9999;
        int[] expected = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 == 0).toArray();
        for (int threads = 2; threads <= 4; threads++) {
            try (StepTeam team = new StepTeam(threads)) {
                Parts net = new Parts(n);
                for (int step = 0; step < 100; step++) {
                    int count = team.spikes(net, 1, n, step, 0, net.spikes);
                    assertArrayEquals(expected, java.util.Arrays.copyOf(net.spikes, count), threads + " threads, step " + step);
                }
            }
        }
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        try (StepTeam team = new StepTeam(2)) {
            Parts net = new Parts(5000);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.run(net, 2, 5000, 0, 0));
            assertEquals("part 2 fails on worker 0", e.getMessage());
            team.run(net, 0, 5000, 0, 0); // the team still works after a failure
            assertEquals(2, net.owner[4999]);
        }
    }
}
