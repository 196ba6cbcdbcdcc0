package dev.myelin.api;

import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.compiler.pack.StandaloneJar;
import dev.myelin.compiler.diag.Diagnostic;
import dev.myelin.compiler.model.Param;
import dev.myelin.runtime.ModelError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A compiled model: make {@link Network}s of it, or pack it into a standalone jar. */
public final class Model {

    private final CompiledModel compiled;
    private final Myelin owner;

    Model(CompiledModel compiled, Myelin owner) {
        this.compiled = compiled;
        this.owner = owner;
    }

    /** The model file's name as given to {@link Myelin#compile}. */
    public String name() {
        return compiled.model().source().name();
    }

    /** The names of the model's {@code param}s, in file order (the ones {@code --set} overrides). */
    public List<String> params() {
        return compiled.model().params().stream().map(Param::name).toList();
    }

    /** Warnings of the compilation (e.g. a method chosen differently from Brian2), rendered with positions. */
    public List<String> warnings() {
        return compiled.warnings().stream().map(Diagnostic::render).toList();
    }

    /** Seconds each compiler stage took (parse, check, lower, generate, compile), in order. */
    public Map<String, Double> stageSeconds() {
        return compiled.timings().asMap();
    }

    /** The Java source generated for the model, as {@code myelin emit-java} writes it. */
    public String javaSource() {
        return compiled.source().source();
    }

    /** The fully qualified name of the class generated for the model (dev.myelin.generated.Network_...). */
    public String javaClassName() {
        return compiled.source().className();
    }

    /** A network with the model's params and seed, set up (initial values, connect) at t = 0. */
    public Network newNetwork() {
        return newNetwork(Map.of(), null);
    }

    /**
     * A network set up at t = 0 with params overridden by {@code overrides} (name to text with a
     * unit, as {@code --set}: "0.7 nA") and {@code seed} instead of the model's when not null.
     */
    public Network newNetwork(Map<String, String> overrides, Long seed) {
        return Network.setUp(this, instantiate(overrides, seed));
    }

    /**
     * A network not yet set up, for {@link Network#runExperiment}: the model file's whole
     * experiment (setup and protocol) with its results written, as {@code myelin run} runs it.
     */
    public Network experiment(Map<String, String> overrides, Long seed) {
        return new Network(this, instantiate(overrides, seed));
    }

    /** Runs the whole experiment and writes its results to {@code dir}; the network is returned for reading. */
    public Network runExperiment(Map<String, String> overrides, Long seed, Path dir) {
        Network network = experiment(overrides, seed);
        network.runExperiment(dir, null, null, null, 0);
        return network;
    }

    dev.myelin.runtime.Simulation instantiate(Map<String, String> overrides, Long seed) {
        try {
            return compiled.instantiate(overrides, seed);
        } catch (ModelError e) {
            throw new ModelException(e.getMessage(), false);
        }
    }

    /** Where a standalone jar was written and what it bundled. */
    public record Jar(Path path, long bytes, Map<String, Path> bundledData) {
    }

    /**
     * Writes a runnable jar of this model (runtime, generated classes, metadata; nothing of the
     * compiler). With {@code bundleData} the model's data files go inside it; otherwise the jar
     * reads them from where they are now (or from {@code --data DIR}).
     */
    public Jar buildJar(Path jar, boolean bundleData) {
        try {
            var written = StandaloneJar.write(compiled, jar, bundleData, Myelin.VERSION);
            return new Jar(written.jar(), written.bytes(), written.bundled());
        } catch (IOException e) {
            throw new ModelException("cannot write " + jar + ": " + e.getMessage(), false);
        }
    }

    /** The checked model (the compiler's record of groups, monitors and units), for tools built on Myelin such as its plotter. */
    public dev.myelin.compiler.model.CheckedModel checkedModel() {
        return compiled.model();
    }

    CompiledModel compiled() {
        return compiled;
    }

    Myelin owner() {
        return owner;
    }
}
