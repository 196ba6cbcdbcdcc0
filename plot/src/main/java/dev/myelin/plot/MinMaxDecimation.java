package dev.myelin.plot;

/**
 * Fewer points for a long line, keeping what the eye sees: the samples are cut into buckets and
 * each bucket keeps its lowest and highest point, in time order, so spikes in a voltage trace stay
 * as tall as they are. A figure cannot show more points than it has pixels across, and every point
 * drawn costs size in an SVG.
 */
final class MinMaxDecimation {

    /** Points kept at most: two per bucket, one bucket per pixel column of a figure's plot area. */
    static final int MAX_POINTS = 1600;

    record Points(double[] x, double[] y) {
    }

    private MinMaxDecimation() {
    }

    static Points reduce(double[] x, double[] y) {
        int n = x.length;
        if (n <= MAX_POINTS) return new Points(x, y);
        int buckets = MAX_POINTS / 2;
        double[] outX = new double[2 * buckets];
        double[] outY = new double[2 * buckets];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int k = from; k < to; k++) {
                if (y[k] < y[lo] || Double.isNaN(y[lo])) lo = k;
                if (y[k] > y[hi] || Double.isNaN(y[hi])) hi = k;
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            outX[m] = x[first];
            outY[m++] = y[first];
            if (second != first) {
                outX[m] = x[second];
                outY[m++] = y[second];
            }
        }
        return new Points(java.util.Arrays.copyOf(outX, m), java.util.Arrays.copyOf(outY, m));
    }
}
