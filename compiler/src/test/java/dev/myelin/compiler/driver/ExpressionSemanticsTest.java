package dev.myelin.compiler.driver;

import dev.myelin.runtime.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python's semantics, through parsing, checking, codegen and Janino: a per-neuron assignment of
 * an expression of {@code i} (i = 0..4), compared with what Brian2's numpy target computes.
 */
class ExpressionSemanticsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "(i - 2) // 3           | -1, -1, 0, 0, 0",
            "(i - 2) % 3            | 1, 2, 0, 1, 2",
            "(i - 2.5) // 2         | -2, -1, -1, 0, 0",
            "(i - 2.5) % 3          | 0.5, 1.5, 2.5, 0.5, 1.5",
            "i / 2                  | 0, 0.5, 1, 1.5, 2",
            "-2**2 + 0*i            | -4, -4, -4, -4, -4",
            "2**-1 + 0*i            | 0.5, 0.5, 0.5, 0.5, 0.5",
            "int(i - 2.7)           | -2, -1, 0, 0, 1",
            "clip(i, 1, 3)          | 1, 1, 2, 3, 3",
            "sign(i - 2)            | -1, -1, 0, 1, 1",
            "abs(i - 3)             | 3, 2, 1, 0, 1",
            "int(i > 2) * 2         | 0, 0, 0, 2, 2",
            "exprel(i - 2)          | 0.43233235838169365, 0.6321205588285577, 1, 1.718281828459045, 3.194528049465325",
            "floor(i / 2) + ceil(-i / 2) | 0, 0, 0, 0, 0",
            "i % 2 == 0 or i == 3   | 1, 0, 1, 1, 1",
            "not (i > 1) and i != 0 | 0, 1, 0, 0, 0",
            "N + 0*i                | 5, 5, 5, 5, 5",
            "20 um**2 / umetre**2 + 0*i | 20, 20, 20, 20, 20",
    })
    void perNeuronExpression(String expression, String expected) {
        Simulation sim = Models.run("""
                neurons G[5] { equations 'x : 1' }
                G.x = '%s'
                """.formatted(expression));
        double[] want = Arrays.stream(expected.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        assertArrayEquals(want, sim.network().doubleVariable("G", "x"), 1e-15, expression);
    }

    private static final String NOISY = """
            neurons G[10000] { equations '''
                x : 1
                y : 1
            ''' }
            G.x = 'rand()'
            G.y = 'randn()'
            """;

    @Test
    void randomInitialValuesAreReproducibleAndWellDistributed() {
        CompiledModel model = Models.compile(NOISY);
        double[] a = run(model, 11L, "x");
        double[] b = run(model, 11L, "x");
        double[] c = run(model, 12L, "x");
        assertArrayEquals(a, b, 0.0, "same seed, same numbers");
        assertFalse(Arrays.equals(a, c), "another seed, other numbers");
        double mean = Arrays.stream(a).average().orElseThrow();
        assertEquals(0.5, mean, 0.01, "uniform mean (sd of the mean is 0.003)");
        assertTrue(Arrays.stream(a).allMatch(v -> v >= 0 && v < 1));
        double[] y = run(model, 11L, "y");
        double m = Arrays.stream(y).average().orElseThrow();
        double var = Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / (y.length - 1);
        assertEquals(0, m, 0.04, "normal mean (sd of the mean is 0.01)");
        assertEquals(1, var, 0.05, "normal variance (sd about 0.014)");
    }

    private static double[] run(CompiledModel model, long seed, String variable) {
        Simulation sim = model.instantiate(Map.of(), seed);
        sim.runProtocol();
        return sim.network().doubleVariable("G", variable).clone();
    }
}
