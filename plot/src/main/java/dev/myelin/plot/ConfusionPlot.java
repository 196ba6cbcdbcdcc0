package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;
import org.knowm.xchart.HeatMapChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The readout's confusion matrix (confusion.npy: rows the true class, columns the predicted one)
 * as a heat map with the count in each cell, class 0 at the top left as the matrix is printed.
 */
final class ConfusionPlot {

    /** White to mid blue: black counts stay readable on every cell. */
    private static final Color[] COLOURS = {Color.WHITE, new Color(107, 174, 214), new Color(66, 146, 198)};

    private ConfusionPlot() {
    }

    static Figure draw(NpyArray confusion, OptionalDouble accuracy) {
        int classes = confusion.shape()[0];
        long samples = 0;
        for (double count : confusion.data()) samples += (long) count;
        String summary = samples + " samples" + (accuracy.isPresent()
                ? String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * accuracy.getAsDouble()) : "");
        Labels labels = new Labels("readout: confusion matrix (" + summary + ")", "predicted class", "true class");
        HeatMapChart chart = ChartStyle.heatMap(labels);
        chart.getStyler().setRangeColors(COLOURS);
        chart.getStyler().setShowValue(classes <= 20);
        chart.getStyler().setValueFontColor(Color.BLACK);
        chart.getStyler().setHeatMapValueDecimalPattern("#");
        chart.getStyler().setDrawBorder(true);
        // Every class gets its label; XChart would otherwise thin them out to every other one.
        chart.getStyler().setXAxisTickMarkSpacingHint(20);
        chart.getStyler().setYAxisTickMarkSpacingHint(20);
        List<Integer> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            x.add(c);
            y.add(classes - 1 - c);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int truth = 0; truth < classes; truth++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                cells.add(new Number[] {predicted, classes - 1 - truth, confusion.data()[truth * classes + predicted]});
            }
        }
        chart.addSeries("samples", x, y, cells);
        return new Figure("confusion", labels, chart);
    }
}
