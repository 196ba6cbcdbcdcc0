package dev.myelin.compiler.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a stored state in the order captureState returns them: for each, the Java
 * expression that captures it and the name a checkpoint file keeps it under ("G.v", "S.w",
 * "S.pre queue", "S pre").
 */
final class StateParts {

    /** Suffix of a pathway's delay queue (spikes in flight). */
    static final String QUEUE = "queue";
    /** Suffixes of a synapses object's source and target indices (compared, never restored). */
    static final String PRE = "pre";
    static final String POST = "post";

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    void add(String name, String capture) {
        names.add(name);
        values.add(capture);
    }

    /** The index the next part gets. */
    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    List<String> values() {
        return values;
    }
}
