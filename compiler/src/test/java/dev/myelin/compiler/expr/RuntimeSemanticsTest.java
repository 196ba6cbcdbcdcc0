package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected values are Python 3's own results for the same operands. */
class RuntimeSemanticsTest {

    @Test
    void floatFloorDivisionAndModuloAreExactlyPythons() {
        assertEquals(9.0, RuntimeSemantics.floorDiv(1.0, 0.1)); // floor(1.0/0.1) would give 10
        assertEquals(0.09999999999999995, RuntimeSemantics.mod(1.0, 0.1));
        assertEquals(-4.0, RuntimeSemantics.floorDiv(-7.0, 2.0));
        assertEquals(1.0, RuntimeSemantics.mod(-7.0, 2.0));
        assertEquals(-1.0, RuntimeSemantics.mod(7.0, -2.0));
        assertEquals(-4.0, RuntimeSemantics.floorDiv(7.5, -2.0));
        assertEquals(-0.5, RuntimeSemantics.mod(7.5, -2.0));
        assertEquals(1.0, RuntimeSemantics.mod(-1e-20, 1.0));
        assertEquals(-1.0, RuntimeSemantics.floorDiv(-1e-20, 1.0));
        assertEquals(0.0, RuntimeSemantics.mod(-0.0, 5.0));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(RuntimeSemantics.mod(0.0, -5.0)));
    }

    @Test
    void integerFloorDivisionAndModuloArePythons() {
        assertEquals(-4, RuntimeSemantics.floorDiv(-7L, 2L));
        assertEquals(1, RuntimeSemantics.mod(-7L, 2L));
        assertEquals(-1, RuntimeSemantics.mod(7L, -2L));
        assertThrows(ArithmeticException.class, () -> RuntimeSemantics.mod(1L, 0L));
        assertEquals(1024, RuntimeSemantics.pow(2L, 10L));
        assertEquals(1, RuntimeSemantics.pow(5L, 0L));
        assertThrows(ArithmeticException.class, () -> RuntimeSemantics.pow(2L, -1L));
    }

    @Test
    void brian2FunctionSemantics() {
        assertEquals(1.0, RuntimeSemantics.exprel(0.0));
        assertEquals(1.0, RuntimeSemantics.exprel(1e-17));
        assertEquals(Double.POSITIVE_INFINITY, RuntimeSemantics.exprel(718));
        assertEquals(Math.expm1(0.5) / 0.5, RuntimeSemantics.exprel(0.5));
        assertEquals(Double.NaN, RuntimeSemantics.sign(Double.NaN)); // NumPy target, as the references
        assertEquals(-1.0, RuntimeSemantics.sign(-3.0));
        assertEquals(0.0, RuntimeSemantics.sign(-0.0));
        assertEquals(1.0, RuntimeSemantics.clip(0.0, 2.0, 1.0)); // numpy.clip: the upper bound applies last
        assertEquals(1.5, RuntimeSemantics.clip(1.5, 1.0, 2.0));
        assertEquals(-3, RuntimeSemantics.truncate(-3.7));
    }
}
