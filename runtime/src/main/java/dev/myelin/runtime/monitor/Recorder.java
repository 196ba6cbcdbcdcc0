package dev.myelin.runtime.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Something recorded during a run, written as NPY files named after the monitor. */
public interface Recorder {

    String name();

    /** Writes this recorder's files into {@code dir}; returns the file names written. */
    List<String> write(Path dir, double dt) throws IOException;
}
