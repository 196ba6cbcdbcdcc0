package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.io.Json;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Custom events (condition, code on the event, a pathway triggered by it, an event monitor) and
 * run_regularly code (its own dt in the start slot; the end slot), against Brian2 2.5.1 on the same
 * deterministic model (src/test/resources/events/): the same events in the same steps, the same values.
 */
class CustomEventsTest {

    private static final Path DIR = Path.of("src/test/resources/events");

    @Test
    void eventsAndRegularCodeMatchBrian2StepForStep() throws Exception {
        Simulation sim = new ModelCompiler().compile(DIR.resolve("events.myl")).instantiate(Map.of(), 1L);
        sim.runProtocol();
        @SuppressWarnings("unchecked")
        Map<String, Object> brian2 = (Map<String, Object>) Json.parse(Files.readString(DIR.resolve("events_brian2.json")));

        SpikeRecorder mid = (SpikeRecorder) recorder(sim, "mid");
        assertArrayEquals(ints(brian2, "mid_i"), mid.indices(), "neurons of the custom event");
        assertArrayEquals(longs(brian2, "mid_step"), mid.steps(), "steps of the custom event");
        SpikeRecorder spikes = (SpikeRecorder) recorder(sim, "spk");
        assertArrayEquals(ints(brian2, "spike_i"), spikes.indices(), "neurons of the spikes");
        assertArrayEquals(longs(brian2, "spike_step"), spikes.steps(), "steps of the spikes");
        assertEquals(30, mid.count());

        // on_event code counted each event; the pathway on the event delivered each one after 1 ms;
        // H's run_regularly in the end slot doubled x; G's every 5 ms raised I.
        assertArrayEquals(doubles(brian2, "count"), saved(sim, "count"), 0.0);
        assertArrayEquals(doubles(brian2, "x"), saved(sim, "x"), 0.0);
        assertArrayEquals(doubles(brian2, "y"), saved(sim, "y"), 0.0);
        assertArrayEquals(doubles(brian2, "I_final"), saved(sim, "I_final"), 0.0);
        StateRecorder st = (StateRecorder) recorder(sim, "st");
        assertArrayEquals(doubles(brian2, "I0_trace"), st.values("I")[0], 0.0);
    }

    private static dev.myelin.runtime.monitor.Recorder recorder(Simulation sim, String name) {
        return sim.recorders().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static double[] saved(Simulation sim, String name) {
        return (double[]) ((Simulation.Saved) sim.saved().get(name)).values();
    }

    private static List<Number> list(Map<String, Object> brian2, String key) {
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) brian2.get(key);
        return values;
    }

    private static int[] ints(Map<String, Object> brian2, String key) {
        return list(brian2, key).stream().mapToInt(Number::intValue).toArray();
    }

    private static long[] longs(Map<String, Object> brian2, String key) {
        return list(brian2, key).stream().mapToLong(Number::longValue).toArray();
    }

    private static double[] doubles(Map<String, Object> brian2, String key) {
        return list(brian2, key).stream().mapToDouble(Number::doubleValue).toArray();
    }
}
