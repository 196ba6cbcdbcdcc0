package dev.myelin.runtime.units;

import java.util.Objects;

/**
 * A named unit: one {@code name} of it is {@code scale} SI units of {@code dimension}
 * ({@code mV} is {@code 1e-3} of a volt).
 */
public record Unit(String name, double scale, Dimension dimension) {

    public Unit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("unit '" + name + "' needs a positive finite scale, not " + scale);
        }
    }
}
