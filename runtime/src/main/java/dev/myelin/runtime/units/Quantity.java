package dev.myelin.runtime.units;

import java.util.Objects;

/** A value in SI units together with its dimension: -65 mV is {@code Quantity(-0.065, VOLT)}. */
public record Quantity(double value, Dimension dimension) {

    public Quantity {
        Objects.requireNonNull(dimension, "dimension");
    }

    public static Quantity dimensionless(double value) {
        return new Quantity(value, Dimension.DIMENSIONLESS);
    }

    @Override
    public String toString() {
        return dimension.isDimensionless() ? Double.toString(value) : value + " " + dimension;
    }
}
