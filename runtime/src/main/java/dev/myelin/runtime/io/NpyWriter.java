package dev.myelin.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes NumPy {@code .npy} files (format version 1.0, little-endian, C order) that
 * {@code numpy.load} reads directly. Data goes out in 64 KiB chunks through bulk buffer
 * views, so no object is made per element.
 */
public final class NpyWriter {

    private static final int CHUNK_BYTES = 1 << 16;

    private NpyWriter() {
    }

    /** Writes a 1-D array of dtype {@code <f8}. */
    public static void write(Path file, double[] data) throws IOException {
        writeDoubles(file, data, new int[] {data.length});
    }

    /** Writes a 1-D array of dtype {@code <i4}. */
    public static void write(Path file, int[] data) throws IOException {
        writeInts(file, data, new int[] {data.length});
    }

    /** Writes a 1-D array of dtype {@code <i8}. */
    public static void write(Path file, long[] data) throws IOException {
        writeChunks(file, "<i8", new int[] {data.length}, data.length, Long.BYTES,
                (buffer, from, count) -> buffer.asLongBuffer().put(data, from, count));
    }

    /** Writes a 1-D array of dtype {@code |b1}, one byte (0 or 1) per element. */
    public static void write(Path file, boolean[] data) throws IOException {
        writeChunks(file, "|b1", new int[] {data.length}, data.length, 1, (buffer, from, count) -> {
            for (int i = 0; i < count; i++) {
                buffer.put(i, data[from + i] ? (byte) 1 : (byte) 0);
            }
        });
    }

    /** Writes a {@code rows x cols} array of dtype {@code <f8} from its elements in row-major order. */
    public static void writeMatrix(Path file, double[] rowMajor, int rows, int cols) throws IOException {
        writeDoubles(file, rowMajor, matrixShape(rowMajor.length, rows, cols));
    }

    /** Writes a {@code rows x cols} array of dtype {@code <i4} from its elements in row-major order. */
    public static void writeMatrix(Path file, int[] rowMajor, int rows, int cols) throws IOException {
        writeInts(file, rowMajor, matrixShape(rowMajor.length, rows, cols));
    }

    /**
     * Writes a {@code rows x cols} array of dtype {@code <f8} from its elements in column-major order
     * (element (r, c) at {@code columnMajor[c * rows + r]}), transposing chunk by chunk, so a large
     * recording is written without a second copy of it in memory.
     */
    public static void writeTransposed(Path file, double[] columnMajor, int rows, int cols) throws IOException {
        int length = Math.multiplyExact(rows, cols);
        if (columnMajor.length < length) throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + length + " elements, got " + columnMajor.length);
        writeChunks(file, "<f8", new int[] {rows, cols}, length, Double.BYTES, (buffer, from, count) -> {
            java.nio.DoubleBuffer out = buffer.asDoubleBuffer();
            for (int e = from; e < from + count; e++) out.put(columnMajor[(e % cols) * rows + e / cols]);
        });
    }

    /**
     * Writes the values of a save statement: a double[] or long[] in row-major order, a vector
     * when {@code columns} is 1 and a (rows, columns) matrix otherwise.
     */
    public static void writeSaved(Path file, Object values, int columns) throws IOException {
        if (values instanceof long[] longs) {
            int[] shape = columns == 1 ? new int[] {longs.length} : matrixShape(longs.length, longs.length / columns, columns);
            writeChunks(file, "<i8", shape, longs.length, Long.BYTES, (buffer, from, count) -> buffer.asLongBuffer().put(longs, from, count));
        } else {
            double[] doubles = (double[]) values;
            writeDoubles(file, doubles, columns == 1 ? new int[] {doubles.length} : matrixShape(doubles.length, doubles.length / columns, columns));
        }
    }

    private static void writeDoubles(Path file, double[] data, int[] shape) throws IOException {
        writeChunks(file, "<f8", shape, data.length, Double.BYTES,
                (buffer, from, count) -> buffer.asDoubleBuffer().put(data, from, count));
    }

    private static void writeInts(Path file, int[] data, int[] shape) throws IOException {
        writeChunks(file, "<i4", shape, data.length, Integer.BYTES,
                (buffer, from, count) -> buffer.asIntBuffer().put(data, from, count));
    }

    private static int[] matrixShape(int length, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != length) {
            throw new IllegalArgumentException(
                    "a " + rows + " x " + cols + " matrix needs " + ((long) rows * cols) + " elements, got " + length);
        }
        return new int[] {rows, cols};
    }

    /** Copies {@code count} elements starting at {@code from} into the start of a little-endian buffer. */
    private interface ChunkFiller {
        void fill(ByteBuffer buffer, int from, int count);
    }

    private static void writeChunks(Path file, String descr, int[] shape, int length, int itemBytes, ChunkFiller filler)
            throws IOException {
        byte[] header = new NpyHeader(descr, false, shape).encode();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            NpyChannels.writeFully(out, ByteBuffer.wrap(header));
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int perChunk = CHUNK_BYTES / itemBytes;
            for (int from = 0; from < length; from += perChunk) {
                int count = Math.min(perChunk, length - from);
                buffer.clear();
                filler.fill(buffer, from, count);
                buffer.limit(count * itemBytes);
                NpyChannels.writeFully(out, buffer);
            }
        }
    }
}
