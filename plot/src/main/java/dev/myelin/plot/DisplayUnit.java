package dev.myelin.plot;

import dev.myelin.runtime.units.Dimension;

import java.util.Map;
import java.util.Optional;

/**
 * The unit an axis shows values in: SI values are multiplied by {@link #perSi} and the axis says
 * {@link #symbol}. For a dimension with a named unit (volt, amp, siemens...) the prefix is chosen
 * so that the largest value reads between 1 and 1000 (-65 mV rather than -0.065 V), as Brian2's
 * plots do; other dimensions are shown in SI with their unit written out.
 */
record DisplayUnit(String symbol, double perSi) {

    /**
     * Named units that take a prefix, by dimension; units whose SI value is not 1 of the base (the
     * kilogram, Brian2's molar = mol/l) are left out, so a prefix never misstates a value.
     */
    private static final Map<Dimension, String> SYMBOLS = Map.ofEntries(
            Map.entry(Dimension.VOLT, "V"), Map.entry(Dimension.AMPERE, "A"), Map.entry(Dimension.SIEMENS, "S"),
            Map.entry(Dimension.FARAD, "F"), Map.entry(Dimension.OHM, "Ω"), Map.entry(Dimension.SECOND, "s"),
            Map.entry(Dimension.HERTZ, "Hz"), Map.entry(Dimension.METRE, "m"), Map.entry(Dimension.COULOMB, "C"),
            Map.entry(Dimension.MOLE, "mol"));

    /** Prefixes used on axes: powers of a thousand only, which are the ones people read at a glance. */
    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G"};
    private static final int NO_PREFIX = 5;

    /** For values whose dimension is not known: SI, said so. */
    static final DisplayUnit UNKNOWN_SI = new DisplayUnit("SI units", 1);

    static DisplayUnit forValues(Optional<Dimension> dimension, double[] values) {
        if (dimension.isEmpty()) return UNKNOWN_SI;
        Dimension d = dimension.get();
        if (d.isDimensionless()) return new DisplayUnit("dimensionless", 1);
        String symbol = SYMBOLS.get(d);
        if (symbol == null) return new DisplayUnit(d.toString(), 1);
        double largest = 0;
        for (double v : values) {
            if (Double.isFinite(v)) largest = Math.max(largest, Math.abs(v));
        }
        int power = NO_PREFIX;
        if (largest > 0) {
            int thousands = (int) Math.floor(Math.log10(largest) / 3);
            power = Math.max(0, Math.min(PREFIXES.length - 1, NO_PREFIX + thousands));
        }
        return new DisplayUnit(PREFIXES[power] + symbol, Math.pow(1000, NO_PREFIX - power));
    }

    /** An axis label: {@code v (mV)}. */
    String label(String quantity) {
        return quantity + " (" + symbol + ")";
    }
}
