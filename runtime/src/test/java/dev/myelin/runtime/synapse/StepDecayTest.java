package dev.myelin.runtime.synapse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepDecayTest {

    private static final double DT = 1e-4;

    @Test
    void wholeStepsComeFromTheTablesAsCloseToExpAsTheArgumentsRounding() {
        StepDecay decay = new StepDecay(DT);
        for (long k : new long[] {0, 1, 2, 1023, 1024, 1025, 5000, 140_000}) {
            double exact = Math.exp(-50.0 * (k * DT));
            double table = decay.ofSteps(50.0, k);
            // exp(x) moves by |x| ulps when x is rounded by one: the bound is the argument's rounding plus two ulps.
            double x = 50.0 * (k * DT);
            assertTrue(Math.abs(table - exact) <= (x + 2) * Math.ulp(1.0) * exact, k + ": " + table + " vs " + exact);
            assertEquals(table, decay.of(50.0, k * DT), k + " steps as elapsed seconds");
        }
        assertEquals(Math.exp(-50.0 * DT), decay.ofSteps(50.0, 1));
    }

    @Test
    void beyondTheTablesAndForNegativeRatesItIsExp() {
        StepDecay decay = new StepDecay(DT);
        assertEquals(0.0, decay.ofSteps(50.0, 10_000_000));
        assertEquals(Math.exp(2.0 * (3 * DT)), decay.ofSteps(-2.0, 3));
        assertEquals(Math.exp(-1e-3 * (5_000_000 * DT)), decay.ofSteps(1e-3, 5_000_000));
    }
}
