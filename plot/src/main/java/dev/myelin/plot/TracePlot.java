package dev.myelin.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A state monitor's variable over time: one line per recorded neuron or synapse, the first
 * {@link #MAX_TRACES} of them, time in ms, values in the variable's unit when it is known.
 */
final class TracePlot {

    /** More lines than this are a tangle no one can follow. */
    static final int MAX_TRACES = 10;

    private TracePlot() {
    }

    static Figure draw(StateTraces traces, StateTraces.Variable variable, RecordedUnits units) {
        int rows = variable.rows();
        int shown = Math.min(rows, MAX_TRACES);
        DisplayUnit unit = DisplayUnit.forValues(units.of(traces.monitor(), variable.name()), variable.values().data());
        String which = rows <= MAX_TRACES ? rows + " recorded" : "first " + shown + " of " + rows + " recorded";
        Labels labels = new Labels(traces.monitor() + ": " + variable.name() + " (" + which + ")", "time (ms)",
                unit.label(variable.name()));
        XYChart chart = ChartStyle.xy(labels);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendVisible(shown > 1);
        double[] ms = new double[traces.seconds().length];
        for (int s = 0; s < ms.length; s++) ms[s] = traces.seconds()[s] * 1000;
        for (int k = 0; k < shown; k++) {
            double[] y = variable.row(k);
            for (int s = 0; s < y.length; s++) y[s] *= unit.perSi();
            MinMaxDecimation.Points points = MinMaxDecimation.reduce(ms, y);
            // "#k": the k-th recorded index, which is neuron k only for "record all".
            XYSeries series = chart.addSeries("#" + k, points.x(), points.y());
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(ChartStyle.LINE);
        }
        return new Figure(traces.monitor() + "_" + variable.name(), labels, chart);
    }
}
