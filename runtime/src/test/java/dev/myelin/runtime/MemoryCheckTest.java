package dev.myelin.runtime;

import dev.myelin.runtime.monitor.RateRecorder;
import dev.myelin.runtime.monitor.Recorder;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The memory a model needs, against a made-up heap: exact notes and refusals. */
class MemoryCheckTest {

    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    /** A heap of {@code limit} bytes with {@code inUse} in use, on a machine with {@code machine} bytes. */
    private record FakeHeap(long limit, long inUse, long machine) implements MemoryCheck.Heap {
        @Override
        public long inUse(boolean collect) {
            return inUse;
        }
    }

    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();

    private MemoryCheck check(long limit, long inUse, long machine) {
        return new MemoryCheck(new FakeHeap(limit, inUse, machine), new PrintStream(notes, true, StandardCharsets.UTF_8));
    }

    private String notes() {
        return notes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void smallGroupsAreNeitherNotedNorRefused() {
        check(8 * GB, 100 * MB, 32 * GB).groups(List.of(new MemoryCheck.Group("exc", 400, 60)));
        assertEquals("", notes());
    }

    @Test
    void largeGroupsAreNoted() {
        check(8 * GB, 100 * MB, 32 * GB).groups(List.of(new MemoryCheck.Group("P", 30_000_000, 44), new MemoryCheck.Group("Q", 10, 8)));
        assertEquals("memory: the neuron groups need about 1.2 GB of the Java heap's 8.0 GB: P: 30,000,000 neurons × 44 bytes; Q: 10 neurons × 8 bytes\n",
                notes().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void groupsTooLargeForTheHeapAreRefusedWithTheHeapToAskFor() {
        ModelError e = assertThrows(ModelError.class, () -> check(4 * GB, 100 * MB, 32 * GB)
                .groups(List.of(new MemoryCheck.Group("P", 100_000_000, 44))));
        assertEquals("the neuron groups need about 4.1 GB (P: 100,000,000 neurons × 44 bytes), more than the Java heap (4.0 GB) can hold:"
                + " run Java with a larger heap (-Xmx6g; with ./myelin: MYELIN_JAVA_OPTS=-Xmx6g), or make the groups smaller", e.getMessage());
    }

    @Test
    void groupsTooLargeForTheMachineSayNotToAskForMoreHeap() {
        ModelError e = assertThrows(ModelError.class, () -> check(4 * GB, 100 * MB, 16 * GB)
                .groups(List.of(new MemoryCheck.Group("P", 1_000_000_000, 44))));
        assertEquals("the neuron groups need about 41.0 GB (P: 1,000,000,000 neurons × 44 bytes), more than this machine's memory (16.0 GB):"
                + " make the groups smaller", e.getMessage());
    }

    @Test
    void aRunWhoseMonitorCannotFitIsRefusedBeforeItStarts() {
        StateRecorder m = new StateRecorder("m", new String[] {"v"}, new int[1000], 1);
        ModelError e = assertThrows(ModelError.class, () -> check(4 * GB, 100 * MB, 32 * GB).beforeRun(0, 1_000_000, List.of(m)));
        assertEquals("this run (1,000,000 steps) needs about 7.6 GB (100 MB in use now, 7.5 GB more for monitor m), more than the Java heap"
                + " (4.0 GB) can hold: run Java with a larger heap (-Xmx10g; with ./myelin: MYELIN_JAVA_OPTS=-Xmx10g), or record fewer values"
                + " (record [...]), less often (dt ...), or to disk ('to disk' after the monitor)", e.getMessage());
        assertEquals(0, m.samples());
    }

    @Test
    void aLargeRunIsNotedOnceAndItsMonitorReservedExactly() {
        StateRecorder m = new StateRecorder("m", new String[] {"v", "w"}, new int[100], 10);
        MemoryCheck check = check(2 * GB, 1000 * MB, 32 * GB);
        check.beforeRun(0, 1_000_000, List.of(m));
        // 100,000 samples of 2 × 100 doubles and a step each: 154 MB.
        assertEquals("memory: this run (1,000,000 steps) needs about 1.1 GB of the Java heap's 2.0 GB: 1000 MB in use now, 154 MB more for monitor m\n",
                notes().replace(System.lineSeparator(), "\n"));
        for (long step = 0; step < 1_000_000; step += 10) m.begin(step);
        assertEquals(100_000, m.samples());
        assertEquals(200_000L * (8 + 2 * 100 * 8), m.bytesToRecord(1_000_000, 1_000_010), "room for the run exactly; one sample more doubles it");
        check.beforeRun(1_000_000, 1_000_010, List.of(m));
        assertEquals(1, notes().lines().count(), "noted again only at twice the need");
    }

    @Test
    void aLoopOfShortRunsGrowsTheRecordingByDoublingAndChecksNothingInBetween() {
        RateRecorder rate = new RateRecorder("r", 10);
        MemoryCheck check = check(8 * GB, 100 * MB, 32 * GB);
        List<Recorder> recorders = List.of(rate);
        long grown = 0;
        for (long step = 0; step < 100 * 1000; step += 1000) {
            if (rate.bytesToRecord(step, step + 1000) > 0) grown++;
            check.beforeRun(step, step + 1000, recorders);
            for (long s = step; s < step + 1000; s++) rate.record(s, 0);
        }
        assertEquals(7, grown, "1024 → 2048 → ... → 131072 counts");
        assertEquals("", notes());
    }

    @Test
    void aMonitorToDiskNeedsNoHeap() {
        StateRecorder m = new StateRecorder("m", new String[] {"v"}, new int[1000], 1, () -> java.nio.file.Path.of("."));
        assertEquals(0, m.bytesToRecord(0, 1_000_000_000L));
    }
}
