package dev.myelin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    private static void assertSame(double expected, double actual, String what) {
        // Bitwise, so that -0.0 and 0.0 are told apart and NaN equals NaN.
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void exprelIsOneAtZeroAndAccurateNearIt() {
        assertSame(1.0, MathFunctions.exprel(0.0), "exprel(0)");
        assertSame(1.0, MathFunctions.exprel(-0.0), "exprel(-0)");
        for (double x : new double[] {1e-10, -1e-10, 1e-7, -3e-9, 1e-300, Double.MIN_VALUE}) {
            double series = 1 + x / 2 + x * x / 6;
            assertEquals(series, MathFunctions.exprel(x), 1e-15 * series, "exprel(" + x + ")");
        }
    }

    @Test
    void exprelAwayFromZero() {
        assertEquals(Math.E - 1, MathFunctions.exprel(1.0), 1e-15);
        assertEquals((Math.exp(-2) - 1) / -2, MathFunctions.exprel(-2.0), 1e-15);
        assertEquals(Math.expm1(50) / 50, MathFunctions.exprel(50.0), 0.0);
        assertSame(0.0, MathFunctions.exprel(Double.NEGATIVE_INFINITY), "exprel(-inf)");
        assertSame(Double.POSITIVE_INFINITY, MathFunctions.exprel(Double.POSITIVE_INFINITY), "exprel(inf)");
        assertSame(Double.POSITIVE_INFINITY, MathFunctions.exprel(717.5), "exprel(717.5)");
        assertSame(Double.POSITIVE_INFINITY, MathFunctions.exprel(710), "exprel(710), exp overflows as in Brian2");
        assertSame(Double.NaN, MathFunctions.exprel(Double.NaN), "exprel(NaN)");
        assertEquals(1 / 700.0, MathFunctions.exprel(-700), 1e-18);
    }

    /** Away from 0 exprel takes exp(x) - 1 (an intrinsic, faster than expm1): within 3 ulps of expm1's quotient. */
    @Test
    void exprelAwayFromZeroIsWithinThreeUlpsOfExpm1() {
        int checked = 0;
        for (double x = -40; x <= 40; x += 0.0137) {
            double exact = StrictMath.expm1(x) / x;
            assertEquals(exact, MathFunctions.exprel(x), 3 * Math.ulp(exact), "exprel(" + x + ")");
            checked++;
        }
        assertEquals(5840, checked);
    }

    @Test
    void signFollowsNumpy() {
        assertSame(1.0, MathFunctions.sign(3.2), "sign(3.2)");
        assertSame(-1.0, MathFunctions.sign(-1e-300), "sign(-1e-300)");
        assertSame(0.0, MathFunctions.sign(0.0), "sign(0)");
        assertSame(0.0, MathFunctions.sign(-0.0), "sign(-0)");
        assertSame(1.0, MathFunctions.sign(Double.POSITIVE_INFINITY), "sign(inf)");
        assertSame(-1.0, MathFunctions.sign(Double.NEGATIVE_INFINITY), "sign(-inf)");
        assertSame(Double.NaN, MathFunctions.sign(Double.NaN), "sign(NaN)");
    }

    @Test
    void clipFollowsNumpy() {
        assertSame(0.5, MathFunctions.clip(0.5, 0, 1), "inside");
        assertSame(0.0, MathFunctions.clip(-3, 0, 1), "below");
        assertSame(1.0, MathFunctions.clip(7, 0, 1), "above");
        assertSame(1.0, MathFunctions.clip(5, 3, 1), "lo > hi gives hi, as numpy");
        assertSame(1.0, MathFunctions.clip(0, 3, 1), "lo > hi gives hi, as numpy");
        assertSame(Double.NaN, MathFunctions.clip(Double.NaN, 0, 1), "NaN");
        assertSame(2.0, MathFunctions.clip(Double.POSITIVE_INFINITY, 0, 2), "inf");
    }

    @Test
    void floatFloorDivisionAndModuloFollowPython() {
        // Values checked against CPython 3.11 and numpy 1.24.
        double[][] cases = {
            // a, b, a // b, a % b
            {-7.5, 2, -4.0, 0.5},
            {7.5, -2, -4.0, -0.5},
            {7, -3, -3.0, -2.0},
            {-7, 3, -3.0, 2.0},
            {7, 3, 2.0, 1.0},
            {6, 3, 2.0, 0.0},
            {-6, 3, -2.0, 0.0},
            {-6, -3, 2.0, -0.0},
            {-0.0, 2, -0.0, 0.0},
            {0.0, -2, -0.0, -0.0},
            {5, Double.POSITIVE_INFINITY, 0.0, 5.0},
            {-5, Double.POSITIVE_INFINITY, -1.0, Double.POSITIVE_INFINITY},
            {5, Double.NEGATIVE_INFINITY, -1.0, Double.NEGATIVE_INFINITY},
            {Double.POSITIVE_INFINITY, 2, Double.NaN, Double.NaN},
            {1e300, 1e-300, Double.POSITIVE_INFINITY, 4.891554850853602e-301},
            {0.1, 0.01, 10.0, 3.469446951953614e-18},
            {Double.NaN, 1, Double.NaN, Double.NaN},
        };
        for (double[] c : cases) {
            String what = c[0] + " // " + c[1];
            assertSame(c[2], MathFunctions.floorDiv(c[0], c[1]), what);
            assertSame(c[3], MathFunctions.mod(c[0], c[1]), c[0] + " % " + c[1]);
        }
    }

    @Test
    void floatDivisionByZeroFollowsNumpy() {
        assertSame(Double.POSITIVE_INFINITY, MathFunctions.floorDiv(1.0, 0.0), "1 // 0");
        assertSame(Double.NEGATIVE_INFINITY, MathFunctions.floorDiv(-1.0, 0.0), "-1 // 0");
        assertSame(Double.NaN, MathFunctions.floorDiv(0.0, 0.0), "0 // 0");
        assertSame(Double.NaN, MathFunctions.mod(1.0, 0.0), "1 % 0");
        assertSame(Double.NaN, MathFunctions.mod(1.0, -0.0), "1 % -0");
    }

    @Test
    void integerFloorDivisionAndModuloFollowPython() {
        assertEquals(-4L, MathFunctions.floorDiv(-7L, 2L));
        assertEquals(1L, MathFunctions.mod(-7L, 2L));
        assertEquals(-3L, MathFunctions.floorDiv(7L, -3L));
        assertEquals(-2L, MathFunctions.mod(7L, -3L));
        assertEquals(2L, MathFunctions.floorDiv(-7L, -3L));
        assertEquals(-1L, MathFunctions.mod(-7L, -3L));
        assertEquals(3L, MathFunctions.floorDiv(9L, 3L));
        assertEquals(0L, MathFunctions.mod(-9L, 3L));
        assertThrows(ArithmeticException.class, () -> MathFunctions.floorDiv(1L, 0L));
        assertThrows(ArithmeticException.class, () -> MathFunctions.mod(1L, 0L));
    }

    @Test
    void intTruncatesTowardZeroLikePython() {
        assertEquals(2L, MathFunctions.intTrunc(2.9));
        assertEquals(-2L, MathFunctions.intTrunc(-2.9));
        assertEquals(0L, MathFunctions.intTrunc(-0.5));
        assertEquals(0L, MathFunctions.intTrunc(-0.0));
        assertEquals(1L << 53, MathFunctions.intTrunc(0x1.0p53));
        assertEquals(Long.MIN_VALUE, MathFunctions.intTrunc(-0x1.0p63));
        assertEquals(Long.MAX_VALUE - 1023, MathFunctions.intTrunc(Math.nextDown(0x1.0p63)));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x1.0p63, -0x1.0p64}) {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> MathFunctions.intTrunc(bad));
            assertEquals("cannot convert " + bad + " to an integer", e.getMessage());
        }
    }
}
