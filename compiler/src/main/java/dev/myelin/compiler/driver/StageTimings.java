package dev.myelin.compiler.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds per pipeline stage, in the order they ran, for the manifest. */
public final class StageTimings {

    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public <T> T time(String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(stage, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    public void record(String stage, double value) {
        seconds.merge(stage, value, Double::sum);
    }

    public Map<String, Double> asMap() {
        return new LinkedHashMap<>(seconds);
    }
}
