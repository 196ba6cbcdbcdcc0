package dev.myelin.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void headerBytesAreExactlyNumpysVersion1Layout() throws IOException {
        Path file = dir.resolve("v.npy");
        NpyWriter.write(file, new double[] {1, 2, 3, 4, 5});
        byte[] bytes = Files.readAllBytes(file);

        byte[] preamble = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        assertArrayEquals(preamble, Arrays.copyOf(bytes, 8));
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        int dataStart = 10 + headerLength;
        assertEquals(0, dataStart % 64);
        assertEquals(128, dataStart); // 10 + 58-character dict + newline is 69, so it pads to 128

        String dict = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        String expected = "{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }";
        assertEquals(expected + " ".repeat(headerLength - expected.length() - 1) + "\n", dict);

        assertEquals(dataStart + 5 * 8, bytes.length);
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, 40).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, data.getDouble(), 0.0);
        }
    }

    @Test
    void headersForEveryShapeStayAligned() throws IOException {
        for (int n : new int[] {0, 1, 9, 10, 12345, 1_000_000_000}) {
            byte[] header = new NpyHeader("<f8", false, new int[] {n, 3}).encode();
            assertEquals(0, header.length % 64, "shape (" + n + ", 3)");
            assertEquals('\n', header[header.length - 1]);
        }
        assertEquals("()", NpyHeader.pythonTuple(new int[0]));
        assertEquals("(7,)", NpyHeader.pythonTuple(new int[] {7}));
        assertEquals("(2, 3, 4)", NpyHeader.pythonTuple(new int[] {2, 3, 4}));
    }

    @Test
    void doublesRoundTrip() throws IOException {
        double[] values = {0.0, -0.0, 1.5, -65e-3, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Path file = dir.resolve("d.npy");
        NpyWriter.write(file, values);
        NpyArray array = NpyReader.read(file);
        assertEquals("<f8", array.dtype());
        assertArrayEquals(new int[] {values.length}, array.shape());
        assertArrayEquals(values, array.data(), 0.0);
    }

    @Test
    void largeArraysCrossChunkBoundaries() throws IOException {
        double[] values = new double[100_003];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i);
        }
        Path file = dir.resolve("big.npy");
        NpyWriter.write(file, values);
        assertArrayEquals(values, NpyReader.read(file).data(), 0.0);
        assertEquals(128 + values.length * 8L, Files.size(file));
    }

    @Test
    void intsLongsAndBooleansRoundTrip() throws IOException {
        int[] ints = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        Path intFile = dir.resolve("i.npy");
        NpyWriter.write(intFile, ints);
        NpyArray readInts = NpyReader.read(intFile);
        assertEquals("<i4", readInts.dtype());
        assertArrayEquals(ints, readInts.asInts());

        long[] longs = {0, -1, 1L << 53, -(1L << 53), 123_456_789_012L};
        Path longFile = dir.resolve("l.npy");
        NpyWriter.write(longFile, longs);
        NpyArray readLongs = NpyReader.read(longFile);
        assertEquals("<i8", readLongs.dtype());
        assertArrayEquals(longs, readLongs.asLongs());

        boolean[] flags = {true, false, false, true, true};
        Path boolFile = dir.resolve("b.npy");
        NpyWriter.write(boolFile, flags);
        NpyArray readFlags = NpyReader.read(boolFile);
        assertEquals("|b1", readFlags.dtype());
        assertArrayEquals(new double[] {1, 0, 0, 1, 1}, readFlags.data(), 0.0);
        assertEquals(128 + 5, Files.size(boolFile));
    }

    @Test
    void matricesKeepTheirShape() throws IOException {
        Path doubles = dir.resolve("m.npy");
        NpyWriter.writeMatrix(doubles, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        NpyArray m = NpyReader.read(doubles);
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data(), 0.0);
        String header = new String(Files.readAllBytes(doubles), 10, 118, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);

        Path ints = dir.resolve("mi.npy");
        NpyWriter.writeMatrix(ints, new int[] {7, 8, 9, 10}, 4, 1);
        NpyArray mi = NpyReader.read(ints);
        assertEquals("<i4", mi.dtype());
        assertArrayEquals(new int[] {4, 1}, mi.shape());
        assertArrayEquals(new int[] {7, 8, 9, 10}, mi.asInts());

        Path empty = dir.resolve("empty.npy");
        NpyWriter.writeMatrix(empty, new double[0], 0, 5);
        assertArrayEquals(new int[] {0, 5}, NpyReader.read(empty).shape());
    }

    @Test
    void matrixShapeMustMatchTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.writeMatrix(dir.resolve("x.npy"), new double[5], 2, 3));
        assertEquals("a 2 x 3 matrix needs 6 elements, got 5", e.getMessage());
    }

    @Test
    void readsOtherDtypesAndBigEndian() throws IOException {
        assertReads("<f4", ByteOrder.LITTLE_ENDIAN, b -> b.putFloat(1.5f).putFloat(-2f), new double[] {1.5, -2});
        assertReads(">f8", ByteOrder.BIG_ENDIAN, b -> b.putDouble(0.1).putDouble(-3), new double[] {0.1, -3});
        assertReads(">i4", ByteOrder.BIG_ENDIAN, b -> b.putInt(-7).putInt(70000), new double[] {-7, 70000});
        assertReads(">i8", ByteOrder.BIG_ENDIAN, b -> b.putLong(-7).putLong(1L << 40), new double[] {-7, 1L << 40});
        assertReads("<i2", ByteOrder.LITTLE_ENDIAN, b -> b.putShort((short) -300).putShort((short) 5), new double[] {-300, 5});
        assertReads("|i1", ByteOrder.LITTLE_ENDIAN, b -> b.put((byte) -128).put((byte) 127), new double[] {-128, 127});
        assertReads("|u1", ByteOrder.LITTLE_ENDIAN, b -> b.put((byte) 255).put((byte) 0), new double[] {255, 0});
        assertReads(">u2", ByteOrder.BIG_ENDIAN, b -> b.putShort((short) 0xFFFF).putShort((short) 1), new double[] {65535, 1});
        assertReads("<u4", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(-1).putInt(2), new double[] {4294967295.0, 2});
        assertReads("|b1", ByteOrder.LITTLE_ENDIAN, b -> b.put((byte) 1).put((byte) 0), new double[] {1, 0});
    }

    private interface Filler {
        void fill(ByteBuffer b);
    }

    private void assertReads(String descr, ByteOrder order, Filler filler, double[] expected) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(16).order(order);
        filler.fill(data);
        Path file = dir.resolve("hand.npy");
        writeRaw(file, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2,), }", data);
        NpyArray array = NpyReader.read(file);
        assertEquals(descr, array.dtype());
        assertArrayEquals(expected, array.data(), 0.0, descr);
    }

    /** Writes a file by hand, the way other writers might, to test the reader on its own. */
    private static void writeRaw(Path file, String dict, ByteBuffer data) throws IOException {
        byte[] header = new NpyHeader("<f8", false, new int[] {0}).encode(); // reuse only its preamble layout
        String padded = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + padded.length() + data.position()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header, 0, 8).putShort((short) padded.length()).put(padded.getBytes(StandardCharsets.US_ASCII));
        out.put(data.array(), 0, data.position());
        Files.write(file, out.array());
    }

    @Test
    void fortranOrderIsReadIntoRowMajorOrder() throws IOException {
        // [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 2 5 3 6.
        Path file = dir.resolve("f.npy");
        ByteBuffer data = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : new double[] {1, 4, 2, 5, 3, 6}) data.putDouble(x);
        writeRaw(file, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", data);
        NpyArray a = NpyReader.read(file);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data(), 0.0);
    }

    @Test
    void aStreamIsAValidArrayAfterEveryBatchAndCanBeShortened() throws IOException {
        Path file = dir.resolve("s.npy");
        try (NpyStream stream = new NpyStream(file, 2)) {
            assertArrayEquals(new int[] {2, 0}, NpyReader.read(file).shape());
            stream.append(new double[] {1, 10, 2, 20}, 2); // samples (1, 10) and (2, 20)
            NpyArray two = NpyReader.read(file);
            assertArrayEquals(new int[] {2, 2}, two.shape());
            assertArrayEquals(new double[] {1, 2, 10, 20}, two.data(), 0.0);
            stream.append(new double[] {3, 30, 99, 99}, 1); // only the first column of the batch
            assertArrayEquals(new double[] {1, 2, 3, 10, 20, 30}, NpyReader.read(file).data(), 0.0);
            stream.truncate(1);
            assertArrayEquals(new double[] {1, 10}, NpyReader.read(file).data(), 0.0);
            assertEquals(128 + 2 * 8, Files.size(file));
        }
    }

    @Test
    void unknownDtypesAreRefusedWithAReason() throws IOException {
        for (String descr : new String[] {"<c16", "<U5", "<u8", "<f2", "|O", "<M8[ns]"}) {
            Path file = dir.resolve("u.npy");
            writeRaw(file, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (0,), }", ByteBuffer.allocate(0));
            IOException e = assertThrows(IOException.class, () -> NpyReader.read(file));
            assertEquals(file + ": unsupported dtype '" + descr
                    + "' (readable: f4 f8 i1 i2 i4 i8 u1 u2 u4 b1, either byte order)", e.getMessage());
        }
        Path structured = dir.resolve("s.npy");
        writeRaw(structured, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (0,), }", ByteBuffer.allocate(0));
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(structured));
        assertTrue(e.getMessage().startsWith(structured + ": structured (record) dtypes are not supported"), e.getMessage());
    }

    @Test
    void damagedFilesAreRefusedWithAReason() throws IOException {
        Path notNpy = dir.resolve("text.npy");
        Files.writeString(notNpy, "hello, this is not numpy");
        IOException bad = assertThrows(IOException.class, () -> NpyReader.read(notNpy));
        assertEquals(notNpy + ": not a NumPy .npy file (its first bytes are not \\x93NUMPY)", bad.getMessage());

        Path full = dir.resolve("full.npy");
        NpyWriter.write(full, new double[] {1, 2, 3});
        Path cut = dir.resolve("cut.npy");
        byte[] bytes = Files.readAllBytes(full);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
        IOException truncated = assertThrows(IOException.class, () -> NpyReader.read(cut));
        assertEquals(cut + ": file ends inside the data (expected 3 elements of <f8) (5 bytes missing)",
                truncated.getMessage());

        Path tiny = dir.resolve("tiny.npy");
        Files.write(tiny, new byte[] {(byte) 0x93, 'N'});
        IOException shortFile = assertThrows(IOException.class, () -> NpyReader.read(tiny));
        assertEquals(tiny + ": file ends inside the .npy preamble (6 bytes missing)", shortFile.getMessage());
    }

    @Test
    void arraysCompareByContent() {
        NpyArray a = new NpyArray("<f8", new int[] {2}, new double[] {1, 2});
        NpyArray b = new NpyArray("<f8", new int[] {2}, new double[] {1, 2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("NpyArray[dtype=<f8, shape=(2,), data=[1.0, 2.0]]", a.toString());
        assertThrows(IllegalArgumentException.class, () -> new NpyArray("<f8", new int[] {3}, new double[2]));
    }
}
