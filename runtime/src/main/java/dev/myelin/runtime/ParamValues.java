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

    /** Resolves overrides against the declared params; unknown names and wrong units are user errors. */
    public static ParamValues resolve(ParamSpec[] specs, Map<String, String> overrides) {
        ParamValues out = new ParamValues();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            byName.put(s.name(), s);
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
        }
        return out;
    }

    private static String example(ParamSpec spec) {
        return spec.dimension().isDimensionless() ? "1" : "1" + spec.dimension();
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalStateException("undeclared param " + name);
        return v;
    }

    /** In declaration order, for the manifest. */
    public Map<String, Double> asMap() {
        return Map.copyOf(values);
    }

    public Map<String, Double> ordered() {
        return new LinkedHashMap<>(values);
    }
}
