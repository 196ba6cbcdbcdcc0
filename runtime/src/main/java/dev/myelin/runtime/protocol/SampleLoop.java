package dev.myelin.runtime.protocol;

import java.io.PrintStream;

/**
 * One pass of a protocol loop over data-set samples ({@code for sample in mnist[0:3000]}): counts
 * the samples and the wall time for the results, and, when a terminal is watching, keeps a
 * progress line on stderr with the rate and the time left. The line is redrawn at most every
 * half second, so it costs nothing next to a sample.
 */
public final class SampleLoop {

    /** What the results call the loop's purpose: learning, labelling the neurons, or testing. */
    public enum Role { TRAIN, OBSERVE, TEST }

    /** A finished loop: how many samples it ran and how long that took. */
    public record Timing(String label, Role role, int samples, double seconds) {
        public double secondsPerSample() {
            return samples == 0 ? 0 : seconds / samples;
        }
    }

    private static final long REDRAW_NANOS = 500_000_000L;

    private final String label;
    private final Role role;
    private final int total;
    private final PrintStream progress;
    private final long started = System.nanoTime();
    private long drawn = started;
    private int done;

    /** {@code progress} is null when nobody watches (output to a file or a pipe). */
    public SampleLoop(String label, Role role, int total, PrintStream progress) {
        this.label = label;
        this.role = role;
        this.total = total;
        this.progress = progress;
    }

    /** A sample is done. */
    public void next() {
        done++;
        if (progress == null) return;
        long now = System.nanoTime();
        if (now - drawn < REDRAW_NANOS && done < total) return;
        drawn = now;
        progress.print("\r\033[K" + line(done, total, (now - started) / 1e9));
        progress.flush();
    }

    /** The loop ended: clears the progress line and gives the timing. */
    public Timing end() {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (progress != null) {
            progress.print("\r\033[K");
            progress.flush();
        }
        return new Timing(label, role, done, seconds);
    }

    /** Clears the progress line so that other output starts on a clean line (the next sample redraws it). */
    public void clear() {
        if (progress == null) return;
        progress.print("\r\033[K");
        progress.flush();
        drawn = 0;
    }

    /** {@code mnist[0:3000] [#####.....] 1234/3000  25.1 samples/s  ETA 1:10}. */
    String line(int done, int total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(java.util.Locale.ROOT, "%s %s %d/%d  %.1f samples/s  ETA %s", label, bar(total == 0 ? 1 : (double) done / total),
                done, total, rate, eta);
    }

    /** {@code [#####...............]} for a fraction done from 0 to 1. */
    static String bar(double fraction) {
        int width = 20;
        int filled = (int) (width * Math.max(0, Math.min(1, fraction)));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** h:mm:ss or m:ss. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
