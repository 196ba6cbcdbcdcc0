package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.diag.Diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Data files named in a model: resolved beside the model file and checked to exist while checking.
 * One per compilation; it remembers what it found, which is what a standalone jar bundles.
 */
final class DataFiles {

    private final Diagnostics diagnostics;
    private final Path directory;
    private final Map<String, Path> found = new LinkedHashMap<>();

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
        found.put(file.path(), path.toAbsolutePath());
        return Optional.of(path);
    }

    /** Every file found so far, as the model names it, to its absolute path. */
    Map<String, Path> found() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(found));
    }
}
