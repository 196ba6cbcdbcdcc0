package dev.myelin.runtime;

import dev.myelin.runtime.units.Quantity;
import dev.myelin.runtime.units.QuantityParser;
import dev.myelin.runtime.units.UnitTable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a model's params for one run: defaults, overridden by {@code --set name=value}
 * texts, each checked against the param's dimension.
 */
public final class ParamValues {

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final java.util.Set<String> overridden = new java.util.HashSet<>();
    private final java.util.Set<String> integers = new java.util.HashSet<>();

    /** Resolves overrides against the declared params; unknown names and wrong units are user errors. */
    public static ParamValues resolve(ParamSpec[] specs, Map<String, String> overrides) {
        ParamValues out = new ParamValues();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            byName.put(s.name(), s);
            if (s.integer()) out.integers.add(s.name());
            out.values.put(s.name(), s.defaultValue());
        }
        UnitTable units = UnitTable.brian2();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            ParamSpec spec = byName.get(o.getKey());
            if (spec == null) {
                throw new ModelError("--set " + o.getKey() + "=" + o.getValue() + ": the model has no param '" + o.getKey() + "'"
                        + (byName.isEmpty() ? " (it declares none)" : "; its params are: " + String.join(", ", byName.keySet())));
            }
            Quantity q;
            try {
                q = QuantityParser.parse(o.getValue(), units);
            } catch (IllegalArgumentException e) {
                throw new ModelError("--set " + o.getKey() + "=" + o.getValue() + ": " + e.getMessage());
            }
            if (!q.dimension().equals(spec.dimension())) {
                throw new ModelError("--set " + o.getKey() + "=" + o.getValue() + ": '" + o.getKey() + "' is in " + spec.dimension()
                        + " but this value is in " + q.dimension() + "; write it with its unit, e.g. " + o.getKey() + "=" + example(spec));
            }
            if (spec.integer() && q.value() != Math.rint(q.value())) {
                throw new ModelError("--set " + o.getKey() + "=" + o.getValue() + ": '" + o.getKey() + "' must be a whole number");
            }
            out.values.put(spec.name(), q.value());
            out.overridden.add(spec.name());
        }
        return out;
    }

    /**
     * The value of a derived param ({@code param n_inh = n_exc/4}): the one given with --set if
     * any, else {@code computed}, which is recorded as the param's value.
     */
    public double derived(String name, double computed) {
        if (overridden.contains(name)) return get(name);
        values.put(name, computed);
        return computed;
    }

    private static String example(ParamSpec spec) {
        return spec.dimension().isDimensionless() ? "1" : "1" + spec.dimension();
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalStateException("undeclared param " + name);
        return v;
    }

    /** In declaration order, integer params as longs, for the manifest. */
    public Map<String, Object> ordered() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, integers.contains(name) ? (Object) (long) (double) value : value));
        return out;
    }
}
