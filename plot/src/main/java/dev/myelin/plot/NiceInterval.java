package dev.myelin.plot;

/**
 * Round widths for bins and smoothing windows: 1, 2 or 5 times a power of ten, so that a title
 * can say "2 ms bins" rather than "1.7343 ms bins".
 */
final class NiceInterval {

    private NiceInterval() {
    }

    /** The smallest 1, 2, 5 x 10^k not below {@code width} (which must be positive). */
    static double atLeast(double width) {
        double decade = Math.pow(10, Math.floor(Math.log10(width)));
        for (double step : new double[] {1, 2, 5, 10}) {
            // The tolerance keeps 0.002 from becoming 0.005 through rounding in log10 and pow.
            if (step * decade >= width * (1 - 1e-9)) return step * decade;
        }
        return 10 * decade;
    }

    /** A duration in seconds as a short text in ms or s: {@code 2 ms}, {@code 0.5 ms}, {@code 10 s}. */
    static String describe(double seconds) {
        if (seconds >= 1) return trim(seconds) + " s";
        return trim(seconds * 1000) + " ms";
    }

    private static String trim(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.6g", value);
        if (text.contains("e") || !text.contains(".")) return text;
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
