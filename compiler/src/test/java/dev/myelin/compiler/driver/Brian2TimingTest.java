package dev.myelin.compiler.driver;

import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.SpikeRecorder;
import dev.myelin.runtime.monitor.StateRecorder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Brian2's timing rules, pinned with runs observed in Brian2 2.5.1 (numpy target):
 * refractoriness, {@code (unless refractory)}, and the end step of consecutive runs.
 */
class Brian2TimingTest {

    private static final String RAMP = """
            dt = 0.1 ms
            neurons G[1] {
                equations 'dv/dt = 1/ms : 1 %s'
                threshold 'v > 0.25'
                refractory 0.5 ms
            }
            spikemonitor spikes of G
            statemonitor v of G.v record all
            run 1.3 ms
            """;

    @Test
    void unlessRefractoryFreezesTheVariableUntilTheRefractoryPeriodHasPassed() {
        // Brian2: spike at t=0.2 ms; updates skipped at 0.3-0.6 ms; v integrates again at 0.7 ms.
        Simulation sim = Models.run(RAMP.formatted("(unless refractory)"));
        SpikeRecorder spikes = Models.recorder(sim, "spikes");
        assertArrayEquals(new long[]{2, 7, 12}, spikes.steps());
        double[] v = ((StateRecorder) Models.recorder(sim, "v")).values("v")[0];
        double[] expected = {0, 0.1, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.4, 0.4, 0.4, 0.4};
        assertArrayEquals(expected, v, 1e-12);
    }

    @Test
    void withoutTheFlagRefractorinessOnlyGatesTheThreshold() {
        // Brian2: v keeps integrating and the neuron fires at the first non-refractory step, t=0.7 ms.
        Simulation sim = Models.run(RAMP.formatted(""));
        assertArrayEquals(new long[]{2, 7, 12}, ((SpikeRecorder) Models.recorder(sim, "spikes")).steps());
        double[] v = ((StateRecorder) Models.recorder(sim, "v")).values("v")[0];
        assertEquals(0.8, v[8], 1e-12);
    }

    @Test
    void theRecordedFlagFollowsBrian2WithAndWithoutARefractoryPeriod() {
        // Brian2 2.5.1 (numpy), the same model: spikes, and v and not_refractory as a StateMonitor
        // records them at the start of each step; with 0 ms the flag is false only in the step after a spike.
        String model = """
                dt = 0.1 ms
                neurons G[1] {
                    equations 'dv/dt = 1/ms : 1 (unless refractory)'
                    threshold 'v > 0.25'
                    reset 'v = 0'
                    refractory %s
                    method euler
                }
                spikemonitor spikes of G
                statemonitor v of G.v, G.not_refractory record all
                run 1.2 ms
                """;
        Simulation none = Models.run(model.formatted("0 ms"));
        assertArrayEquals(new long[]{2, 5, 8, 11}, ((SpikeRecorder) Models.recorder(none, "spikes")).steps());
        StateRecorder noneStates = (StateRecorder) Models.recorder(none, "v");
        assertArrayEquals(new double[]{1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1}, noneStates.values("not_refractory")[0]);
        assertArrayEquals(new double[]{0, 0.1, 0.2, 0, 0.1, 0.2, 0, 0.1, 0.2, 0, 0.1, 0.2}, noneStates.values("v")[0], 1e-12);

        Simulation three = Models.run(model.formatted("0.3 ms"));
        assertArrayEquals(new long[]{2, 7}, ((SpikeRecorder) Models.recorder(three, "spikes")).steps());
        StateRecorder threeStates = (StateRecorder) Models.recorder(three, "v");
        assertArrayEquals(new double[]{1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1}, threeStates.values("not_refractory")[0]);
        assertArrayEquals(new double[]{0, 0.1, 0.2, 0, 0, 0, 0.1, 0.2, 0, 0, 0, 0.1}, threeStates.values("v")[0], 1e-12);
    }

    @Test
    void consecutiveRunsEndWhereBrian2sClockEnds() {
        // Brian2: run(0.25 ms) executes steps 0-2, the next run(0.25 ms) steps 3-4, run(0.3 ms) steps 5-7.
        Simulation sim = Models.run("""
                dt = 0.1 ms
                neurons G[1] { equations 'x : 1' }
                statemonitor x of G.x record all
                run 0.25 ms
                run 0.25 ms
                run 0.3 ms
                """);
        assertArrayEquals(new long[]{0, 1, 2, 3, 4, 5, 6, 7}, ((StateRecorder) Models.recorder(sim, "x")).steps());
    }

    @Test
    void conditionRefractorinessHoldsUntilTheConditionIsFalse() {
        // not_refractory = not_refractory or not (v > 0.25): after a spike the neuron stays refractory
        // while the condition holds, and v (no reset) keeps rising, so it spikes exactly once.
        Simulation sim = Models.run("""
                dt = 0.1 ms
                neurons G[1] {
                    equations 'dv/dt = 1/ms : 1'
                    threshold 'v > 0.25'
                    refractory 'v > 0.25'
                }
                spikemonitor spikes of G
                run 2 ms
                """);
        assertArrayEquals(new long[]{2}, ((SpikeRecorder) Models.recorder(sim, "spikes")).steps());
    }
}
