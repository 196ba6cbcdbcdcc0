package dev.myelin.api;

import dev.myelin.compiler.codegen.Precision;
import dev.myelin.compiler.diag.CompilationFailed;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.driver.ModelCompiler;

import java.nio.file.Path;

/**
 * The entry point of the Java API: compiles model files or text into {@link Model}s. An instance
 * keeps the classes it compiled (by source hash), so compiling an unchanged model again is free;
 * instances share nothing.
 *
 * <pre>{@code
 * Myelin myelin = new Myelin();
 * Model model = myelin.compile(Path.of("lif.myl"));
 * Network net = model.newNetwork();
 * net.set("G.v", "El + 5*mV*i/N");
 * net.run("100 ms");
 * Spikes s = net.spikes("spikes");
 * }</pre>
 */
public final class Myelin {

    /** The version written into results and jars. */
    public static final String VERSION = "0.1.0";

    private final ModelCompiler compiler;

    public Myelin() {
        this(Precision.DOUBLE);
    }

    /**
     * Compiles with synaptic variables stored in {@code precision}: {@code FLOAT} halves the memory
     * of weights and traces (Brian2's {@code default_float_dtype = float32} for them); arithmetic
     * stays double.
     */
    public Myelin(Precision precision) {
        this.compiler = new ModelCompiler(precision);
    }

    /** Compiles a model file; data files it names are found beside it. */
    public Model compile(Path file) {
        return compile(read(file));
    }

    /**
     * Compiles model text; {@code name} is the file name used in messages, and data files are
     * found relative to its folder.
     */
    public Model compile(String name, String text) {
        return compile(new SourceFile(name, text));
    }

    private Model compile(SourceFile source) {
        try {
            return new Model(compiler.compile(source), this);
        } catch (CompilationFailed failed) {
            throw new ModelException(failed.diagnostics().render(), true);
        }
    }

    /** What checking found: every error and warning, rendered with positions. */
    public record CheckReport(boolean hasErrors, String report) {
    }

    /** Checks a model without running it, reporting every error (compiling stops at the first stage with errors). */
    public CheckReport check(Path file) {
        var diagnostics = compiler.check(read(file));
        return new CheckReport(diagnostics.hasErrors(), diagnostics.render());
    }

    private static SourceFile read(Path file) {
        try {
            return ModelCompiler.read(file);
        } catch (ModelCompiler.InputError e) {
            throw new ModelException(e.getMessage(), false);
        }
    }

    ModelCompiler compiler() {
        return compiler;
    }
}
