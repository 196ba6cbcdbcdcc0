package dev.myelin.plot;

/** What one monitor recorded, read back from its files and told apart by their names and shapes. */
sealed interface Recording permits SpikeEvents, StateTraces, PopulationRate {

    String monitor();
}
