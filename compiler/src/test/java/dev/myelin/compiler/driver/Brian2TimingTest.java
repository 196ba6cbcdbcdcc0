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

    @Test
    void synapticAndRunRegularlyWritesSkipRefractoryNeuronsAsBrian2sConditionalWrite() {
        // Brian2 2.5.1 (numpy), the same model: the input at 2 ms and run_regularly's v += 0.01 at
        // 1-5 ms do not reach v while the neuron is refractory (0.6-5.6 ms); x, without the flag,
        // gets every input. Brian2 calls this a conditional write on (unless refractory) variables.
        Simulation sim = Models.run("""
                dt = 0.1 ms
                neurons G[1] {
                    equations '''
                        dv/dt = -v/(10*ms) : 1 (unless refractory)
                        dx/dt = -x/(10*ms) : 1
                    '''
                    threshold 'v > 1'
                    reset 'v = 0'
                    refractory 5 ms
                    method exact
                    run_regularly 'v += 0.01' dt 1 ms
                }
                spikegenerator S[1] indices [0, 0, 0] times [0.5, 2.0, 8.0] * ms
                synapses syn(S -> G) {
                    on_pre 'v_post += 1.5; x_post += 1'
                    connect
                }
                spikemonitor spikes of G
                statemonitor M of G.v, G.x record [0]
                run 10 ms
                """);
        assertArrayEquals(new long[]{6, 81}, ((SpikeRecorder) Models.recorder(sim, "spikes")).steps());
        StateRecorder m = Models.recorder(sim, "M");
        double[] v = m.values("v")[0];
        double[] x = m.values("x")[0];
        double[] brian2V = {0.01, 0.009900498337491681, 0.009801986733067553, 0.009704455335485083, 0.009607894391523234,
                0.009512294245007142, 1.5094176453358426};
        assertArrayEquals(brian2V, java.util.Arrays.copyOf(v, 7), 1e-15);
        for (int s = 7; s < 60; s++) assertEquals(0.0, v[s], 0.0, "v at step " + s + " (refractory)");
        assertEquals(0.01, v[60], 1e-15);
        assertEquals(0.019048374180359602, v[70], 1e-15);
        assertEquals(1.5269646821501588, v[81], 1e-15);
        double[] brian2X = {0.0, 0.9607894391523234, 0.8693582353988063, 1.7005590463377829, 1.5387294567059742, 1.3922999886617091,
                1.2598051268721573, 1.139918818227468, 1.031441200255545, 1.8472177777663674};
        for (int k = 0; k < brian2X.length; k++) assertEquals(brian2X[k], x[10 * k], 1e-15, "x at " + k + " ms");
    }
}
