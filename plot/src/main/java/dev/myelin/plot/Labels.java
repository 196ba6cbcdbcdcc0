package dev.myelin.plot;

/** A figure's title and axis labels (with units). */
record Labels(String title, String x, String y) {
}
