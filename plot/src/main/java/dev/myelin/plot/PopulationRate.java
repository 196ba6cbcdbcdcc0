package dev.myelin.plot;

/** A rate monitor's record: the time of each step in seconds and spikes / (N dt) in that step, in Hz. */
record PopulationRate(String monitor, double[] seconds, double[] hertz) implements Recording {
}
