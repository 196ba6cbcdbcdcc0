package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.lower.ArrayVar;
import dev.myelin.compiler.lower.LoweredModel;
import dev.myelin.compiler.lower.SynapsePlan;
import dev.myelin.compiler.model.Pathway;
import dev.myelin.compiler.model.Variable;
import dev.myelin.runtime.units.Dimension;

import java.util.HashSet;
import java.util.Set;

/**
 * The Java element type of each per-synapse array under a {@link Precision}: with FLOAT, the
 * real-valued variables that are not times or delays are {@code float[]} (times and delays are
 * turned into steps, where a float's 24 bits would move a spike by a step after a few seconds).
 * Reads widen to double by themselves; stores narrow through {@link #store}.
 */
final class SynapseStorage {

    /** "S.w" for each variable stored as float. */
    private final Set<String> floats = new HashSet<>();

    SynapseStorage(LoweredModel lowered, Precision precision) {
        if (precision != Precision.FLOAT) return;
        for (SynapsePlan s : lowered.synapses()) {
            Set<String> delays = new HashSet<>();
            for (Pathway p : s.synapses().pathways()) if (p.delay() instanceof Pathway.SynapticDelay d) delays.add(d.variable());
            for (ArrayVar a : s.arrays()) {
                if (a.type() != ValueType.DOUBLE || delays.contains(a.name()) || isTime(s, a.name()) || s.isSetTime(a)) continue;
                floats.add(s.name() + "." + a.name());
            }
        }
    }

    private static boolean isTime(SynapsePlan s, String variable) {
        for (Variable v : s.synapses().variables()) if (v.name().equals(variable)) return v.dimension().equals(Dimension.SECOND);
        return false;
    }

    /** Whether any variable is stored as float. */
    boolean any() {
        return !floats.isEmpty();
    }

    boolean isFloat(String owner, String variable) {
        return floats.contains(owner + "." + variable);
    }

    /** The element type of synapses {@code owner}'s array {@code a}. */
    String element(String owner, ArrayVar a) {
        return isFloat(owner, a.name()) ? "float" : JavaGenerator.javaType(a.type());
    }

    /** The array class of synapses {@code owner}'s array {@code a}, for its field. */
    Class<?> arrayType(String owner, ArrayVar a) {
        return isFloat(owner, a.name()) ? float[].class : JavaGenerator.arrayType(a.type());
    }

    /** {@code value} (Java source) as it is stored into {@code owner.variable}. */
    String store(String owner, String variable, String value) {
        return isFloat(owner, variable) ? "(float) (" + value + ")" : value;
    }
}
