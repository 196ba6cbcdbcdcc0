package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A saved table read as curves, {@code save NAME = x, y1, y2, ...}: column 0 across, one line per
 * further column. Drawn (beside the heat map) only when the table looks like a sampled function:
 * column 0 strictly increasing and finite, at least {@link #MIN_ROWS} rows, at most
 * {@link #MAX_CURVES} curves. Synapse tables ({@code S.i, S.j, S.w}) repeat their first column,
 * so they keep their heat map alone.
 */
final class SavedCurvesPlot {

    static final int MIN_ROWS = 3;
    /** One colour each from the ten of the palette. */
    static final int MAX_CURVES = 10;

    private SavedCurvesPlot() {
    }

    static boolean applies(NpyArray matrix) {
        int[] shape = matrix.shape();
        if (shape.length != 2 || shape[0] < MIN_ROWS || shape[1] < 2 || shape[1] - 1 > MAX_CURVES) return false;
        double[] data = matrix.data();
        int cols = shape[1];
        for (int r = 0; r < shape[0]; r++) {
            double x = data[r * cols];
            if (!Double.isFinite(x)) return false;
            if (r > 0 && !(x > data[(r - 1) * cols])) return false;
        }
        return true;
    }

    static Figure draw(String name, NpyArray matrix) {
        int rows = matrix.shape()[0];
        int cols = matrix.shape()[1];
        double[] data = matrix.data();
        String columns = cols == 2 ? "column 1" : "columns 1–" + (cols - 1);
        Labels labels = new Labels(name + ": " + columns + " against column 0 (" + rows + " rows)",
                "column 0 (as saved)", columns + " (as saved)");
        XYChart chart = ChartStyle.xy(labels);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendVisible(cols > 2);
        double[] x = new double[rows];
        for (int r = 0; r < rows; r++) x[r] = data[r * cols];
        for (int c = 1; c < cols; c++) {
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) y[r] = data[r * cols + c];
            MinMaxDecimation.Points points = MinMaxDecimation.reduce(x, y);
            XYSeries series = chart.addSeries("column " + c, points.x(), points.y());
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(ChartStyle.LINE);
        }
        return new Figure(name + "_curves", labels, chart);
    }
}
