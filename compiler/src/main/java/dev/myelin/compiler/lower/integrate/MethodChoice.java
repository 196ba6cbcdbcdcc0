package dev.myelin.compiler.lower.integrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the integration method of a group. Named methods are looked up case-insensitively
 * ({@code linear} is Brian2's alias of {@code exact}). Without a name, Brian2 tries
 * {@code ('exact', 'euler', 'heun')} in order and takes the first that accepts the equations
 * (brian2/groups/neurongroup.py, NeuronGroup's default {@code method}; the loop is
 * StateUpdateMethod.apply_stateupdater in brian2/stateupdaters/base.py). For deterministic
 * equations euler always accepts, so the choice is exact if linear, else euler.
 */
public final class MethodChoice {

    /** Brian2's default order for NeuronGroup and Synapses. */
    public static final List<IntegrationMethod> AUTOMATIC_ORDER =
            List.of(IntegrationMethod.EXACT, IntegrationMethod.EULER, IntegrationMethod.HEUN);


    /**
     * The method used and its update. {@code rejected} holds, for an automatic choice, why each
     * earlier method in {@link #AUTOMATIC_ORDER} was passed over (Brian2 logs the choice at INFO).
     */
    public record Chosen(IntegrationMethod method, StateUpdate update, Map<IntegrationMethod, String> rejected) {
        public Chosen {
            rejected = Map.copyOf(rejected);
        }
    }

    private MethodChoice() {
    }

    /** The method called {@code name} (any case; {@code linear} = {@code exact}). */
    public static IntegrationMethod byName(String name) throws UnknownMethodException {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("linear")) {
            return IntegrationMethod.EXACT;
        }
        for (IntegrationMethod m : IntegrationMethod.values()) {
            if (m.brianName.equals(key)) {
                return m;
            }
        }
        String valid = "valid methods are exact (alias linear), euler, rk2, rk4, heun, milstein and exponential_euler";
        if (dev.myelin.compiler.model.Method.BRIAN2_ONLY.contains(key)) {
            throw new UnknownMethodException("Brian2's integration method '" + name + "' is not supported; " + valid);
        }
        throw new UnknownMethodException("unknown integration method '" + name + "'; " + valid);
    }

    /** Integrates with the named method, failing with its reason if it does not apply. */
    public static Chosen named(String name, OdeSystem system) throws UnknownMethodException, UnsupportedEquationsException {
        IntegrationMethod method = byName(name);
        return new Chosen(method, method.integrate(system), Map.of());
    }

    /** Brian2's automatic choice: the first of {@link #AUTOMATIC_ORDER} that accepts the system. */
    public static Chosen automatic(OdeSystem system) throws UnsupportedEquationsException {
        Map<IntegrationMethod, String> rejected = new LinkedHashMap<>();
        for (IntegrationMethod method : AUTOMATIC_ORDER) {
            try {
                return new Chosen(method, method.integrate(system), rejected);
            } catch (UnsupportedEquationsException e) {
                rejected.put(method, e.getMessage());
            }
        }
        // The last method tried is the most general; its reason is the one to act on.
        String last = rejected.get(AUTOMATIC_ORDER.get(AUTOMATIC_ORDER.size() - 1));
        throw new UnsupportedEquationsException(last + " (tried exact, euler and heun)");
    }
}
