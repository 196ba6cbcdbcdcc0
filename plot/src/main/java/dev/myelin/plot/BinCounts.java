package dev.myelin.plot;

/**
 * Counts of values in equal bins from {@code low} to {@code high}: the data of a histogram. Values
 * outside the range are not counted; the last bin includes {@code high}.
 */
record BinCounts(double low, double high, double[] counts) {

    static BinCounts of(double[] values, double low, double high, int bins) {
        double[] counts = new double[bins];
        double width = (high - low) / bins;
        for (double v : values) {
            if (!(v >= low && v <= high)) continue;
            int bin = (int) ((v - low) / width);
            counts[Math.min(bin, bins - 1)]++;
        }
        return new BinCounts(low, high, counts);
    }

    double width() {
        return (high - low) / counts.length;
    }

    /** x of a step line through the bins: every bin edge, the last one included. */
    double[] stepX(double scale) {
        double[] x = new double[counts.length + 1];
        for (int k = 0; k <= counts.length; k++) x[k] = (low + k * width()) * scale;
        return x;
    }

    /** y of that step line: each bin's count times {@code scale}, the last one repeated to close the step. */
    double[] stepY(double scale) {
        double[] y = new double[counts.length + 1];
        for (int k = 0; k < counts.length; k++) y[k] = counts[k] * scale;
        y[counts.length] = counts.length == 0 ? 0 : y[counts.length - 1];
        return y;
    }
}
