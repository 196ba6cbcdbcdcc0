package dev.myelin.plot;

import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.units.Dimension;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numbers behind the figures: bin widths, counts, smoothing, decimation, display units, formats. */
class PlotArithmeticTest {

    @Test
    void niceIntervalsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.002, NiceInterval.atLeast(0.002), 1e-15);
        assertEquals(0.005, NiceInterval.atLeast(0.0021), 1e-15);
        assertEquals(0.01, NiceInterval.atLeast(0.0051), 1e-15);
        assertEquals(20, NiceInterval.atLeast(13), 1e-12);
        assertEquals("2 ms", NiceInterval.describe(0.002));
        assertEquals("0.5 ms", NiceInterval.describe(0.0005));
        assertEquals("10 s", NiceInterval.describe(10));
    }

    @Test
    void binCountsIncludeTheUpperEdgeInTheLastBin() {
        BinCounts bins = BinCounts.of(new double[] {0, 0.1, 0.5, 0.99, 1.0, 1.5, Double.NaN}, 0, 1, 2);
        assertArrayEquals(new double[] {2, 3}, bins.counts());
        assertArrayEquals(new double[] {0, 500, 1000}, bins.stepX(1000), 1e-12);
        assertArrayEquals(new double[] {4, 6, 6}, bins.stepY(2), 1e-12);
    }

    @Test
    void aFlatWindowAveragesTheSamplesAroundEachOne() {
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 1.0 / 3, 2.0 / 3, 0.5},
                PopulationRatePlot.flatWindow(new double[] {1, 0, 1, 0, 1}, 3), 1e-12);
    }

    @Test
    void decimationKeepsEachBucketsExtremes() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) x[k] = k;
        y[54_321] = 40;
        y[77_777] = -80;
        MinMaxDecimation.Points points = MinMaxDecimation.reduce(x, y);
        assertEquals(true, points.x().length <= MinMaxDecimation.MAX_POINTS);
        assertEquals(40, java.util.Arrays.stream(points.y()).max().orElseThrow());
        assertEquals(-80, java.util.Arrays.stream(points.y()).min().orElseThrow());
        for (int k = 1; k < points.x().length; k++) assertEquals(true, points.x()[k] > points.x()[k - 1], "time order kept");
    }

    @Test
    void displayUnitsTakeAPrefixThatReadsEasily() {
        assertEquals(new DisplayUnit("mV", 1000), DisplayUnit.forValues(Optional.of(Dimension.VOLT), new double[] {-0.07, -0.05}));
        assertEquals(new DisplayUnit("nA", 1e9), DisplayUnit.forValues(Optional.of(Dimension.AMPERE), new double[] {2e-10, 3e-9}));
        assertEquals(new DisplayUnit("V", 1), DisplayUnit.forValues(Optional.of(Dimension.VOLT), new double[] {0, 0}));
        assertEquals("g (siemens/metre**2)", DisplayUnit.forValues(Optional.of(Dimension.SIEMENS.divide(Dimension.METRE.power(2))),
                new double[] {1}).label("g"));
        assertEquals("w (dimensionless)", DisplayUnit.forValues(Optional.of(Dimension.DIMENSIONLESS), new double[] {1}).label("w"));
        assertEquals("v (SI units)", DisplayUnit.forValues(Optional.empty(), new double[] {1}).label("v"));
    }

    @Test
    void tickLabelsAreShort() {
        assertEquals("-50.2", ChartStyle.tickLabel(-50.20000000000001));
        assertEquals("0.0016", ChartStyle.tickLabel(0.0016));
        assertEquals("1000", ChartStyle.tickLabel(1000.0));
        assertEquals("0", ChartStyle.tickLabel(-0.0));
        assertEquals("1.5e-9", ChartStyle.tickLabel(1.5e-9));
        assertEquals("2e7", ChartStyle.tickLabel(2e7));
    }

    @Test
    void formatsAreReadFromACommaSeparatedList() {
        assertEquals(java.util.EnumSet.of(PlotFormat.PNG, PlotFormat.SVG), PlotFormat.parseList("png, SVG"));
        assertEquals(java.util.EnumSet.of(PlotFormat.SVG), PlotFormat.parseList("svg"));
        assertEquals("unknown plot format 'pdf'; use png, svg or png,svg",
                assertThrows(PlotInputError.class, () -> PlotFormat.parseList("png,pdf")).getMessage());
    }

    @Test
    void aTableIsDrawnAsCurvesOnlyWhenItsFirstColumnStrictlyIncreases() {
        // (x, y) rows: x = 0, 1, 2 is a sampled function; a repeated or falling x, a NaN, two rows, or
        // more than ten curves are not.
        assertTrue(SavedCurvesPlot.applies(table(2, 0, 5, 1, 3, 2, 4)));
        assertFalse(SavedCurvesPlot.applies(table(2, 0, 5, 0, 3, 1, 4)));
        assertFalse(SavedCurvesPlot.applies(table(2, 2, 5, 1, 3, 0, 4)));
        assertFalse(SavedCurvesPlot.applies(table(2, 0, 5, Double.NaN, 3, 2, 4)));
        assertFalse(SavedCurvesPlot.applies(table(2, 0, 5, 1, 3)));
        double[] eleven = new double[3 * 11];
        for (int r = 0; r < 3; r++) eleven[r * 11] = r;
        assertTrue(SavedCurvesPlot.applies(new NpyArray("<f8", new int[] {3, 11}, eleven)));
        double[] twelve = new double[3 * 12];
        for (int r = 0; r < 3; r++) twelve[r * 12] = r;
        assertFalse(SavedCurvesPlot.applies(new NpyArray("<f8", new int[] {3, 12}, twelve)));
    }

    private static NpyArray table(int cols, double... values) {
        return new NpyArray("<f8", new int[] {values.length / cols, cols}, values);
    }
}
