package dev.myelin.runtime.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunProgressTest {

    @Test
    void theLineShowsModelTimeSpeedAndTimeLeft() {
        RunProgress run = new RunProgress(null, 5, 10);
        assertEquals("run [#####...............] 2.5/10 s of model time  1.25 s/s  ETA 0:06", run.line(2.5, 2));
        assertEquals("run [....................] 0/10 s of model time  0 s/s  ETA ?", run.line(0, 0));
    }

    /** A run shorter than a second draws nothing, so nothing needs clearing either. */
    @Test
    void aShortRunStaysQuiet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunProgress run = new RunProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0, 1);
        run.at(0.5);
        run.at(1);
        run.end();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
