package dev.myelin.runtime.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable table of unit names.
 *
 * <p>{@link #brian2()} holds exactly the unit names Brian2 2.5 defines in
 * {@code brian2.units.allunits} plus the short names of {@code brian2.units.stdunits}:
 * <ul>
 *   <li>base and derived units: {@code metre meter kilogram kilogramme gram gramme second amp ampere
 *       kelvin mole mol candle molar radian steradian hertz newton pascal joule watt coulomb volt
 *       farad ohm siemens weber tesla henry lumen lux becquerel gray sievert katal liter litre};</li>
 *   <li>each of them with each one-symbol SI prefix glued on ({@code mvolt}, {@code khertz},
 *       {@code umetre}, {@code dametre}, {@code Mohm}), except {@code kilogram}, {@code kilogramme} and
 *       {@code kelvin}, which take none;</li>
 *   <li>squares and cubes of every plain and prefixed unit ({@code metre2}, {@code umetre3},
 *       {@code msiemens2}), except the litres;</li>
 *   <li>the short names {@code mV mA uA nA pA pF uF nF nS uS mS ms us Hz kHz MHz cm cm2 cm3 mm mm2 mm3
 *       um um2 um3 mM uM nM}.</li>
 * </ul>
 * Brian2 has no spelled-out prefixes ({@code millivolt}) and no one-letter symbols ({@code V},
 * {@code s}, {@code m}, {@code kg}), so neither is here. {@code celsius} is not a unit.
 */
public final class UnitTable {

    private static final UnitTable BRIAN2 = buildBrian2();

    private final Map<String, Unit> units;

    private UnitTable(Map<String, Unit> units) {
        this.units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    public static UnitTable brian2() {
        return BRIAN2;
    }

    public Optional<Unit> lookup(String name) {
        return Optional.ofNullable(units.get(name));
    }

    /** Every name in the table, in a fixed order. */
    public Set<String> names() {
        return units.keySet();
    }

    private static UnitTable buildBrian2() {
        Builder table = new Builder();
        Dimension dimensionless = Dimension.DIMENSIONLESS;
        table.prefixedWithPowers("metre", 0, Dimension.METRE);
        table.prefixedWithPowers("meter", 0, Dimension.METRE);
        table.withPowers("kilogram", 0, Dimension.KILOGRAM);
        table.withPowers("kilogramme", 0, Dimension.KILOGRAM);
        table.prefixedWithPowers("gram", -3, Dimension.KILOGRAM);
        table.prefixedWithPowers("gramme", -3, Dimension.KILOGRAM);
        table.prefixedWithPowers("second", 0, Dimension.SECOND);
        table.prefixedWithPowers("amp", 0, Dimension.AMPERE);
        table.prefixedWithPowers("ampere", 0, Dimension.AMPERE);
        table.withPowers("kelvin", 0, Dimension.KELVIN);
        table.prefixedWithPowers("mole", 0, Dimension.MOLE);
        table.prefixedWithPowers("mol", 0, Dimension.MOLE);
        table.prefixedWithPowers("candle", 0, Dimension.CANDELA);
        // One molar is one mole per litre, 1000 mol/m^3.
        table.prefixedWithPowers("molar", 3, Dimension.MOLAR);
        table.prefixedWithPowers("radian", 0, dimensionless);
        table.prefixedWithPowers("steradian", 0, dimensionless);
        table.prefixedWithPowers("hertz", 0, Dimension.HERTZ);
        table.prefixedWithPowers("newton", 0, Dimension.NEWTON);
        table.prefixedWithPowers("pascal", 0, Dimension.PASCAL);
        table.prefixedWithPowers("joule", 0, Dimension.JOULE);
        table.prefixedWithPowers("watt", 0, Dimension.WATT);
        table.prefixedWithPowers("coulomb", 0, Dimension.COULOMB);
        table.prefixedWithPowers("volt", 0, Dimension.VOLT);
        table.prefixedWithPowers("farad", 0, Dimension.FARAD);
        table.prefixedWithPowers("ohm", 0, Dimension.OHM);
        table.prefixedWithPowers("siemens", 0, Dimension.SIEMENS);
        table.prefixedWithPowers("weber", 0, Dimension.WEBER);
        table.prefixedWithPowers("tesla", 0, Dimension.TESLA);
        table.prefixedWithPowers("henry", 0, Dimension.HENRY);
        table.prefixedWithPowers("lumen", 0, Dimension.CANDELA);
        table.prefixedWithPowers("lux", 0, Dimension.CANDELA.divide(Dimension.METRE.power(2)));
        table.prefixedWithPowers("becquerel", 0, Dimension.HERTZ);
        Dimension absorbedDose = Dimension.METRE.power(2).divide(Dimension.SECOND.power(2));
        table.prefixedWithPowers("gray", 0, absorbedDose);
        table.prefixedWithPowers("sievert", 0, absorbedDose);
        table.prefixedWithPowers("katal", 0, Dimension.MOLE.divide(Dimension.SECOND));
        // Brian2 gives the litres prefixes but no squares or cubes.
        table.prefixed("liter", -3, Dimension.METRE.power(3));
        table.prefixed("litre", -3, Dimension.METRE.power(3));

        String[][] shortNames = {
            {"mV", "mvolt"}, {"mA", "mamp"}, {"uA", "uamp"}, {"nA", "namp"}, {"pA", "pamp"},
            {"pF", "pfarad"}, {"uF", "ufarad"}, {"nF", "nfarad"},
            {"nS", "nsiemens"}, {"uS", "usiemens"}, {"mS", "msiemens"},
            {"ms", "msecond"}, {"us", "usecond"},
            {"Hz", "hertz"}, {"kHz", "khertz"}, {"MHz", "Mhertz"},
            {"cm", "cmetre"}, {"cm2", "cmetre2"}, {"cm3", "cmetre3"},
            {"mm", "mmetre"}, {"mm2", "mmetre2"}, {"mm3", "mmetre3"},
            {"um", "umetre"}, {"um2", "umetre2"}, {"um3", "umetre3"},
            {"mM", "mmolar"}, {"uM", "umolar"}, {"nM", "nmolar"},
        };
        for (String[] alias : shortNames) {
            table.alias(alias[0], alias[1]);
        }
        return new UnitTable(table.units);
    }

    /** Collects units by power-of-ten exponent, so that every scale is the double nearest to 10^n. */
    private static final class Builder {
        private final Map<String, Unit> units = new LinkedHashMap<>();

        void prefixedWithPowers(String name, int exponent, Dimension dimension) {
            withPowers(name, exponent, dimension);
            for (SiPrefix prefix : SiPrefix.values()) {
                withPowers(prefix.symbol() + name, exponent + prefix.exponent(), dimension);
            }
        }

        void prefixed(String name, int exponent, Dimension dimension) {
            add(name, exponent, dimension);
            for (SiPrefix prefix : SiPrefix.values()) {
                add(prefix.symbol() + name, exponent + prefix.exponent(), dimension);
            }
        }

        void withPowers(String name, int exponent, Dimension dimension) {
            add(name, exponent, dimension);
            add(name + "2", 2 * exponent, dimension.power(2));
            add(name + "3", 3 * exponent, dimension.power(3));
        }

        void alias(String alias, String target) {
            Unit unit = units.get(target);
            if (unit == null) {
                throw new IllegalStateException("alias " + alias + " names unknown unit " + target);
            }
            put(new Unit(alias, unit.scale(), unit.dimension()));
        }

        private void add(String name, int exponent, Dimension dimension) {
            // Parsing the decimal literal rounds correctly, unlike Math.pow(10, n).
            put(new Unit(name, Double.parseDouble("1e" + exponent), dimension));
        }

        private void put(Unit unit) {
            if (units.putIfAbsent(unit.name(), unit) != null) {
                throw new IllegalStateException("unit name defined twice: " + unit.name());
            }
        }
    }
}
