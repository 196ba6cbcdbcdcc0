package dev.myelin.runtime.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantityParserTest {

    private static Quantity parse(String text) {
        return QuantityParser.parse(text, UnitTable.brian2());
    }

    private static void assertParses(String text, double si, Dimension dimension) {
        Quantity q = parse(text);
        assertEquals(si, q.value(), 0.0, text);
        assertEquals(dimension, q.dimension(), text);
    }

    private static void assertRejected(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void numberGluedToOrSpacedFromItsUnit() {
        assertParses("0.7nA", 0.7 * 1e-9, Dimension.AMPERE);
        assertParses("0.7 nA", 0.7 * 1e-9, Dimension.AMPERE);
        assertParses("  0.7   nA ", 0.7 * 1e-9, Dimension.AMPERE);
        assertParses("5*ms", 5e-3, Dimension.SECOND);
        assertParses("5 * ms", 5e-3, Dimension.SECOND);
    }

    @Test
    void signedValuesAsPythonWouldCompute() {
        assertParses("-65*mV", -65 * 1e-3, Dimension.VOLT);
        assertParses("-65 mV", -65 * 1e-3, Dimension.VOLT);
        assertParses("+3 pA", 3e-12, Dimension.AMPERE);
        assertParses("-mV", -1e-3, Dimension.VOLT);
    }

    @Test
    void plainNumbersAreDimensionless() {
        assertParses("100", 100.0, Dimension.DIMENSIONLESS);
        assertParses("1e-3", 1e-3, Dimension.DIMENSIONLESS);
        assertParses("-2.5E+2", -250.0, Dimension.DIMENSIONLESS);
        assertParses(".5", 0.5, Dimension.DIMENSIONLESS);
        assertParses("5.", 5.0, Dimension.DIMENSIONLESS);
    }

    @Test
    void exponentIsOnlyTakenWhenDigitsFollow() {
        assertParses("1Emetre", 1e18, Dimension.METRE);
        assertParses("2e3 Emetre", 2e21, Dimension.METRE);
    }

    @Test
    void powersProductsAndQuotients() {
        assertParses("20 um**2", 20 * 1e-12, Dimension.METRE.power(2));
        assertParses("20 um2", 20 * 1e-12, Dimension.METRE.power(2));
        assertParses("2.5 mV/ms", 2.5, Dimension.VOLT.divide(Dimension.SECOND));
        assertParses("1/ms", 1e3, Dimension.HERTZ);
        assertParses("1 / ms", 1e3, Dimension.HERTZ);
        assertParses("3 ms**-1", 3e3, Dimension.HERTZ);
        assertParses("3 ms**(-1)", 3e3, Dimension.HERTZ);
        assertParses("1 uF/cm**2", 1e-2, Dimension.FARAD.divide(Dimension.METRE.power(2)));
        assertParses("10 msiemens/cmetre**2", 100.0, Dimension.SIEMENS.divide(Dimension.METRE.power(2)));
        assertParses("1 nS*mV", 1e-12, Dimension.AMPERE);
        assertParses("1 mV/(ms*cm)", 1e2, Dimension.VOLT.divide(Dimension.SECOND).divide(Dimension.METRE));
        assertParses("2 mV/ms*ms", 2e-3, Dimension.VOLT);
        assertParses("4 (ms)**2", 4e-6, Dimension.SECOND.power(2));
    }

    @Test
    void aBareUnitMeansOneOfIt() {
        assertParses("ms", 1e-3, Dimension.SECOND);
        assertParses("volt", 1.0, Dimension.VOLT);
    }

    @Test
    void unknownUnitsAreNamed() {
        assertRejected("0.7 nAmp", "cannot read '0.7 nAmp': unknown unit 'nAmp' (did you mean namp?)");
        assertRejected("3 MV", "cannot read '3 MV': unknown unit 'MV' (did you mean mV?)");
        assertRejected("65 millivolt", "cannot read '65 millivolt': unknown unit 'millivolt'");
        assertRejected("3 m", "cannot read '3 m': unknown unit 'm'");
        assertRejected("3 V", "cannot read '3 V': unknown unit 'V'");
        assertRejected("2 mV/ns", "cannot read '2 mV/ns': unknown unit 'ns' (did you mean nS?)");
        assertRejected("20 celsius",
                "cannot read '20 celsius': 'celsius' is not a unit (Brian2 dropped it); use kelvin for temperature differences");
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertRejected("", "cannot read '': expected a number, optionally followed by a unit");
        assertRejected("   ", "cannot read '   ': expected a number, optionally followed by a unit");
        assertRejected("-", "cannot read '-': expected a number or a unit after the sign");
        assertRejected("20 um^2", "cannot read '20 um^2': '^' at character 6 is not a power; write powers as **, e.g. um**2");
        assertRejected("1,5 mV", "cannot read '1,5 mV': unexpected ',' at character 2");
        assertRejected("5 mV ms", "cannot read '5 mV ms': unexpected 'm' at character 6");
        assertRejected("5 mV*", "cannot read '5 mV*': expected a unit name at the end");
        assertRejected("5 mV/3", "cannot read '5 mV/3': expected a unit name but found '3' at character 6");
        assertEquals("second**-0.5", parse("1 second**-0.5").dimension().toString());
        assertRejected("20s", "cannot read '20s': unknown unit 's' (did you mean second?)");
        assertRejected("5 um**", "cannot read '5 um**': expected a whole-number power after ** at character 7");
        assertRejected("5 um**1.25", "cannot read '5 um**1.25': power 1.25 is not a whole number or a half (such as 2, -1 or -0.5)");
        assertRejected("5 (mV", "cannot read '5 (mV': expected ')' at the end");
        assertRejected("5 um**99999", "cannot read '5 um**99999': power 99999 is too large");
        assertRejected("5 mV 3", "cannot read '5 mV 3': unexpected '3' at character 6");
    }

    @Test
    void nullIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(null));
        assertEquals("cannot read a quantity from nothing (null)", e.getMessage());
    }
}
