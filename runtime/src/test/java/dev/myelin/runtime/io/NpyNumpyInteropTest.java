package dev.myelin.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the files against real numpy; skipped where /usr/bin/python3 cannot import numpy. */
class NpyNumpyInteropTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireNumpy() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(python("import numpy").exitCode == 0, "numpy is not importable");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run python(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "timed out");
        }
        return new Run(process.exitValue(), output);
    }

    @Test
    void numpyLoadsWhatWeWrite() throws IOException, InterruptedException {
        NpyWriter.write(dir.resolve("d.npy"), new double[] {0.1, -65e-3, Double.NaN, Double.NEGATIVE_INFINITY});
        NpyWriter.write(dir.resolve("i.npy"), new int[] {1, -2, Integer.MAX_VALUE});
        NpyWriter.write(dir.resolve("l.npy"), new long[] {Long.MIN_VALUE, 0, 1L << 60});
        NpyWriter.write(dir.resolve("b.npy"), new boolean[] {true, false, true});
        NpyWriter.writeMatrix(dir.resolve("m.npy"), new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        NpyWriter.writeMatrix(dir.resolve("mi.npy"), new int[] {1, 2, 3, 4, 5, 6}, 3, 2);
        NpyWriter.write(dir.resolve("e.npy"), new double[0]);
        String script = String.join("\n",
                "import numpy as np, os",
                "d = '" + dir + "'",
                "def load(n):",
                "    return np.load(os.path.join(d, n), allow_pickle=False)",
                "a = load('d.npy'); assert a.dtype == np.dtype('<f8') and a.shape == (4,), (a.dtype, a.shape)",
                "assert a[0] == 0.1 and a[1] == -65e-3 and np.isnan(a[2]) and a[3] == -np.inf, a",
                "a = load('i.npy'); assert a.dtype == np.dtype('<i4') and a.tolist() == [1, -2, 2**31 - 1], a",
                "a = load('l.npy'); assert a.dtype == np.dtype('<i8') and a.tolist() == [-2**63, 0, 2**60], a",
                "a = load('b.npy'); assert a.dtype == np.bool_ and a.tolist() == [True, False, True], a",
                "a = load('m.npy'); assert a.shape == (2, 3) and a.flags['C_CONTIGUOUS'] and a[1, 0] == 4.0, a",
                "a = load('mi.npy'); assert a.dtype == np.dtype('<i4') and a.shape == (3, 2) and a[2, 1] == 6, a",
                "a = load('e.npy'); assert a.shape == (0,) and a.dtype == np.float64, a",
                "print('ok')");
        Run run = python(script);
        assertEquals(new Run(0, "ok\n"), run);
    }

    @Test
    void weReadWhatNumpyWrites() throws IOException, InterruptedException {
        String script = String.join("\n",
                "import numpy as np, os",
                "d = '" + dir + "'",
                "np.save(os.path.join(d, 'f4.npy'), np.array([1.5, -2.25], dtype='<f4'))",
                "np.save(os.path.join(d, 'bf8.npy'), np.array([0.1, 1e300], dtype='>f8'))",
                "np.save(os.path.join(d, 'u1.npy'), np.array([0, 200, 255], dtype=np.uint8))",
                "np.save(os.path.join(d, 'i8.npy'), np.arange(12, dtype='<i8').reshape(3, 4))",
                "np.save(os.path.join(d, 'b1.npy'), np.array([[True, False], [False, True]]))",
                "np.save(os.path.join(d, 'f8.npy'), np.linspace(0, 1, 100001))",
                "np.save(os.path.join(d, 'fortran.npy'), np.asfortranarray(np.arange(6.0).reshape(2, 3)))",
                "print('ok')");
        assertEquals(new Run(0, "ok\n"), python(script));

        NpyArray f4 = NpyReader.read(dir.resolve("f4.npy"));
        assertEquals("<f4", f4.dtype());
        assertArrayEquals(new double[] {1.5, -2.25}, f4.data(), 0.0);

        NpyArray bigEndian = NpyReader.read(dir.resolve("bf8.npy"));
        assertEquals(">f8", bigEndian.dtype());
        assertArrayEquals(new double[] {0.1, 1e300}, bigEndian.data(), 0.0);

        assertArrayEquals(new int[] {0, 200, 255}, NpyReader.read(dir.resolve("u1.npy")).asInts());

        NpyArray i8 = NpyReader.read(dir.resolve("i8.npy"));
        assertArrayEquals(new int[] {3, 4}, i8.shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, i8.asLongs());

        NpyArray b1 = NpyReader.read(dir.resolve("b1.npy"));
        assertEquals("|b1", b1.dtype());
        assertArrayEquals(new double[] {1, 0, 0, 1}, b1.data(), 0.0);

        NpyArray f8 = NpyReader.read(dir.resolve("f8.npy"));
        assertEquals(100001, f8.size());
        assertEquals(0.5, f8.data()[50000], 0.0);
        assertEquals(1.0, f8.data()[100000], 0.0);

        NpyArray fortran = NpyReader.read(dir.resolve("fortran.npy"));
        assertArrayEquals(new int[] {2, 3}, fortran.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, fortran.data(), 0.0);
    }

    @Test
    void numpyReadsAStreamAsTheRecordedMatrix() throws IOException, InterruptedException {
        try (NpyStream stream = new NpyStream(dir.resolve("s.npy"), 3)) {
            stream.append(new double[] {0, 10, 20, 1, 11, 21}, 2);
            stream.append(new double[] {2, 12, 22}, 1);
        }
        String script = String.join("\n",
                "import numpy as np",
                "a = np.load('" + dir.resolve("s.npy") + "')",
                "assert a.shape == (3, 3) and a.tolist() == [[0, 1, 2], [10, 11, 12], [20, 21, 22]], a",
                "print('ok')");
        assertEquals(new Run(0, "ok\n"), python(script));
    }
}
