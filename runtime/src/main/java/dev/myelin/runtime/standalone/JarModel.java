package dev.myelin.runtime.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a standalone jar knows of its model, read from {@value #ENTRY}: the generated class, the
 * model file's name, its default seed, the folder its data files were found in when the jar was
 * built, and the data files bundled into the jar (name in the model to jar entry).
 *
 * <p>The compiler's {@code pack.StandaloneJar} writes this entry; both sides use {@link #toProperties()}
 * and {@link #read} so the format has one definition.
 */
public record JarModel(String className, String modelName, long seed, String dataDirectory, Map<String, String> bundledData,
                       String myelinVersion) {

    /** The jar entry holding the metadata. */
    public static final String ENTRY = "META-INF/myelin/model.properties";
    /** The jar entry holding the model file's text, for the record. */
    public static final String SOURCE_ENTRY = "META-INF/myelin/model.myl";
    /** The folder of bundled data files inside the jar. */
    public static final String DATA_FOLDER = "META-INF/myelin/data/";

    public JarModel {
        bundledData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bundledData));
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("class", className);
        p.setProperty("model", modelName);
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("data.directory", dataDirectory);
        p.setProperty("myelin.version", myelinVersion);
        p.setProperty("data.count", Integer.toString(bundledData.size()));
        int k = 0;
        for (Map.Entry<String, String> e : bundledData.entrySet()) {
            p.setProperty("data." + k + ".name", e.getKey());
            p.setProperty("data." + k + ".entry", e.getValue());
            k++;
        }
        return p;
    }

    /** The metadata of the jar that holds {@code loader}'s classes. */
    public static JarModel read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(ENTRY)) {
            if (in == null) throw new IllegalStateException("this jar has no " + ENTRY + "; build it with 'myelin build'");
            Properties p = new Properties();
            p.load(in);
            Map<String, String> data = new LinkedHashMap<>();
            int count = Integer.parseInt(p.getProperty("data.count", "0"));
            for (int k = 0; k < count; k++) data.put(p.getProperty("data." + k + ".name"), p.getProperty("data." + k + ".entry"));
            return new JarModel(p.getProperty("class"), p.getProperty("model"), Long.parseLong(p.getProperty("seed", "-1")),
                    p.getProperty("data.directory", "."), data, p.getProperty("myelin.version", "?"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
