package dev.myelin.plot;

import org.knowm.xchart.internal.chartpart.Chart;

/** A chart ready to be written, with the file name (without extension) it is written under. */
record Figure(String name, Labels labels, Chart<?, ?> chart) {
}
