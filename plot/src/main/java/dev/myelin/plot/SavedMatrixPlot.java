package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;
import org.knowm.xchart.HeatMapChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A saved value with two dimensions (one row per neuron or synapse, one column per expression) as
 * a heat map, row 0 at the top as a matrix is printed. Past {@link #MAX_CELLS} rows or columns,
 * neighbouring ones are averaged in blocks so each cell stays visible; the title says so.
 */
final class SavedMatrixPlot {

    static final int MAX_CELLS = 100;

    /** Viridis' end and middle colours: readable in grey and by colour-blind readers. */
    private static final Color[] COLOURS = {
        new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140), new Color(94, 201, 98), new Color(253, 231, 37)};

    private SavedMatrixPlot() {
    }

    static Figure draw(String name, NpyArray matrix) {
        int rows = matrix.shape()[0];
        int cols = matrix.shape()[1];
        int rowBlock = (rows + MAX_CELLS - 1) / MAX_CELLS;
        int colBlock = (cols + MAX_CELLS - 1) / MAX_CELLS;
        int shownRows = (rows + rowBlock - 1) / rowBlock;
        int shownCols = (cols + colBlock - 1) / colBlock;
        String size = rows + " × " + cols;
        if (rowBlock > 1 || colBlock > 1) size += ", mean over blocks of " + rowBlock + " × " + colBlock;
        Labels labels = new Labels(name + ": saved values (" + size + ")",
                colBlock > 1 ? "column (first of block)" : "column", rowBlock > 1 ? "row (first of block)" : "row");
        HeatMapChart chart = ChartStyle.heatMap(labels);
        chart.getStyler().setRangeColors(COLOURS);
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.4g", v));
        List<Integer> x = new ArrayList<>();
        for (int c = 0; c < shownCols; c++) x.add(c * colBlock);
        List<Integer> y = new ArrayList<>();
        for (int r = shownRows - 1; r >= 0; r--) y.add(r * rowBlock);
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < shownRows; r++) {
            for (int c = 0; c < shownCols; c++) {
                double mean = blockMean(matrix.data(), cols, r * rowBlock, Math.min(rows, (r + 1) * rowBlock),
                        c * colBlock, Math.min(cols, (c + 1) * colBlock));
                // The y axis counts up from the bottom, so row 0 takes the last place.
                cells.add(new Number[] {c, shownRows - 1 - r, mean});
            }
        }
        chart.addSeries(name, x, y, cells);
        return new Figure(name + "_heatmap", labels, chart);
    }

    private static double blockMean(double[] data, int cols, int rowFrom, int rowTo, int colFrom, int colTo) {
        double sum = 0;
        for (int r = rowFrom; r < rowTo; r++) {
            for (int c = colFrom; c < colTo; c++) sum += data[r * cols + c];
        }
        return sum / ((rowTo - rowFrom) * (colTo - colFrom));
    }
}
