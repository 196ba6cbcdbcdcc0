package dev.myelin.runtime.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DimensionTest {

    @Test
    void arithmeticAddsAndScalesExponents() {
        assertEquals(Dimension.VOLT, Dimension.AMPERE.times(Dimension.OHM));
        assertEquals(Dimension.HERTZ, Dimension.DIMENSIONLESS.divide(Dimension.SECOND));
        assertEquals(Dimension.of(2, 0, 0, 0, 0, 0, 0), Dimension.METRE.power(2));
        assertEquals(Dimension.DIMENSIONLESS, Dimension.VOLT.power(0));
        assertEquals(Dimension.SIEMENS, Dimension.OHM.power(-1));
        assertEquals(Dimension.COULOMB, Dimension.FARAD.times(Dimension.VOLT));
    }

    @Test
    void dimensionlessIsRecognised() {
        assertTrue(Dimension.DIMENSIONLESS.isDimensionless());
        assertTrue(Dimension.VOLT.divide(Dimension.VOLT).isDimensionless());
        assertFalse(Dimension.METRE.isDimensionless());
    }

    @Test
    void squareRootHalvesEvenExponentsOnly() {
        assertEquals(Optional.of(Dimension.METRE), Dimension.METRE.power(2).sqrt());
        assertEquals(Optional.of(Dimension.VOLT), Dimension.VOLT.power(2).sqrt());
        assertEquals(Optional.of(Dimension.DIMENSIONLESS), Dimension.DIMENSIONLESS.sqrt());
        assertEquals(Optional.of(Dimension.of(0, 0, -1, 0, 0, 0, 0)), Dimension.SECOND.power(-2).sqrt());
        assertEquals(Optional.empty(), Dimension.VOLT.sqrt().orElseThrow().sqrt());
    }

    @Test
    void halfIntegerExponentsForNoise() {
        Dimension xi = Dimension.SECOND.power(-0.5).orElseThrow();
        assertEquals("second**-0.5", xi.toString());
        assertEquals(Dimension.HERTZ, xi.power(2));
        assertEquals("metre**1.5", Dimension.METRE.power(3).sqrt().orElseThrow().toString());
        assertEquals("volt/second**1.5", Dimension.VOLT.times(xi).divide(Dimension.SECOND).toString());
        assertEquals("amp * second**0.5", Dimension.AMPERE.divide(xi).toString());
        assertEquals(Optional.empty(), xi.power(0.5));
        assertFalse(xi.isWhole());
        assertTrue(Dimension.VOLT.isWhole());
    }

    @Test
    void namedUnitsPrintByName() {
        assertEquals("1", Dimension.DIMENSIONLESS.toString());
        assertEquals("volt", Dimension.VOLT.toString());
        assertEquals("amp", Dimension.AMPERE.toString());
        assertEquals("second", Dimension.SECOND.toString());
        assertEquals("hertz", Dimension.HERTZ.toString());
        assertEquals("siemens", Dimension.SIEMENS.toString());
        assertEquals("farad", Dimension.FARAD.toString());
        assertEquals("ohm", Dimension.OHM.toString());
        assertEquals("metre", Dimension.METRE.toString());
        assertEquals("kilogram", Dimension.KILOGRAM.toString());
        assertEquals("coulomb", Dimension.COULOMB.toString());
        assertEquals("joule", Dimension.JOULE.toString());
        assertEquals("watt", Dimension.WATT.toString());
        assertEquals("newton", Dimension.NEWTON.toString());
        assertEquals("pascal", Dimension.PASCAL.toString());
        assertEquals("kelvin", Dimension.KELVIN.toString());
        assertEquals("mole", Dimension.MOLE.toString());
        assertEquals("molar", Dimension.MOLAR.toString());
        assertEquals("weber", Dimension.WEBER.toString());
        assertEquals("tesla", Dimension.TESLA.toString());
        assertEquals("henry", Dimension.HENRY.toString());
        assertEquals("candle", Dimension.CANDELA.toString());
    }

    @Test
    void neuroscienceCompoundsPrintInTheirUsualForm() {
        Dimension area = Dimension.METRE.power(2);
        assertEquals("siemens/metre**2", Dimension.SIEMENS.divide(area).toString());
        assertEquals("farad/metre**2", Dimension.FARAD.divide(area).toString());
        assertEquals("amp/metre**2", Dimension.AMPERE.divide(area).toString());
        assertEquals("volt/second", Dimension.VOLT.divide(Dimension.SECOND).toString());
        assertEquals("amp/second", Dimension.AMPERE.divide(Dimension.SECOND).toString());
    }

    @Test
    void otherDimensionsPrintAsBaseUnitProducts() {
        assertEquals("metre**2", Dimension.METRE.power(2).toString());
        assertEquals("second**-2", Dimension.SECOND.power(-2).toString());
        assertEquals("metre**4 * kilogram**2 * second**-6 * amp**-2", Dimension.VOLT.power(2).toString());
        assertEquals("metre**-1 * mole", Dimension.MOLE.divide(Dimension.METRE).toString());
        assertEquals("kelvin * mole * candle", Dimension.KELVIN.times(Dimension.MOLE).times(Dimension.CANDELA).toString());
    }

    @Test
    void printedFormsParseBackToTheSameDimension() {
        Dimension[] samples = {
            Dimension.VOLT.power(2), Dimension.SIEMENS.divide(Dimension.METRE.power(2)),
            Dimension.VOLT.divide(Dimension.SECOND), Dimension.MOLE.divide(Dimension.METRE), Dimension.DIMENSIONLESS,
        };
        for (Dimension d : samples) {
            String text = d.isDimensionless() ? "1" : "1 " + d;
            assertEquals(d, QuantityParser.parse(text, UnitTable.brian2()).dimension(), text);
        }
    }
}
