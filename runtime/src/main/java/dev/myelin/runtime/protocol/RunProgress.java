package dev.myelin.runtime.protocol;

import java.io.PrintStream;

/**
 * The progress line of one long {@code run} on stderr, when a terminal is watching: simulated time,
 * speed (simulated seconds per wall second) and the time left. Nothing is drawn during the first
 * second, so short runs (and the many short runs of a loop over samples) stay quiet; then the line
 * is redrawn at most every half second, and cleared when the run ends.
 */
public final class RunProgress {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out;
    private final double startTime;
    private final double duration;
    private final long started = System.nanoTime();
    private long drawn;
    private boolean visible;

    /** {@code out} null: nobody watches, nothing is drawn. */
    public RunProgress(PrintStream out, double startTime, double duration) {
        this.out = out;
        this.startTime = startTime;
        this.duration = duration;
    }

    /** The run has reached model time {@code time}. */
    public void at(double time) {
        if (out == null) return;
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - drawn < REDRAW_NANOS) return;
        drawn = now;
        visible = true;
        out.print("\r\033[K" + line(time - startTime, (now - started) / 1e9));
        out.flush();
    }

    /** The run ended (or failed): clears the line if one was drawn. */
    public void end() {
        if (out == null || !visible) return;
        out.print("\r\033[K");
        out.flush();
    }

    /** {@code run [#####...............] 2.5/10 s of model time  1.3 s/s  ETA 0:06}. */
    String line(double simulated, double seconds) {
        double speed = seconds > 0 ? simulated / seconds : 0;
        String eta = speed > 0 ? SampleLoop.clock((duration - simulated) / speed) : "?";
        return String.format(java.util.Locale.ROOT, "run %s %s/%s s of model time  %s s/s  ETA %s",
                SampleLoop.bar(duration > 0 ? simulated / duration : 1), compact(simulated, 4), compact(duration, 4), compact(speed, 3), eta);
    }

    /** {@code digits} significant digits without trailing zeros: 2.5, 10, 1.25. */
    private static String compact(double value, int digits) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
