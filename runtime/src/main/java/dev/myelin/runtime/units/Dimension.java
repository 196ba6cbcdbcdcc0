package dev.myelin.runtime.units;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A physical dimension as integer exponents of the seven SI base units.
 *
 * <p>{@link #toString()} gives a readable name. A dimension that equals a named unit's dimension
 * is shown as that name ({@code volt}, {@code siemens}, {@code hertz}...), a handful of compound
 * dimensions common in neuroscience are shown in their usual form ({@code siemens/metre**2},
 * {@code volt/second}...), the dimensionless one as {@code 1}, and anything else as a product of
 * Brian2's base-unit names with Python powers, in Brian2's order, e.g.
 * {@code metre**2 * kilogram * second**-4}. Every such string is itself a valid unit expression
 * for {@link QuantityParser}. The luminous-intensity base is called {@code candle}, the name
 * Brian2 exports (it has no {@code candela}).
 */
public record Dimension(int metre, int kilogram, int second, int ampere, int kelvin, int mole, int candela) {

    public static final Dimension DIMENSIONLESS = new Dimension(0, 0, 0, 0, 0, 0, 0);
    public static final Dimension METRE = new Dimension(1, 0, 0, 0, 0, 0, 0);
    public static final Dimension KILOGRAM = new Dimension(0, 1, 0, 0, 0, 0, 0);
    public static final Dimension SECOND = new Dimension(0, 0, 1, 0, 0, 0, 0);
    public static final Dimension AMPERE = new Dimension(0, 0, 0, 1, 0, 0, 0);
    public static final Dimension KELVIN = new Dimension(0, 0, 0, 0, 1, 0, 0);
    public static final Dimension MOLE = new Dimension(0, 0, 0, 0, 0, 1, 0);
    public static final Dimension CANDELA = new Dimension(0, 0, 0, 0, 0, 0, 1);

    public static final Dimension VOLT = new Dimension(2, 1, -3, -1, 0, 0, 0);
    public static final Dimension HERTZ = SECOND.power(-1);
    public static final Dimension SIEMENS = new Dimension(-2, -1, 3, 2, 0, 0, 0);
    public static final Dimension FARAD = new Dimension(-2, -1, 4, 2, 0, 0, 0);
    public static final Dimension OHM = SIEMENS.power(-1);
    public static final Dimension COULOMB = AMPERE.times(SECOND);
    public static final Dimension NEWTON = new Dimension(1, 1, -2, 0, 0, 0, 0);
    public static final Dimension JOULE = NEWTON.times(METRE);
    public static final Dimension WATT = JOULE.divide(SECOND);
    public static final Dimension PASCAL = NEWTON.divide(METRE.power(2));
    public static final Dimension MOLAR = MOLE.divide(METRE.power(3));
    public static final Dimension WEBER = VOLT.times(SECOND);
    public static final Dimension TESLA = WEBER.divide(METRE.power(2));
    public static final Dimension HENRY = WEBER.divide(AMPERE);

    // First match wins, so the order settles names shared by several units (hertz over becquerel).
    private static final List<Map.Entry<Dimension, String>> NAMES = List.of(
            Map.entry(DIMENSIONLESS, "1"),
            Map.entry(VOLT, "volt"),
            Map.entry(AMPERE, "amp"),
            Map.entry(SECOND, "second"),
            Map.entry(HERTZ, "hertz"),
            Map.entry(SIEMENS, "siemens"),
            Map.entry(FARAD, "farad"),
            Map.entry(OHM, "ohm"),
            Map.entry(METRE, "metre"),
            Map.entry(KILOGRAM, "kilogram"),
            Map.entry(COULOMB, "coulomb"),
            Map.entry(JOULE, "joule"),
            Map.entry(WATT, "watt"),
            Map.entry(NEWTON, "newton"),
            Map.entry(PASCAL, "pascal"),
            Map.entry(KELVIN, "kelvin"),
            Map.entry(MOLE, "mole"),
            Map.entry(MOLAR, "molar"),
            Map.entry(WEBER, "weber"),
            Map.entry(TESLA, "tesla"),
            Map.entry(HENRY, "henry"),
            Map.entry(CANDELA, "candle"),
            // Compound dimensions a neuroscientist expects to read in this form.
            Map.entry(SIEMENS.divide(METRE.power(2)), "siemens/metre**2"),
            Map.entry(FARAD.divide(METRE.power(2)), "farad/metre**2"),
            Map.entry(AMPERE.divide(METRE.power(2)), "amp/metre**2"),
            Map.entry(VOLT.divide(SECOND), "volt/second"),
            Map.entry(AMPERE.divide(SECOND), "amp/second"));

    private static final String[] BASE_NAMES = {"metre", "kilogram", "second", "amp", "kelvin", "mole", "candle"};

    public Dimension times(Dimension other) {
        return new Dimension(metre + other.metre, kilogram + other.kilogram, second + other.second,
                ampere + other.ampere, kelvin + other.kelvin, mole + other.mole, candela + other.candela);
    }

    public Dimension divide(Dimension other) {
        return times(other.power(-1));
    }

    /** @throws ArithmeticException if an exponent overflows an int */
    public Dimension power(int n) {
        return new Dimension(Math.multiplyExact(metre, n), Math.multiplyExact(kilogram, n),
                Math.multiplyExact(second, n), Math.multiplyExact(ampere, n), Math.multiplyExact(kelvin, n),
                Math.multiplyExact(mole, n), Math.multiplyExact(candela, n));
    }

    public boolean isDimensionless() {
        return equals(DIMENSIONLESS);
    }

    /** The square root, or empty when some exponent is odd (the runtime has no fractional dimensions). */
    public Optional<Dimension> sqrt() {
        int[] e = exponents();
        for (int x : e) {
            if (x % 2 != 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Dimension(e[0] / 2, e[1] / 2, e[2] / 2, e[3] / 2, e[4] / 2, e[5] / 2, e[6] / 2));
    }

    /** Exponents in SI order: metre, kilogram, second, ampere, kelvin, mole, candela. */
    public int[] exponents() {
        return new int[] {metre, kilogram, second, ampere, kelvin, mole, candela};
    }

    @Override
    public String toString() {
        for (Map.Entry<Dimension, String> named : NAMES) {
            if (named.getKey().equals(this)) {
                return named.getValue();
            }
        }
        StringBuilder text = new StringBuilder();
        int[] e = exponents();
        for (int i = 0; i < e.length; i++) {
            if (e[i] == 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(" * ");
            }
            text.append(BASE_NAMES[i]);
            if (e[i] != 1) {
                text.append("**").append(e[i]);
            }
        }
        return text.toString();
    }
}
