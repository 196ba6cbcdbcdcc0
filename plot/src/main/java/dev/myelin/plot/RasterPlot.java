package dev.myelin.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/** A spike raster: one dot per spike, time in ms across, neuron index up. */
final class RasterPlot {

    /**
     * Spikes drawn at most. Past that a raster is a solid block anyway, and each dot is a shape in
     * an SVG; the figure then shows the first part of the run, and its title says how much.
     */
    static final int MAX_SPIKES = 20_000;

    private RasterPlot() {
    }

    /** {@code duration}: the simulated time in seconds, which the time axis spans. */
    static Figure draw(SpikeEvents spikes, double duration) {
        int total = spikes.seconds().length;
        int shown = Math.min(total, MAX_SPIKES);
        double[] t = new double[shown];
        double[] i = new double[shown];
        for (int k = 0; k < shown; k++) {
            t[k] = spikes.seconds()[k] * 1000;
            i[k] = spikes.neurons()[k];
        }
        int neurons = spikes.neuronCount();
        String what = total + (total == 1 ? " spike" : " spikes") + " of " + neurons + (neurons == 1 ? " neuron" : " neurons");
        if (shown < total) {
            what = "first " + NiceInterval.describe(spikes.seconds()[shown - 1]) + ": " + shown + " of " + total + " spikes";
        }
        Labels labels = new Labels(spikes.monitor() + ": spike raster (" + what + ")", "time (ms)", "neuron index");
        XYChart chart = ChartStyle.xy(labels);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(shown > 5000 ? 2 : 4);
        chart.getStyler().setXAxisMin(0.0);
        double end = shown < total ? t[shown - 1] : Math.max(duration * 1000, t.length == 0 ? 0 : t[t.length - 1]);
        if (end > 0) chart.getStyler().setXAxisMax(end);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(Math.max(neurons, 1) - 0.5);
        // Neuron indices are whole numbers; no 2.5 on the axis.
        chart.getStyler().setYAxisDecimalPattern("#");
        XYSeries series = chart.addSeries("spikes", t, i);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(new Color(20, 20, 20));
        return new Figure(spikes.monitor() + "_raster", labels, chart);
    }
}
