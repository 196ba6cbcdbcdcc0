package dev.myelin.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.myelin.runtime.ModelError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    static final int[] FIRST_20_LABELS = {1, 3, 7, 5, 7, 6, 1, 5, 0, 5, 5, 1, 1, 0, 9, 3, 6, 8, 9, 0};

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(IdxReaderTest.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path images100() {
        return resource("mnist-100-images-idx3-ubyte.gz");
    }

    static Path labels100() {
        return resource("mnist-100-labels-idx1-ubyte.gz");
    }

    /** An idx header: 00 00, the type code, the dimensions. */
    static byte[] header(int type, int... dims) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length);
        out.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            out.putInt(d);
        }
        return out.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private String error(Path file) {
        return assertThrows(ModelError.class, () -> IdxReader.read(file)).getMessage();
    }

    @Test
    void readsTheFirstHundredMnistDigits() {
        IdxArray images = IdxReader.read(images100());
        assertArrayEquals(new int[] {100, 28, 28}, images.shape());
        assertEquals(IdxType.UNSIGNED_BYTE, images.type());
        assertEquals(78_400, images.size());
        assertEquals(24.0, images.get(14 * 28 + 14), 0.0);
        double[] row = new double[8];
        images.copyTo(152, row, 0, 8);
        assertArrayEquals(new double[] {0, 0, 0, 14, 89, 253, 254, 254}, row, 0.0);
        assertEquals(25_940, sum(images, 0, 784));
        assertEquals(12_971, sum(images, 99 * 784, 784));

        IdxArray labels = IdxReader.read(labels100());
        assertArrayEquals(new int[] {100}, labels.shape());
        double[] first = new double[20];
        labels.copyTo(0, first, 0, 20);
        assertArrayEquals(Arrays.stream(FIRST_20_LABELS).asDoubleStream().toArray(), first, 0.0);
    }

    private static double sum(IdxArray array, int from, int count) {
        double[] values = new double[count];
        array.copyTo(from, values, 0, count);
        return Arrays.stream(values).sum();
    }

    @Test
    void gzipIsRecognisedByItsMagicNotByTheFileName() throws IOException {
        byte[] plain = concat(header(0x08, 2, 3), new byte[] {1, 2, 3, (byte) 200, (byte) 255, 0});
        IdxArray fromPlain = IdxReader.read(file("plain.gz", plain));
        IdxArray fromGzip = IdxReader.read(file("zipped.idx", gzip(plain)));
        assertEquals(fromPlain, fromGzip);
        assertArrayEquals(new int[] {2, 3}, fromGzip.shape());
        assertArrayEquals(new double[] {1, 2, 3, 200, 255, 0}, all(fromGzip), 0.0);
    }

    private static double[] all(IdxArray array) {
        double[] values = new double[array.size()];
        array.copyTo(0, values, 0, values.length);
        return values;
    }

    @Test
    void everyElementTypeDecodesBigEndian() throws IOException {
        ByteBuffer shorts = ByteBuffer.allocate(6).putShort((short) -32768).putShort((short) -1).putShort((short) 32767);
        ByteBuffer ints = ByteBuffer.allocate(12).putInt(Integer.MIN_VALUE).putInt(-2).putInt(70_000);
        ByteBuffer floats = ByteBuffer.allocate(12).putFloat(-1.5f).putFloat(0.1f).putFloat(Float.MAX_VALUE);
        ByteBuffer doubles = ByteBuffer.allocate(24).putDouble(-0.0).putDouble(0.1).putDouble(Double.MIN_VALUE);
        Object[][] cases = {
            {0x08, IdxType.UNSIGNED_BYTE, new byte[] {(byte) 0x80, (byte) 0xFF, 7}, new double[] {128, 255, 7}},
            {0x09, IdxType.SIGNED_BYTE, new byte[] {(byte) 0x80, (byte) 0xFF, 7}, new double[] {-128, -1, 7}},
            {0x0B, IdxType.SHORT, shorts.array(), new double[] {-32768, -1, 32767}},
            {0x0C, IdxType.INT, ints.array(), new double[] {Integer.MIN_VALUE, -2, 70_000}},
            {0x0D, IdxType.FLOAT, floats.array(), new double[] {-1.5, 0.1f, Float.MAX_VALUE}},
            {0x0E, IdxType.DOUBLE, doubles.array(), new double[] {-0.0, 0.1, Double.MIN_VALUE}},
        };
        for (Object[] c : cases) {
            IdxArray array = IdxReader.read(file("t" + c[0] + ".idx", concat(header((int) c[0], 3), (byte[]) c[2])));
            assertEquals(c[1], array.type());
            assertArrayEquals((double[]) c[3], all(array), 0.0, c[1].toString());
            assertEquals(((double[]) c[3])[2], array.get(2), 0.0);
        }
    }

    @Test
    void aFileWithNoDimensionsHoldsOneElement() throws IOException {
        IdxArray scalar = IdxReader.read(file("scalar.idx", concat(header(0x08), new byte[] {42})));
        assertArrayEquals(new int[0], scalar.shape());
        assertEquals(42.0, scalar.get(0), 0.0);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.idx");
        assertEquals("the idx file " + missing + " does not exist; check the file name and its folder", error(missing));
        assertEquals("the idx file " + dir + " is a folder; name the file inside it", error(dir));
    }

    @Test
    void aFileWithTheWrongMagicIsNotAnIdxFile() throws IOException {
        Path zip = file("data.zip", new byte[] {'P', 'K', 3, 4, 20, 0});
        assertEquals(zip + " is not an idx file: its first bytes are 50 4b 03 04, but an idx file starts with 00 00,"
                + " a type code and the number of dimensions (MNIST images start 00 00 08 03); check that this is the file you meant",
                error(zip));
        Path empty = file("empty.idx", new byte[0]);
        assertEquals(empty + " is not an idx file: its first bytes are missing (it is empty), but an idx file starts with 00 00,"
                + " a type code and the number of dimensions (MNIST images start 00 00 08 03); check that this is the file you meant",
                error(empty));
    }

    @Test
    void anUnknownTypeCodeIsRefused() throws IOException {
        Path file = file("odd.idx", concat(header(0x0A, 1), new byte[] {1}));
        assertEquals(file + " has the idx type code 0x0a, which is not one the format defines (0x08 (unsigned byte),"
                + " 0x09 (signed byte), 0x0b (short), 0x0c (int), 0x0d (float), 0x0e (double)); the file is damaged or not an idx file",
                error(file));
    }

    @Test
    void truncatedFilesSayHowMuchIsMissing() throws IOException {
        Path data = file("short.idx", concat(header(0x0C, 3, 4), new byte[5]));
        assertEquals(data + " is truncated: its header (3 x 4 of 0x0c (int)) promises 48 data bytes but the file holds only 5;"
                + " copy or download it again", error(data));

        Path dims = file("dims.idx", Arrays.copyOf(header(0x08, 100, 28, 28), 10));
        assertEquals(dims + " is truncated: its header declares 3 dimensions, 12 bytes, but the file ends after 6 of them;"
                + " copy or download it again", error(dims));

        byte[] zipped = Files.readAllBytes(images100());
        Path cut = file("cut.gz", Arrays.copyOf(zipped, zipped.length / 2));
        // 37901: what the first half of the deflate stream decompresses to
        assertEquals(cut + " is truncated: its header (100 x 28 x 28 of 0x08 (unsigned byte)) promises 78400 data bytes"
                + " but the file holds only 37901; copy or download it again", error(cut));
        Path noTrailer = file("trailer.gz", Arrays.copyOf(zipped, zipped.length - 3));
        assertEquals(noTrailer + " is truncated: its gzip stream ends early; copy or download it again", error(noTrailer));
    }

    @Test
    void bytesBeyondTheDataAreAnError() throws IOException {
        Path file = file("long.idx", concat(header(0x08, 2), new byte[] {1, 2, 3}));
        assertEquals(file + " has 1 byte after the 2 data bytes its header (2 of 0x08 (unsigned byte)) promises;"
                + " the header does not describe this file", error(file));
    }

    @Test
    void dimensionsTooLargeForAnArrayAreRefused() throws IOException {
        Path huge = file("huge.idx", header(0x0D, 60_000, 60_000, 784));
        assertEquals(huge + " declares 60000 x 60000 x 784 of 0x0d (float), more than the 2147483639 bytes one array can hold;"
                + " the header is damaged, or the data must be split into smaller files", error(huge));
        Path negative = file("negative.idx", header(0x08, 10, -1));
        assertEquals(negative + " declares dimension 2 as 4294967295, more than any array can hold; the header is damaged",
                error(negative));
    }

    @Test
    void aDamagedGzipStreamIsReported() throws IOException {
        byte[] zipped = gzip(concat(header(0x08, 4), new byte[] {1, 2, 3, 4}));
        zipped[zipped.length - 6] ^= 0x55; // inside the CRC-32 of the trailer
        Path file = file("bad.gz", zipped);
        assertEquals(file + " starts like a gzip file but cannot be decompressed (Corrupt GZIP trailer); copy or download it again",
                error(file));
    }

    @Test
    void readsTheTenThousandDigitsOfTheExamples() {
        Path images = Path.of("..", "examples", "data", "mnist-10k-images-idx3-ubyte.gz");
        assumeTrue(Files.exists(images), "examples/data is not next to this module");
        IdxArray array = IdxReader.read(images);
        assertArrayEquals(new int[] {10_000, 28, 28}, array.shape());
        assertEquals(27_892, sum(array, 9_999 * 784, 784));
        IdxArray labels = IdxReader.read(images.resolveSibling("mnist-10k-labels-idx1-ubyte.gz"));
        assertEquals(5.0, labels.get(9_999), 0.0);
        assertEquals(4.0, labels.get(8_000), 0.0);
    }
}
