package dev.myelin.compiler.diagnostics;

import dev.myelin.compiler.diag.Diagnostic;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.driver.ModelCompiler;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs {@code myelin check} on model text, as the CLI does, and checks the shape of what it reports. */
final class Check {

    static final String FILE = "model.myl";

    private Check() {
    }

    /** The diagnostics of checking {@code model}; fails the test, showing the model, if the compiler throws. */
    static Diagnostics diagnostics(String model) {
        try {
            return new ModelCompiler().check(new SourceFile(FILE, model));
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return fail("checking this model threw " + t + " instead of reporting diagnostics:\n" + model + "\n" + trace);
        }
    }

    /** Exactly what the user sees. */
    static String render(String model) {
        return diagnostics(model).render();
    }

    /**
     * A bad model gets at least one error, and every diagnostic points at text of the model (a
     * line that exists, a column on it, a caret that does not run past its end), says what to do,
     * and shows no compiler internals.
     */
    static void assertWellFormed(String model) {
        Diagnostics diagnostics = diagnostics(model);
        assertTrue(diagnostics.hasErrors(), () -> "no error reported for\n" + model);
        List<String> lines = model.lines().toList();
        for (Diagnostic d : diagnostics.all()) {
            SourceSpan at = d.span();
            String where = d.render();
            assertTrue(at.line() >= 1 && at.line() <= lines.size(), () -> "line out of the model:\n" + where);
            String line = lines.get(at.line() - 1);
            assertTrue(at.column() >= 1 && at.column() <= line.length() + 1, () -> "column out of the line:\n" + where);
            assertTrue(at.column() - 1 + at.length() <= Math.max(line.length(), at.column()), () -> "caret runs past the line:\n" + where);
            assertFalse(d.help().isBlank(), () -> "no help:\n" + where);
            for (String internal : List.of("Exception", "dev.myelin", "null", "NaN", "\tat ")) {
                assertFalse(d.message().contains(internal) || d.help().contains(internal), () -> "internals shown:\n" + where);
            }
        }
    }
}
