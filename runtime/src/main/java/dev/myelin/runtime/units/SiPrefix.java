package dev.myelin.runtime.units;

/** The twenty SI prefixes, spelled as Brian2 attaches them to unit names ({@code u} for micro, {@code da} for deka). */
public enum SiPrefix {
    YOCTO("y", -24), ZEPTO("z", -21), ATTO("a", -18), FEMTO("f", -15), PICO("p", -12), NANO("n", -9),
    MICRO("u", -6), MILLI("m", -3), CENTI("c", -2), DECI("d", -1), DEKA("da", 1), HECTO("h", 2),
    KILO("k", 3), MEGA("M", 6), GIGA("G", 9), TERA("T", 12), PETA("P", 15), EXA("E", 18),
    ZETTA("Z", 21), YOTTA("Y", 24);

    private final String symbol;
    private final int exponent;

    SiPrefix(String symbol, int exponent) {
        this.symbol = symbol;
        this.exponent = exponent;
    }

    public String symbol() {
        return symbol;
    }

    /** The power of ten this prefix stands for. */
    public int exponent() {
        return exponent;
    }
}
