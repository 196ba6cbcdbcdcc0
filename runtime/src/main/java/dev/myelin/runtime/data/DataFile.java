package dev.myelin.runtime.data;

import dev.myelin.runtime.ModelError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The errors every data-file reader gives for a file it cannot open, worded the same way. */
final class DataFile {

    private DataFile() {
    }

    /** Fails unless {@code file} is a readable regular file; {@code what} names it ("idx file"). */
    static void requireReadable(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new ModelError("the " + what + " " + file + " is a folder; name the file inside it");
        }
        if (!Files.exists(file)) {
            throw new ModelError("the " + what + " " + file + " does not exist; check the file name and its folder");
        }
        if (!Files.isReadable(file)) {
            throw new ModelError("the " + what + " " + file + " cannot be read; check its permissions");
        }
    }

    static ModelError cannotRead(Path file, String what, IOException e) {
        return new ModelError("cannot read the " + what + " " + file + ": " + e.getMessage());
    }
}
