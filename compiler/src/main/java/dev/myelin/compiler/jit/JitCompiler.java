package dev.myelin.compiler.jit;

import dev.myelin.compiler.codegen.GeneratedSource;
import dev.myelin.runtime.GeneratedNetwork;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles generated source in memory with Janino. Classes are cached by source hash in a small
 * LRU map owned by this instance (not global), so recompiling an unchanged model is free and class
 * loaders of old models can be collected.
 */
public final class JitCompiler {

    private static final int CAPACITY = 16;

    private final Map<String, LoadedNetwork> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoadedNetwork> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized LoadedNetwork compile(GeneratedSource source) {
        LoadedNetwork cached = cache.get(source.sourceHash());
        if (cached != null) return cached;
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(GeneratedNetwork.class.getClassLoader());
        try {
            compiler.cook(source.className() + ".java", source.source());
            Class<? extends GeneratedNetwork> type = compiler.getClassLoader().loadClass(source.className()).asSubclass(GeneratedNetwork.class);
            LoadedNetwork loaded = new LoadedNetwork(type, compiler.getBytecodes());
            cache.put(source.sourceHash(), loaded);
            return loaded;
        } catch (CompileException | ClassNotFoundException e) {
            // Generated code that does not compile is a compiler bug, not a user error.
            throw new IllegalStateException("generated code for " + source.className() + " does not compile: " + e.getMessage()
                    + "\n" + numbered(source.source()), e);
        }
    }

    /** The source with line numbers, as in compiler messages, for bug reports. */
    static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (String line : source.split("\n", -1)) out.append(String.format("%4d  %s%n", n++, line));
        return out.toString();
    }
}
