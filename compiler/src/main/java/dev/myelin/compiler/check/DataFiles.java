package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.diag.Diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Data files named in a model: resolved beside the model file and checked to exist while checking. */
final class DataFiles {

    private final Diagnostics diagnostics;
    private final Path directory;

    DataFiles(Diagnostics diagnostics, Path directory) {
        this.diagnostics = diagnostics;
        this.directory = directory;
    }

    /** The resolved path of an existing, readable file; empty (reported) otherwise. */
    Optional<Path> existing(Item.FileName file) {
        Path path = directory.resolve(file.path()).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            diagnostics.error(file.span(), "cannot read the file " + path + (Files.exists(path) ? "" : ": it does not exist"),
                    "relative paths are relative to the model file's folder (" + directory + ")");
            return Optional.empty();
        }
        return Optional.of(path);
    }
}
