package dev.myelin.runtime.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Something recorded during a run, written as NPY files named after the monitor. */
public interface Recorder {

    String name();

    /** Called when a run starts. */
    default void beginRun() {
    }

    /**
     * How many bytes of heap this recorder must add to record over steps [from, to) (0 when what
     * it holds has room, or when it does not know: a spike monitor).
     */
    default long bytesToRecord(long from, long to) {
        return 0;
    }

    /** Makes the room {@link #bytesToRecord} counted, so the run does not grow the recording as it goes. */
    default void reserve(long from, long to) {
    }

    /**
     * The capacity a recording needs to hold {@code needed} entries: {@code capacity} when that
     * is enough, else at least double it, so a loop of short runs grows it a logarithmic number of times.
     */
    static long grownCapacity(long needed, int capacity) {
        return needed <= capacity ? capacity : Math.max(needed, 2L * capacity);
    }

    /** How much has been recorded so far: a mark for {@link #truncate}. */
    int mark();

    /** Forgets what was recorded after {@code mark} (a restore to an earlier state, as Brian2's restore does to monitors). */
    void truncate(int mark);

    /** Writes this recorder's files into {@code dir}; returns the file names written. */
    List<String> write(Path dir, double dt) throws IOException;
}
