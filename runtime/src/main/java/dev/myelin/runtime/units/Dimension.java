package dev.myelin.runtime.units;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A physical dimension as exponents of the seven SI base units. Exponents are whole or half-integer
 * (Brian2's noise term {@code xi} is in {@code second**-0.5}), so they are stored doubled: the
 * record's components are twice the exponents, and {@link #of} takes whole exponents.
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
public record Dimension(int twiceMetre, int twiceKilogram, int twiceSecond, int twiceAmpere, int twiceKelvin, int twiceMole,
                        int twiceCandela) {

    public static final Dimension DIMENSIONLESS = of(0, 0, 0, 0, 0, 0, 0);
    public static final Dimension METRE = of(1, 0, 0, 0, 0, 0, 0);
    public static final Dimension KILOGRAM = of(0, 1, 0, 0, 0, 0, 0);
    public static final Dimension SECOND = of(0, 0, 1, 0, 0, 0, 0);
    public static final Dimension AMPERE = of(0, 0, 0, 1, 0, 0, 0);
    public static final Dimension KELVIN = of(0, 0, 0, 0, 1, 0, 0);
    public static final Dimension MOLE = of(0, 0, 0, 0, 0, 1, 0);
    public static final Dimension CANDELA = of(0, 0, 0, 0, 0, 0, 1);

    public static final Dimension VOLT = of(2, 1, -3, -1, 0, 0, 0);
    public static final Dimension HERTZ = SECOND.power(-1);
    public static final Dimension SIEMENS = of(-2, -1, 3, 2, 0, 0, 0);
    public static final Dimension FARAD = of(-2, -1, 4, 2, 0, 0, 0);
    public static final Dimension OHM = SIEMENS.power(-1);
    public static final Dimension COULOMB = AMPERE.times(SECOND);
    public static final Dimension NEWTON = of(1, 1, -2, 0, 0, 0, 0);
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

    /** The dimension with these whole exponents (metre, kilogram, second, ampere, kelvin, mole, candela). */
    public static Dimension of(int metre, int kilogram, int second, int ampere, int kelvin, int mole, int candela) {
        return new Dimension(Math.multiplyExact(metre, 2), Math.multiplyExact(kilogram, 2), Math.multiplyExact(second, 2),
                Math.multiplyExact(ampere, 2), Math.multiplyExact(kelvin, 2), Math.multiplyExact(mole, 2), Math.multiplyExact(candela, 2));
    }

    public Dimension times(Dimension other) {
        return new Dimension(twiceMetre + other.twiceMetre, twiceKilogram + other.twiceKilogram, twiceSecond + other.twiceSecond,
                twiceAmpere + other.twiceAmpere, twiceKelvin + other.twiceKelvin, twiceMole + other.twiceMole, twiceCandela + other.twiceCandela);
    }

    public Dimension divide(Dimension other) {
        return times(other.power(-1));
    }

    /** @throws ArithmeticException if an exponent overflows an int */
    public Dimension power(int n) {
        int[] e = doubled();
        for (int k = 0; k < e.length; k++) e[k] = Math.multiplyExact(e[k], n);
        return fromDoubled(e);
    }

    /**
     * The dimension raised to a real power, or empty when an exponent would not be whole or
     * half-integer (metre**0.25) or is absurdly large.
     */
    public Optional<Dimension> power(double exponent) {
        int[] e = doubled();
        for (int k = 0; k < e.length; k++) {
            double x = e[k] * exponent;
            if (Math.abs(x - Math.rint(x)) > 1e-9 || Math.abs(x) > 1e6) return Optional.empty();
            e[k] = (int) Math.rint(x);
        }
        return Optional.of(fromDoubled(e));
    }

    public boolean isDimensionless() {
        return equals(DIMENSIONLESS);
    }

    /** The square root, or empty when some exponent is an odd multiple of one half (metre**0.5). */
    public Optional<Dimension> sqrt() {
        return power(0.5);
    }

    /** Exponents in SI order: metre, kilogram, second, ampere, kelvin, mole, candela. */
    public double[] exponents() {
        int[] e = doubled();
        double[] out = new double[e.length];
        for (int k = 0; k < e.length; k++) out[k] = e[k] / 2.0;
        return out;
    }

    /** True when every exponent is a whole number. */
    public boolean isWhole() {
        for (int x : doubled()) if (x % 2 != 0) return false;
        return true;
    }

    /** A power of the second alone (including the dimensionless one). */
    private boolean isTimeOnly() {
        return twiceMetre == 0 && twiceKilogram == 0 && twiceAmpere == 0 && twiceKelvin == 0 && twiceMole == 0 && twiceCandela == 0;
    }

    private int[] doubled() {
        return new int[] {twiceMetre, twiceKilogram, twiceSecond, twiceAmpere, twiceKelvin, twiceMole, twiceCandela};
    }

    private static Dimension fromDoubled(int[] e) {
        return new Dimension(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
    }

    @Override
    public String toString() {
        for (Map.Entry<Dimension, String> named : NAMES) {
            if (named.getKey().equals(this)) {
                return named.getValue();
            }
        }
        if (!isWhole()) {
            // Noise factors: volt/second**1.5 reads better than its base units.
            for (Map.Entry<Dimension, String> named : NAMES) {
                if (named.getKey().isTimeOnly() || named.getValue().contains("/")) continue;
                Dimension rest = divide(named.getKey());
                if (rest.isTimeOnly()) {
                    double power = -rest.twiceSecond / 2.0;
                    return named.getValue() + (power > 0 ? "/second**" + power : " * second**" + (-power));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        int[] e = doubled();
        for (int i = 0; i < e.length; i++) {
            if (e[i] == 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(" * ");
            }
            text.append(BASE_NAMES[i]);
            if (e[i] != 2) {
                text.append("**").append(e[i] % 2 == 0 ? String.valueOf(e[i] / 2) : String.valueOf(e[i] / 2.0));
            }
        }
        return text.toString();
    }
}
