package dev.myelin.runtime.standalone;

import dev.myelin.runtime.GeneratedNetwork;
import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.protocol.ExperimentRun;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main class of a jar written by {@code myelin build}: runs the model's experiment with the
 * classes generated when the jar was built, exactly as {@code myelin run} runs them, and writes the
 * same results. Exit codes as {@code myelin run}: 0, 2 for a user error, 130 when interrupted, 1
 * for a bug.
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        Path extracted = null;
        try {
            JarArguments arguments = JarArguments.parse(args);
            if (arguments.help()) {
                out.println(JarArguments.USAGE);
                return 0;
            }
            ClassLoader loader = StandaloneMain.class.getClassLoader();
            JarModel model = JarModel.read(loader);
            Class<? extends GeneratedNetwork> type = Class.forName(model.className(), true, loader).asSubclass(GeneratedNetwork.class);
            long seed = arguments.seed() != null ? arguments.seed() : model.seed() >= 0 ? model.seed() : System.nanoTime() & Long.MAX_VALUE;
            Path dataDirectory = arguments.dataDirectory() != null ? arguments.dataDirectory() : Path.of(model.dataDirectory());
            Map<String, Path> dataFiles = Map.of();
            if (arguments.dataDirectory() == null && !model.bundledData().isEmpty()) {
                extracted = Files.createTempDirectory("myelin-data");
                dataFiles = extract(loader, model.bundledData(), extracted);
            }
            Simulation sim = Simulation.of(type, arguments.overrides(), seed, dataDirectory, dataFiles, model.modelName());
            sim.setThreads(arguments.threads());
            Path dir = arguments.out() != null ? arguments.out() : Path.of("results", baseName(model.modelName()));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("model", model.modelName());
            info.put("myelin_version", model.myelinVersion());
            info.put("standalone_jar", true);
            ExperimentRun run = new ExperimentRun(sim, dir, info, Map.of());
            ExperimentRun.Outcome outcome = run.execute(model.modelName(), out, err, null, 0);
            return outcome.completed() ? 0 : 130;
        } catch (ModelError e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException | IOException | ReflectiveOperationException | LinkageError e) {
            err.println("myelin: internal error: " + e + "\nThis is a bug in Myelin; please report it with the model file.");
            if (System.getenv("MYELIN_DEBUG") != null) e.printStackTrace(err);
            return 1;
        } finally {
            if (extracted != null) deleteQuietly(extracted);
        }
    }

    /** Copies the bundled data files out of the jar (readers want files), keeping each one's name (readers look at .gz). */
    private static Map<String, Path> extract(ClassLoader loader, Map<String, String> bundled, Path into) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : bundled.entrySet()) {
            String entry = e.getValue();
            // Entries are DATA_FOLDER/k/name: one folder per file, so two files of the same name do not collide.
            Path target = into.resolve(entry.substring(JarModel.DATA_FOLDER.length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = loader.getResourceAsStream(entry)) {
                if (in == null) throw new ModelError("this jar lists the data file " + e.getKey() + " but does not hold it; build it again");
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            files.put(e.getKey(), target);
        }
        return files;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind costs only disk space.
        }
    }

    private static String baseName(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
