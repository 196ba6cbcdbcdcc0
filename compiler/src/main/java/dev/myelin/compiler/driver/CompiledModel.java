package dev.myelin.compiler.driver;

import dev.myelin.compiler.codegen.GeneratedSource;
import dev.myelin.compiler.lower.LoweredModel;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.runtime.GeneratedNetwork;
import dev.myelin.runtime.Simulation;

import dev.myelin.compiler.diag.Diagnostic;
import dev.myelin.compiler.jit.LoadedNetwork;

import java.util.List;
import java.util.Map;

/** A model through the whole pipeline: checked, lowered, generated and loaded, ready to instantiate. */
public record CompiledModel(CheckedModel model, LoweredModel lowered, GeneratedSource source,
                            LoadedNetwork network, StageTimings timings, List<Diagnostic> warnings) {

    public CompiledModel {
        warnings = List.copyOf(warnings);
    }

    public Class<? extends GeneratedNetwork> networkClass() {
        return network.type();
    }

    /**
     * A fresh simulation of this model with params overridden by {@code overrides} (name to text
     * such as "0.7 nA"). {@code seed} replaces the model's seed when not null.
     */
    public Simulation instantiate(Map<String, String> overrides, Long seed) {
        long s = seed != null ? seed : model.seed() >= 0 ? model.seed() : System.nanoTime() & Long.MAX_VALUE;
        // Data files named in the model are found beside it, as the checker found them.
        java.nio.file.Path parent = java.nio.file.Path.of(model.source().name()).toAbsolutePath().getParent();
        Simulation sim = Simulation.of(network.type(), overrides, s, parent != null ? parent : java.nio.file.Path.of("."), Map.of(),
                model.source().name());
        return sim;
    }
}
