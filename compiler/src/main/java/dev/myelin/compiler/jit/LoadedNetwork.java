package dev.myelin.compiler.jit;

import dev.myelin.runtime.GeneratedNetwork;

import java.util.Map;

/**
 * A generated network class loaded in this JVM, with the class files it was loaded from (by binary
 * class name), which a standalone jar packs unchanged.
 */
public record LoadedNetwork(Class<? extends GeneratedNetwork> type, Map<String, byte[]> classFiles) {

    public LoadedNetwork {
        classFiles = Map.copyOf(classFiles);
    }
}
