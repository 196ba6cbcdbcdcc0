package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * The distribution of a saved one-dimensional value (final synaptic weights, thresholds...): how
 * many elements fall in each of up to {@link #MAX_BINS} equal bins between the smallest and the
 * largest value.
 */
final class ValueHistogram {

    static final int MAX_BINS = 50;

    private ValueHistogram() {
    }

    static Figure draw(String name, NpyArray values) {
        double[] v = values.data();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double x : v) {
            if (!Double.isFinite(x)) continue;
            low = Math.min(low, x);
            high = Math.max(high, x);
            finite++;
        }
        if (finite == 0) {
            low = 0;
            high = 1;
        } else if (low == high) {
            // All equal (weights that never changed): one bar, centred.
            double half = low == 0 ? 0.5 : Math.abs(low) * 0.05;
            low -= half;
            high += half;
        }
        int bins = Math.max(1, Math.min(MAX_BINS, (int) Math.ceil(Math.sqrt(finite))));
        BinCounts counts = BinCounts.of(v, low, high, bins);
        Labels labels = new Labels(name + ": distribution of " + v.length + " saved values",
                name + " (as saved: SI unless divided by a unit)", "count");
        XYChart chart = ChartStyle.xy(labels);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        chart.getStyler().setYAxisMin(0.0);
        XYSeries series = chart.addSeries(name, counts.stepX(1), counts.stepY(1));
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(ChartStyle.LINE);
        series.setLineColor(new Color(31, 119, 180));
        series.setFillColor(new Color(31, 119, 180, 120));
        return new Figure(name + "_histogram", labels, chart);
    }
}
