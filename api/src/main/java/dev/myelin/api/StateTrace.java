package dev.myelin.api;

import java.util.Map;

/**
 * A state monitor's samples: times {@code t} (seconds), the recorded indices, and per variable its
 * values in SI units as {@code [recorded index][sample]}.
 */
public record StateTrace(double[] t, int[] indices, Map<String, double[][]> values) {

    public StateTrace {
        values = Map.copyOf(values);
    }

    /** One variable's values, {@code [recorded index][sample]}. */
    public double[][] of(String variable) {
        double[][] v = values.get(variable);
        if (v == null) throw new ModelException("this monitor records " + values.keySet() + ", not '" + variable + "'", false);
        return v;
    }
}
