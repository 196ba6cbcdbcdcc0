package dev.myelin.runtime.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Compares the table with the units an installed Brian2 defines; skipped where Brian2 is not installed. */
class UnitTableMatchesBrian2Test {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    // Prints "name scale e0 .. e6" for every Unit in allunits.__all__ and stdunits.__all__ (whose
    // stdunits dict, oddly, lacks mS).
    private static final String SCRIPT = String.join("\n",
            "import warnings, sys",
            "warnings.filterwarnings('ignore')",
            "import brian2.units.allunits as au",
            "import brian2.units.stdunits as su",
            "from brian2.units.fundamentalunits import Unit",
            "units = {n: getattr(au, n) for n in au.__all__ if isinstance(getattr(au, n), Unit)}",
            "units.update({n: getattr(su, n) for n in su.__all__})",
            "for n, u in units.items():",
            "    print(n, repr(float(u)), *[int(x) for x in u.dim._dims])");

    @Test
    void everyBrian2UnitIsHereWithTheSameScaleAndDimension() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(python.waitFor(120, TimeUnit.SECONDS) && python.exitValue() == 0, "brian2 is not importable");

        Map<String, String> expected = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            Dimension d = Dimension.of(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]));
            expected.put(f[0], Double.parseDouble(f[1]) + " " + Arrays.toString(d.exponents()));
        }
        Map<String, String> actual = new TreeMap<>();
        UnitTable table = UnitTable.brian2();
        for (String name : table.names()) {
            Unit u = table.lookup(name).orElseThrow();
            actual.put(name, u.scale() + " " + Arrays.toString(u.dimension().exponents()));
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String ours = actual.get(e.getKey());
            if (!e.getValue().equals(ours)) {
                differences.add(e.getKey() + ": brian2 " + e.getValue() + ", ours " + ours);
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                differences.add(name + ": not in brian2");
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())),
                differences.size() + " differences");
    }
}
