package dev.myelin.examples;

import dev.myelin.compiler.diag.CompilationFailed;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the examples of the language reference, {@code docs/language.md}, valid.
 *
 * <p>The rule that decides which code blocks are models: <b>a fenced block whose opening fence has
 * no language tag (a bare {@code ```}) is a complete model file</b>. Every other block is not one:
 * syntax templates ({@code neurons NAME[N] { ... }}), file contents and snippets that need data
 * files are fenced {@code ```text}; Brian2 code is {@code ```python}, JSON {@code ```json}. So a
 * new example is tested as soon as it is written with a bare fence, and a template written with
 * a bare fence fails here, which asks its author to fence it {@code ```text}.
 *
 * <p>Each model is written to a temporary folder (so examples cannot rely on data files: the
 * reference keeps file-based forms in {@code ```text} blocks), must pass {@code myelin check}'s
 * checks without errors, and is then compiled and run through its whole protocol with seed 1. The
 * examples are meant to be small; each must run within {@link #TIME_LIMIT}.
 */
class DocsExamplesTest {

    /** The test runs in examples/, so the docs are one folder up. */
    private static final Path LANGUAGE = Path.of("..", "docs", "language.md");

    /** Every example is a small model; a slow one does not belong in the reference. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    /** The reference had 25 models when this test was written; fewer means examples were lost or the extraction broke. */
    private static final int AT_LEAST = 25;

    @TempDir
    Path dir;

    /** One fenced code block: the line of its opening fence, its language tag ("" if none) and its text. */
    record Block(int line, String tag, String text) {

        boolean isModel() {
            return tag.isEmpty();
        }

        /** A name for the test report: the line, and the block's first line (usually a comment saying what it shows). */
        String title() {
            String first = text.lines().findFirst().orElse("").strip();
            return "line " + line + ": " + (first.length() > 70 ? first.substring(0, 67) + "..." : first);
        }
    }

    /** The fenced blocks of a Markdown text, in order. Fences may be indented (inside list items). */
    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            String fence = lines.get(k).strip();
            if (!fence.startsWith("```")) continue;
            String tag = fence.substring(3).strip();
            int open = k;
            StringBuilder text = new StringBuilder();
            for (k++; k < lines.size() && !lines.get(k).strip().equals("```"); k++) text.append(lines.get(k)).append('\n');
            if (k == lines.size()) throw new AssertionError("the code block opened on line " + (open + 1) + " is never closed");
            out.add(new Block(open + 1, tag, text.toString()));
        }
        return out;
    }

    private static List<Block> models() throws IOException {
        return blocks(Files.readString(LANGUAGE)).stream().filter(Block::isModel).toList();
    }

    @Test
    void theReferenceHasItsExamples() throws IOException {
        List<Block> all = blocks(Files.readString(LANGUAGE));
        long models = all.stream().filter(Block::isModel).count();
        assertTrue(models >= AT_LEAST, "only " + models + " model examples found in " + LANGUAGE + " (fences without a language tag)");
        // The rule in action: templates are fenced ```text, and there are some.
        assertTrue(all.stream().anyMatch(b -> b.tag().equals("text") && b.text().startsWith("synapses NAME(")),
                "the synapses template should be a ```text block");
    }

    @Test
    void blocksAreFoundWithTheirTags() {
        List<Block> found = blocks("""
                text
                ```
                run 1 ms
                ```
                - a list item:

                  ```text
                  neurons NAME[N] { ... }
                  ```
                ```python
                S.connect(p=0.1)
                ```
                """);
        assertEquals(3, found.size());
        assertEquals(new Block(2, "", "run 1 ms\n"), found.get(0));
        assertEquals("text", found.get(1).tag());
        assertFalse(found.get(1).isModel());
        assertEquals("python", found.get(2).tag());
    }

    @TestFactory
    Stream<DynamicTest> everyModelInTheLanguageReferenceChecksAndRuns() throws IOException {
        return models().stream().map(block -> DynamicTest.dynamicTest(block.title(), () -> checkAndRun(block)));
    }

    private void checkAndRun(Block block) throws IOException {
        Path file = dir.resolve("language_line_" + block.line() + ".myl");
        Files.writeString(file, block.text());
        Diagnostics diagnostics = new ModelCompiler().check(new SourceFile(file.toString(), block.text()));
        if (diagnostics.hasErrors()) {
            fail("the example on line " + block.line() + " of docs/language.md does not check:\n" + diagnostics.render()
                    + "(fence it ```text if it is not meant to be a complete model)");
        }
        assertTimeout(TIME_LIMIT, () -> {
            CompiledModel model;
            try {
                model = new ModelCompiler().compile(file);
            } catch (CompilationFailed e) {
                throw new AssertionError("the example on line " + block.line() + " checks but does not compile:\n" + e.getMessage(), e);
            }
            Simulation sim = model.instantiate(Map.of(), 1L);
            try {
                sim.runProtocol();
            } catch (RuntimeException e) {
                throw new AssertionError("the example on line " + block.line() + " fails when it runs: " + e.getMessage(), e);
            }
        }, () -> "the example on line " + block.line() + " should be small enough to run within " + TIME_LIMIT.toSeconds() + " s");
    }
}
