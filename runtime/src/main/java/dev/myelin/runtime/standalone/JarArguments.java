package dev.myelin.runtime.standalone;

import dev.myelin.runtime.ModelError;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a standalone jar: {@code [--set NAME=VALUE]... [--out DIR] [--seed S] [--threads N] [--data DIR]},
 * the same options and meanings as {@code myelin run}. Parsed by hand: the jar carries no
 * command-line library, only the runtime.
 */
record JarArguments(Map<String, String> overrides, Path out, Long seed, int threads, Path dataDirectory, boolean help) {

    static final String USAGE = """
            Usage: java -jar MODEL.jar [--set NAME=VALUE]... [--out DIR] [--seed S] [--threads N] [--data DIR]
            Runs the model's whole experiment and writes its results (NPY files and manifest.json).
              --set NAME=VALUE  override a param, with its unit: --set I0=0.7nA (repeatable)
              --out DIR         results directory (default: results/<model name>)
              --seed S          random seed (default: the model's 'seed', else a fresh one)
              --threads N       run the time steps on N threads (default 1; same results)
              --data DIR        where the model's data files are (default: bundled in the jar,
                                else the folder they were in when the jar was built)
              -h, --help        show this help""";

    static JarArguments parse(String... args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Path out = null;
        Long seed = null;
        int threads = 1;
        Path data = null;
        List<String> list = List.of(args);
        for (int k = 0; k < list.size(); k++) {
            String arg = list.get(k);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("-h") || name.equals("--help")) return new JarArguments(overrides, out, seed, threads, data, true);
            if (!List.of("--set", "--out", "--seed", "--threads", "--data").contains(name)) {
                throw new ModelError("unknown option '" + arg + "'; the options are --set NAME=VALUE, --out DIR, --seed S, --threads N, --data DIR (--help explains them)");
            }
            String value;
            if (!name.equals(arg)) {
                value = arg.substring(name.length() + 1);
            } else if (k + 1 < list.size()) {
                value = list.get(++k);
            } else {
                throw new ModelError("option " + name + " needs a value");
            }
            switch (name) {
                case "--set" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) throw new ModelError("--set needs NAME=VALUE, e.g. --set I0=0.7nA, not '" + value + "'");
                    overrides.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--out" -> out = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--threads" -> {
                    threads = value.matches("[0-9]{1,4}") ? Integer.parseInt(value) : 0;
                    if (threads < 1) throw new ModelError("--threads needs a whole number of at least 1, not '" + value + "'");
                }
                default -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new ModelError("--seed needs a whole number, not '" + value + "'");
                    }
                }
            }
        }
        return new JarArguments(overrides, out, seed, threads, data, false);
    }
}
