package dev.myelin.runtime.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleLoopTest {

    @Test
    void theProgressLineShowsCountRateAndTimeLeft() {
        SampleLoop loop = new SampleLoop("mnist[0:3000]", SampleLoop.Role.TRAIN, 3000, null);
        assertEquals("mnist[0:3000] [########............] 1200/3000  40.0 samples/s  ETA 0:45", loop.line(1200, 3000, 30));
        assertEquals("mnist[0:3000] [....................] 0/3000  0.0 samples/s  ETA ?", loop.line(0, 3000, 0));
        assertEquals("1:01:40", SampleLoop.clock(3700));
        assertEquals("0:09", SampleLoop.clock(9.4));
    }

    @Test
    void withoutATerminalNothingIsDrawnAndTheTimingCountsSamples() {
        SampleLoop loop = new SampleLoop("digits[8000:8003]", SampleLoop.Role.TEST, 3, null);
        loop.next();
        loop.next();
        SampleLoop.Timing t = loop.end();
        assertEquals("digits[8000:8003]", t.label());
        assertEquals(SampleLoop.Role.TEST, t.role());
        assertEquals(2, t.samples());
        assertTrue(t.seconds() >= 0 && t.secondsPerSample() == t.seconds() / 2);
    }

    @Test
    void onATerminalTheLastSampleDrawsTheLineAndTheEndClearsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SampleLoop loop = new SampleLoop("d[0:1]", SampleLoop.Role.OBSERVE, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        loop.next();
        loop.end();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\r\033[Kd[0:1] [####################] 1/1  "), out);
        assertTrue(out.endsWith("\r\033[K"), out);
    }
}
