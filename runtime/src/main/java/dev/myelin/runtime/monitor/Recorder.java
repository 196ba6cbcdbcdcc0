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

    /** How much has been recorded so far: a mark for {@link #truncate}. */
    int mark();

    /** Forgets what was recorded after {@code mark} (a restore to an earlier state, as Brian2's restore does to monitors). */
    void truncate(int mark);

    /** Writes this recorder's files into {@code dir}; returns the file names written. */
    List<String> write(Path dir, double dt) throws IOException;
}
