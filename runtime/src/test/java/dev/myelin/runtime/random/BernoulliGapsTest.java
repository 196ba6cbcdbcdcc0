package dev.myelin.runtime.random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BernoulliGapsTest {

    @Test
    void aChanceOfOneOrMoreSpikesEveryStepAndZeroNever() {
        assertEquals(7, BernoulliGaps.next(7, BernoulliGaps.logStay(1), 0.999));
        assertEquals(7, BernoulliGaps.next(7, BernoulliGaps.logStay(3.5), 0.0));
        assertEquals(BernoulliGaps.NEVER, BernoulliGaps.next(7, BernoulliGaps.logStay(0), 0.5));
        assertEquals(BernoulliGaps.NEVER, BernoulliGaps.next(7, BernoulliGaps.logStay(-1), 0.5));
        assertEquals(BernoulliGaps.NEVER, BernoulliGaps.next(7, BernoulliGaps.logStay(Double.NaN), 0.5));
        assertEquals(BernoulliGaps.NEVER, BernoulliGaps.next(7, BernoulliGaps.logStay(1e-300), 0.5));
    }

    @Test
    void gapsFollowTheGeometricLawOfPerStepDraws() {
        // P(gap >= k) = (1 - p)^k: u below 1 - (1-p)^k gives a gap under k.
        double p = 0.25;
        double stay = BernoulliGaps.logStay(p);
        assertEquals(0, BernoulliGaps.next(0, stay, 0.0));
        assertEquals(0, BernoulliGaps.next(0, stay, 0.2499));
        assertEquals(1, BernoulliGaps.next(0, stay, 0.2501));
        assertEquals(1, BernoulliGaps.next(0, stay, 1 - 0.75 * 0.75 - 1e-9));
        assertEquals(2, BernoulliGaps.next(0, stay, 1 - 0.75 * 0.75 + 1e-9));
    }

    @Test
    void spikeCountsMatchTheBernoulliMeanAndVariance() {
        // 20000 neurons, 1000 steps, p = 0.008 (80 Hz at dt 0.1 ms): counts are binomial(1000, p).
        double p = 0.008, stay = BernoulliGaps.logStay(p);
        int neurons = 20000, steps = 1000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < neurons; i++) {
            int count = 0;
            long next = BernoulliGaps.next(0, stay, CounterRng.uniform(5, 1, i, 0, 1));
            while (next < steps) {
                count++;
                next = BernoulliGaps.next(next + 1, stay, CounterRng.uniform(5, 1, i, next, 2));
            }
            sum += count;
            sumSq += (double) count * count;
        }
        double mean = sum / neurons, var = sumSq / neurons - mean * mean;
        double expected = steps * p, expectedVar = steps * p * (1 - p);
        // Standard error of the mean: sqrt(var / n) = 0.02; of the variance: about var * sqrt(2 / n) = 0.08.
        assertTrue(Math.abs(mean - expected) < 4 * Math.sqrt(expectedVar / neurons), "mean " + mean);
        assertTrue(Math.abs(var - expectedVar) < 4 * expectedVar * Math.sqrt(2.0 / neurons), "variance " + var);
    }
}
