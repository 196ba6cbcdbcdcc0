package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceFile;

import java.util.List;

/** A parsed model file: its items in the order written. */
public record ModelFile(SourceFile source, List<Item> items) {
    public ModelFile {
        items = List.copyOf(items);
    }
}
