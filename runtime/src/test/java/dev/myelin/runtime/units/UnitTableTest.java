package dev.myelin.runtime.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitTableTest {

    private static final UnitTable UNITS = UnitTable.brian2();
    private static final Dimension AREA = Dimension.METRE.power(2);

    private static void assertUnit(String name, double scale, Dimension dimension) {
        Unit unit = UNITS.lookup(name).orElseThrow(() -> new AssertionError("missing unit " + name));
        assertEquals(name, unit.name());
        assertEquals(scale, unit.scale(), 0.0, name);
        assertEquals(dimension, unit.dimension(), name);
    }

    private static void assertAbsent(String name) {
        assertTrue(UNITS.lookup(name).isEmpty(), name + " should not be a unit");
    }

    @Test
    void everyShortNameHasItsExactSiScale() {
        Map<String, Double> volts = Map.of("mV", 1e-3);
        volts.forEach((n, s) -> assertUnit(n, s, Dimension.VOLT));
        Map.of("mA", 1e-3, "uA", 1e-6, "nA", 1e-9, "pA", 1e-12).forEach((n, s) -> assertUnit(n, s, Dimension.AMPERE));
        Map.of("pF", 1e-12, "nF", 1e-9, "uF", 1e-6).forEach((n, s) -> assertUnit(n, s, Dimension.FARAD));
        Map.of("nS", 1e-9, "uS", 1e-6, "mS", 1e-3).forEach((n, s) -> assertUnit(n, s, Dimension.SIEMENS));
        Map.of("ms", 1e-3, "us", 1e-6).forEach((n, s) -> assertUnit(n, s, Dimension.SECOND));
        Map.of("Hz", 1.0, "kHz", 1e3, "MHz", 1e6).forEach((n, s) -> assertUnit(n, s, Dimension.HERTZ));
        Map.of("cm", 1e-2, "mm", 1e-3, "um", 1e-6).forEach((n, s) -> assertUnit(n, s, Dimension.METRE));
        Map.of("cm2", 1e-4, "mm2", 1e-6, "um2", 1e-12).forEach((n, s) -> assertUnit(n, s, AREA));
        Map.of("cm3", 1e-6, "mm3", 1e-9, "um3", 1e-18).forEach((n, s) -> assertUnit(n, s, Dimension.METRE.power(3)));
        Map.of("mM", 1.0, "uM", 1e-3, "nM", 1e-6).forEach((n, s) -> assertUnit(n, s, Dimension.MOLAR));
    }

    @Test
    void prefixedFullNamesHaveTheirExactSiScale() {
        assertUnit("mvolt", 1e-3, Dimension.VOLT);
        assertUnit("uvolt", 1e-6, Dimension.VOLT);
        assertUnit("khertz", 1e3, Dimension.HERTZ);
        assertUnit("umetre", 1e-6, Dimension.METRE);
        assertUnit("cmetre", 1e-2, Dimension.METRE);
        assertUnit("nmeter", 1e-9, Dimension.METRE);
        assertUnit("nsiemens", 1e-9, Dimension.SIEMENS);
        assertUnit("msiemens", 1e-3, Dimension.SIEMENS);
        assertUnit("ufarad", 1e-6, Dimension.FARAD);
        assertUnit("pamp", 1e-12, Dimension.AMPERE);
        assertUnit("nampere", 1e-9, Dimension.AMPERE);
        assertUnit("msecond", 1e-3, Dimension.SECOND);
        assertUnit("kohm", 1e3, Dimension.OHM);
        assertUnit("Gohm", 1e9, Dimension.OHM);
        assertUnit("mmol", 1e-3, Dimension.MOLE);
        assertUnit("mmole", 1e-3, Dimension.MOLE);
        assertUnit("dametre", 10.0, Dimension.METRE);
        assertUnit("hmetre", 100.0, Dimension.METRE);
        assertUnit("dmetre", 0.1, Dimension.METRE);
        assertUnit("ysecond", 1e-24, Dimension.SECOND);
        assertUnit("Yhertz", 1e24, Dimension.HERTZ);
        assertUnit("fcoulomb", 1e-15, Dimension.COULOMB);
        assertUnit("Tjoule", 1e12, Dimension.JOULE);
    }

    @Test
    void massIsCountedFromTheGram() {
        assertUnit("kilogram", 1.0, Dimension.KILOGRAM);
        assertUnit("kilogramme", 1.0, Dimension.KILOGRAM);
        assertUnit("gram", 1e-3, Dimension.KILOGRAM);
        assertUnit("gramme", 1e-3, Dimension.KILOGRAM);
        assertUnit("kgram", 1.0, Dimension.KILOGRAM);
        assertUnit("mgram", 1e-6, Dimension.KILOGRAM);
        assertUnit("kilogram2", 1.0, Dimension.KILOGRAM.power(2));
        assertUnit("mgram2", 1e-12, Dimension.KILOGRAM.power(2));
        assertAbsent("kkilogram");
        assertAbsent("mkilogram");
        assertAbsent("kg");
        assertAbsent("g");
    }

    @Test
    void litreAndMolarFollowBrian2() {
        assertUnit("liter", 1e-3, Dimension.METRE.power(3));
        assertUnit("litre", 1e-3, Dimension.METRE.power(3));
        assertUnit("mliter", 1e-6, Dimension.METRE.power(3));
        assertUnit("molar", 1e3, Dimension.MOLAR);
        assertUnit("mmolar", 1.0, Dimension.MOLAR);
        assertUnit("umolar2", 1e-6, Dimension.MOLAR.power(2));
        assertAbsent("liter2");
        assertAbsent("mlitre3");
    }

    @Test
    void powersOfPlainAndPrefixedUnits() {
        assertUnit("metre2", 1.0, AREA);
        assertUnit("meter3", 1.0, Dimension.METRE.power(3));
        assertUnit("cmetre2", 1e-4, AREA);
        assertUnit("umetre3", 1e-18, Dimension.METRE.power(3));
        assertUnit("ymetre3", 1e-72, Dimension.METRE.power(3));
        assertUnit("msiemens2", 1e-6, Dimension.SIEMENS.power(2));
        assertUnit("hertz2", 1.0, Dimension.HERTZ.power(2));
        assertUnit("kelvin2", 1.0, Dimension.KELVIN.power(2));
        assertAbsent("ms2");
        assertAbsent("mV2");
        assertAbsent("metre4");
    }

    @Test
    void trapsAreResolvedAsBrian2Does() {
        assertAbsent("m");
        assertUnit("mV", 1e-3, Dimension.VOLT);
        assertUnit("ms", 1e-3, Dimension.SECOND);
        assertUnit("mm", 1e-3, Dimension.METRE);
        assertUnit("Mohm", 1e6, Dimension.OHM);
        assertUnit("mohm", 1e-3, Dimension.OHM);
        assertUnit("Msecond", 1e6, Dimension.SECOND);
        assertUnit("mM", 1.0, Dimension.MOLAR);
        assertUnit("Mmolar", 1e9, Dimension.MOLAR);
        assertAbsent("mkelvin");
        assertAbsent("celsius");
        assertAbsent("candela");
        assertUnit("candle", 1.0, Dimension.CANDELA);
    }

    @Test
    void namesBrian2DoesNotExportAreAbsent() {
        for (String name : new String[] {"V", "s", "A", "K", "N", "Pa", "J", "W", "C", "F", "S", "Wb", "T", "H",
                "lm", "lx", "Bq", "Gy", "Sv", "kat", "rad", "sr", "l", "L", "cd", "uV", "nV", "ns", "nm", "pS",
                "millivolt", "kilohertz", "micrometre", "nanosiemens", "picoamp", "megaohm", "millisecond"}) {
            assertAbsent(name);
        }
    }

    @Test
    void dimensionlessAnglesAndOtherDerivedUnits() {
        assertUnit("radian", 1.0, Dimension.DIMENSIONLESS);
        assertUnit("msteradian", 1e-3, Dimension.DIMENSIONLESS);
        assertUnit("becquerel", 1.0, Dimension.HERTZ);
        assertUnit("lumen", 1.0, Dimension.CANDELA);
        assertUnit("lux", 1.0, Dimension.CANDELA.divide(AREA));
        assertUnit("gray", 1.0, AREA.divide(Dimension.SECOND.power(2)));
        assertUnit("sievert", 1.0, AREA.divide(Dimension.SECOND.power(2)));
        assertUnit("katal", 1.0, Dimension.MOLE.divide(Dimension.SECOND));
        assertUnit("weber", 1.0, Dimension.WEBER);
        assertUnit("tesla", 1.0, Dimension.TESLA);
        assertUnit("henry", 1.0, Dimension.HENRY);
        assertUnit("pascal", 1.0, Dimension.PASCAL);
        assertUnit("newton", 1.0, Dimension.NEWTON);
        assertUnit("watt", 1.0, Dimension.WATT);
    }

    @Test
    void tableHoldsEveryBrian2NameOnce() {
        // 32 prefixable units x 63 forms + 3 unprefixed x 3 + 2 litres x 21 + 28 short names.
        assertEquals(32 * 63 + 3 * 3 + 2 * 21 + 28, UNITS.names().size());
    }

    @Test
    void tableIsImmutableAndShared() {
        assertTrue(UnitTable.brian2() == UNITS);
        try {
            UNITS.names().clear();
            throw new AssertionError("names() should be read-only");
        } catch (UnsupportedOperationException expected) {
            // read-only, as intended
        }
    }
}
