package dev.myelin.runtime.protocol;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.synapse.SpikeQueue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Checks that a checkpoint fits the network restoring it — the same parts, array lengths and
 * kinds, the same dt and the same synapses (source and target of each) — and puts its parts in
 * the order {@code restoreState} takes them. Every mismatch is a {@link ModelError} that says
 * what differs, because restoring a state into another network would silently mix two models.
 */
public final class CheckpointMatch {

    private final Path file;
    private final Checkpoint checkpoint;
    private final long seed;
    private final double dt;

    public CheckpointMatch(Path file, Checkpoint checkpoint, long seed, double dt) {
        this.file = file;
        this.checkpoint = checkpoint;
        this.seed = seed;
        this.dt = dt;
    }

    /** The checkpoint's parts in the order of {@code names}; {@code current} is the network's own state, for comparison. */
    public Object[] state(String[] names, Object[] current) {
        if (checkpoint.dt() != dt) {
            throw error("it was made with dt = " + checkpoint.dt() + " s and this model has dt = " + dt + " s");
        }
        Set<String> unknown = new LinkedHashSet<>(checkpoint.parts().keySet());
        Object[] state = new Object[names.length];
        for (int k = 0; k < names.length; k++) {
            Object stored = checkpoint.parts().get(names[k]);
            if (stored == null) throw error("it has no " + describe(names[k]) + otherModel());
            unknown.remove(names[k]);
            state[k] = checked(names[k], stored, current[k]);
        }
        if (!unknown.isEmpty()) throw error("it has " + describe(unknown.iterator().next()) + ", which this model does not have" + otherModel());
        return state;
    }

    private Object checked(String name, Object stored, Object current) {
        if (stored instanceof double[] d && current instanceof float[]) stored = dev.myelin.runtime.FloatArrays.narrowed(d);
        if (stored.getClass() != current.getClass()) throw error(describe(name) + " is of another kind there" + otherModel());
        if (stored instanceof SpikeQueue || stored instanceof Double) return stored;
        int storedLength = java.lang.reflect.Array.getLength(stored);
        int length = java.lang.reflect.Array.getLength(current);
        boolean indices = name.endsWith(" pre") || name.endsWith(" post");
        if (indices && !Arrays.equals((int[]) stored, (int[]) current)) {
            String synapses = name.substring(0, name.indexOf(' '));
            throw error("its synapses " + synapses + " connect other neurons than this run's (" + storedLength + " synapses there, " + length
                    + " here). Random connections depend on the seed: the checkpoint was made with --seed " + checkpoint.seed()
                    + (checkpoint.seed() == seed ? "" : ", this run has seed " + seed));
        }
        if (storedLength != length) {
            throw error(describe(name) + " has " + storedLength + " values there and " + length + " here" + otherModel());
        }
        return stored;
    }

    private static String describe(String name) {
        if (name.endsWith(" queue")) return "delay queue " + name.substring(0, name.length() - " queue".length());
        if (name.endsWith(" pre") || name.endsWith(" post")) return "synapses " + name.substring(0, name.indexOf(' '));
        return "variable " + name;
    }

    private String otherModel() {
        return checkpoint.model().isEmpty() ? "" : " (it was made by " + checkpoint.model() + ")";
    }

    private ModelError error(String what) {
        return new ModelError("restore from " + file + ": the checkpoint does not fit this network: " + what);
    }
}
