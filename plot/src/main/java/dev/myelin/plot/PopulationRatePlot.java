package dev.myelin.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * A rate monitor's population rate over time. The per-step rate (spikes / (N dt)) jumps between
 * 0 and 1/(N dt), so it is shown smoothed with a flat window of about a hundredth of the run
 * (Brian2's {@code smooth_rate(window='flat')}); the title gives the window's width.
 */
final class PopulationRatePlot {

    private static final int TARGET_WINDOWS = 100;

    private PopulationRatePlot() {
    }

    static Figure draw(PopulationRate rate, double dt) {
        double[] t = rate.seconds();
        double step = dt > 0 ? dt : t.length > 1 ? t[1] - t[0] : 0;
        double span = t.length == 0 ? 0 : t[t.length - 1] - t[0] + step;
        double window = step > 0 ? NiceInterval.atLeast(Math.max(span / TARGET_WINDOWS, step)) : 0;
        int width = step > 0 ? (int) Math.round(window / step) : 1;
        double[] smooth = width > 1 ? flatWindow(rate.hertz(), width) : rate.hertz();
        String how = width > 1 ? "smoothed over " + NiceInterval.describe(window) : "per time step";
        Labels labels = new Labels(rate.monitor() + ": population rate (" + how + ")", "time (ms)", "rate (Hz)");
        XYChart chart = ChartStyle.xy(labels);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        double[] ms = new double[t.length];
        for (int s = 0; s < t.length; s++) ms[s] = t[s] * 1000;
        MinMaxDecimation.Points points = MinMaxDecimation.reduce(ms, smooth);
        XYSeries series = chart.addSeries("rate", points.x(), points.y());
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(ChartStyle.LINE);
        series.setLineColor(new Color(31, 119, 180));
        return new Figure(rate.monitor() + "_rate", labels, chart);
    }

    /** The mean over {@code width} samples centred on each one; at the ends, over the samples there are. */
    static double[] flatWindow(double[] values, int width) {
        double[] prefix = new double[values.length + 1];
        for (int k = 0; k < values.length; k++) prefix[k + 1] = prefix[k] + values[k];
        double[] out = new double[values.length];
        int before = width / 2;
        int after = width - 1 - before;
        for (int k = 0; k < values.length; k++) {
            int from = Math.max(0, k - before);
            int to = Math.min(values.length, k + after + 1);
            out[k] = (prefix[to] - prefix[from]) / (to - from);
        }
        return out;
    }
}
