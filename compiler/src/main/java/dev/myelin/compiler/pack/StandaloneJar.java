package dev.myelin.compiler.pack;

import dev.myelin.compiler.driver.CompiledModel;
import dev.myelin.runtime.GeneratedNetwork;
import dev.myelin.runtime.standalone.JarModel;
import dev.myelin.runtime.standalone.StandaloneMain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs a compiled model into a runnable jar: the runtime's classes, the classes generated for the
 * model (the very bytes this JVM loaded, so the jar computes what {@code myelin run} computes), the
 * model's metadata and text, and optionally its data files. Nothing of the compiler goes in: the
 * jar needs no ANTLR, JavaPoet or Janino. Entries are sorted and dated 1980-02-01, so the same
 * model and Myelin build the same bytes.
 */
public final class StandaloneJar {

    private static final long FIXED_TIME = 315_532_800_000L + 31L * 86_400_000L;

    private StandaloneJar() {
    }

    /** What was written: the jar and the data files bundled into it (model name to file). */
    public record Written(Path jar, Map<String, Path> bundled, long bytes) {
    }

    public static Written write(CompiledModel compiled, Path jar, boolean bundleData, String myelinVersion) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(runtimeClasses());
        compiled.network().classFiles().forEach((name, bytes) -> entries.put(name.replace('.', '/') + ".class", bytes));
        Map<String, String> bundledEntries = new LinkedHashMap<>();
        Map<String, Path> bundled = new LinkedHashMap<>();
        if (bundleData) {
            int k = 0;
            for (Map.Entry<String, Path> file : compiled.model().dataFiles().entrySet()) {
                String entry = JarModel.DATA_FOLDER + k++ + "/" + file.getValue().getFileName();
                entries.put(entry, Files.readAllBytes(file.getValue()));
                bundledEntries.put(file.getKey(), entry);
                bundled.put(file.getKey(), file.getValue());
            }
        }
        Path modelFile = Path.of(compiled.model().source().name()).toAbsolutePath();
        Path folder = modelFile.getParent() != null ? modelFile.getParent() : Path.of(".").toAbsolutePath();
        JarModel model = new JarModel(compiled.source().className(), modelFile.getFileName().toString(), compiled.model().seed(),
                folder.toString(), bundledEntries, myelinVersion);
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        // Properties.store writes a date comment first; drop it so the bytes do not depend on the day.
        model.toProperties().store(properties, null);
        String text = properties.toString(StandardCharsets.ISO_8859_1);
        entries.put(JarModel.ENTRY, text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1));
        entries.put(JarModel.SOURCE_ENTRY, compiled.model().source().text().getBytes(StandardCharsets.UTF_8));

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandaloneMain.class.getName());
        manifest.getMainAttributes().putValue("Created-By", "Myelin " + myelinVersion);
        Path parent = jar.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".myelin-build", ".jar");
        try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file)) {
            JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
            m.setTime(FIXED_TIME);
            out.putNextEntry(m);
            manifest.write(out);
            out.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setTime(FIXED_TIME);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(jar, bundled, Files.size(jar));
    }

    /** The runtime's class files and resources, from its jar or (in a development build) its classes folder. */
    private static Map<String, byte[]> runtimeClasses() throws IOException {
        Path location;
        try {
            location = Path.of(GeneratedNetwork.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find the Myelin runtime's classes to pack: " + e.getMessage());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (var paths = Files.walk(location)) {
                for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                    classes.put(location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } else {
            try (InputStream file = Files.newInputStream(location); JarInputStream in = new JarInputStream(file)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    if (!e.isDirectory()) classes.put(e.getName(), in.readAllBytes());
                }
            }
        }
        classes.keySet().removeIf(name -> name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/maven/"));
        return classes;
    }
}
