package dev.myelin.compiler.driver;

import dev.myelin.compiler.ast.ModelFile;
import dev.myelin.compiler.check.Checker;
import dev.myelin.compiler.codegen.GeneratedSource;
import dev.myelin.compiler.codegen.JavaGenerator;
import dev.myelin.compiler.codegen.Precision;
import dev.myelin.compiler.diag.CompilationFailed;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.jit.JitCompiler;
import dev.myelin.compiler.lower.LoweredModel;
import dev.myelin.compiler.lower.Lowering;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.parse.ModelParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The pipeline, stage by stage: parse, check, lower, generate, compile. One {@link Diagnostics} per
 * compilation; user errors end it with {@link CompilationFailed}.
 */
public final class ModelCompiler {

    private final JitCompiler jit = new JitCompiler();
    private final Precision precision;

    public ModelCompiler() {
        this(Precision.DOUBLE);
    }

    /** Synaptic variables stored in {@code precision} (see {@link Precision}). */
    public ModelCompiler(Precision precision) {
        this.precision = precision;
    }

    public CompiledModel compile(Path file) {
        return compile(read(file));
    }

    public static SourceFile read(Path file) {
        try {
            return new SourceFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputError("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
    }

    public CompiledModel compile(SourceFile source) {
        StageTimings timings = new StageTimings();
        Diagnostics diagnostics = new Diagnostics();
        ModelFile ast = timings.time("parse", () -> ModelParser.parse(source, diagnostics));
        diagnostics.throwIfErrors();
        CheckedModel checked = timings.time("check", () -> Checker.check(ast, diagnostics));
        diagnostics.throwIfErrors();
        LoweredModel lowered = timings.time("lower", () -> Lowering.lower(checked, diagnostics));
        diagnostics.throwIfErrors();
        GeneratedSource generated = timings.time("generate", () -> JavaGenerator.generate(lowered, precision));
        var loaded = timings.time("compile", () -> jit.compile(generated));
        return new CompiledModel(checked, lowered, generated, loaded, timings, diagnostics.warnings());
    }

    /** Parses and checks, for callers that need the checked model without code (the Java API's expressions). */
    public CheckedModel checked(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        ModelFile ast = ModelParser.parse(source, diagnostics);
        diagnostics.throwIfErrors();
        CheckedModel checked = Checker.check(ast, diagnostics);
        diagnostics.throwIfErrors();
        return checked;
    }

    /** Only checks: parse and check, reporting every error. */
    public Diagnostics check(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        ModelFile ast = ModelParser.parse(source, diagnostics);
        if (!diagnostics.hasErrors()) {
            CheckedModel checked = Checker.check(ast, diagnostics);
            if (!diagnostics.hasErrors()) Lowering.lower(checked, diagnostics);
        }
        return diagnostics;
    }

    /** A problem with the files given to Myelin (not with a model's contents). */
    public static final class InputError extends RuntimeException {
        public InputError(String message) {
            super(message, null, false, false);
        }
    }
}
