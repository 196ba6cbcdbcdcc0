package dev.myelin.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * The population rate of a spike monitor: spikes per bin / (N * bin width), in Hz, over the
 * simulated time. About a hundred bins of a round width, never narrower than a time step.
 */
final class SpikeRatePlot {

    private static final int TARGET_BINS = 100;

    private SpikeRatePlot() {
    }

    static Figure draw(SpikeEvents spikes, double duration, double dt) {
        double[] t = spikes.seconds();
        double end = duration;
        for (double s : t) end = Math.max(end, s + dt);
        double width = NiceInterval.atLeast(Math.max(end / TARGET_BINS, dt > 0 ? dt : 1e-4));
        int bins = Math.max(1, (int) Math.ceil(end / width - 1e-9));
        BinCounts counts = BinCounts.of(t, 0, bins * width, bins);
        int n = spikes.neuronCount();
        Labels labels = new Labels(spikes.monitor() + ": population rate (N = " + n + ", " + NiceInterval.describe(width) + " bins)",
                "time (ms)", "rate (Hz)");
        XYChart chart = ChartStyle.xy(labels);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(bins * width * 1000);
        chart.getStyler().setYAxisMin(0.0);
        XYSeries series = chart.addSeries("rate", counts.stepX(1000), counts.stepY(1.0 / (n * width)));
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(ChartStyle.LINE);
        series.setLineColor(new Color(31, 119, 180));
        return new Figure(spikes.monitor() + "_rate", labels, chart);
    }
}
