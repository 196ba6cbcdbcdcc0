package dev.myelin.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One look for every figure: the size, fonts, white background and light grid. The charts are
 * created here so that a plot class only adds its data and what is particular to it.
 */
final class ChartStyle {

    static final int WIDTH = 900;
    static final int HEIGHT = 540;
    /** Heat maps are nearer square, so that their cells are. */
    static final int HEAT_MAP_SIZE = 680;

    private static final Color GRID = new Color(225, 225, 225);
    /**
     * Ten colours that stay apart on white (the usual categorical palette of scientific plots);
     * XChart's own includes a light grey and a yellow that vanish there.
     */
    private static final Color[] SERIES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private ChartStyle() {
    }

    static XYChart xy(Labels labels) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(labels.title()).xAxisTitle(labels.x()).yAxisTitle(labels.y()).build();
        common(chart.getStyler());
        // XChart puts ticks on the data's own values when they are equally spaced (sample times,
        // bin edges) and prints them in full: -50.20000000000001. Six significant digits do.
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ChartStyle::tickLabel);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartStyle::tickLabel);
        // Labels at least 40 px apart: on equally spaced data XChart would label every value that fits.
        chart.getStyler().setYAxisTickMarkSpacingHint(40);
        chart.getStyler().setSeriesColors(SERIES);
        return chart;
    }

    /** A number for an axis: at most six significant digits, no trailing zeros, powers of ten when far from 1. */
    static String tickLabel(Double value) {
        double v = value;
        if (v == 0) return "0";
        double magnitude = Math.abs(v);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.5g", v).replaceAll("\\.?0+e", "e").replace("e+", "e").replaceAll("e(-?)0+(\\d)", "e$1$2");
        }
        String text = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A solid line for a data series: XChart's default cycles through dashed and dotted ones. */
    static final BasicStroke LINE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);

    static HeatMapChart heatMap(Labels labels) {
        HeatMapChart chart = new HeatMapChartBuilder().width(HEAT_MAP_SIZE + 120).height(HEAT_MAP_SIZE)
                .title(labels.title()).xAxisTitle(labels.x()).yAxisTitle(labels.y()).build();
        common(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesVisible(false);
        // Cell borders would draw a white grid over a matrix of hundreds of cells.
        chart.getStyler().setDrawBorder(false);
        return chart;
    }

    private static void common(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(GRID);
        // Solid, not XChart's dashed default: the SVG encoder writes every dash as a shape of its
        // own, which made the grid most of an SVG's size.
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAntiAlias(true);
    }
}
