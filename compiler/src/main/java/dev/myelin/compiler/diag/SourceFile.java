package dev.myelin.compiler.diag;

import java.util.List;

/** The text of one model file, kept so diagnostics can quote the offending line. */
public record SourceFile(String name, String text) {

    public List<String> lines() {
        return text.lines().toList();
    }

    /** The 1-based line, without its line terminator, or "" past the end. */
    public String line(int line) {
        List<String> lines = lines();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
