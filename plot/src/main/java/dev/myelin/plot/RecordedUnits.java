package dev.myelin.plot;

import dev.myelin.runtime.units.Dimension;

import java.util.Map;
import java.util.Optional;

/**
 * The physical dimension of each state monitor's variables, by monitor and variable name. The
 * results directory does not record them (its files are plain SI numbers), so they come from the
 * model when the caller has it; without them, traces are labelled "SI units".
 */
public record RecordedUnits(Map<String, Map<String, Dimension>> byMonitor) {

    public RecordedUnits {
        byMonitor = Map.copyOf(byMonitor);
    }

    public static RecordedUnits none() {
        return new RecordedUnits(Map.of());
    }

    Optional<Dimension> of(String monitor, String variable) {
        return Optional.ofNullable(byMonitor.getOrDefault(monitor, Map.of()).get(variable));
    }
}
