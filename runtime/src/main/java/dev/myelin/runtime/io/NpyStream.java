package dev.myelin.runtime.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code (rows, columns)} array of dtype {@code <f8} written to a .npy file one batch of columns
 * at a time, as a state monitor records samples: the file is in Fortran order, so each new column
 * (one sample of every recorded neuron) goes at the end, and {@code numpy.load} still gives
 * {@code a[row]} as one neuron's trace. The header has room for any shape and is rewritten after
 * every batch, so the file is a valid array of everything written so far even if the process dies.
 */
public final class NpyStream implements Closeable {

    /** Enough for the dictionary with two 10-digit dimensions; a multiple of 64, as numpy aligns. */
    private static final int HEADER_BYTES = 128;

    private final Path file;
    private final int rows;
    private final FileChannel channel;
    private long columns;
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    /** Creates (or empties) {@code file} holding a {@code (rows, 0)} array. */
    public NpyStream(Path file, int rows) throws IOException {
        this.file = file;
        this.rows = rows;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                StandardOpenOption.TRUNCATE_EXISTING);
        writeHeader();
    }

    public Path file() {
        return file;
    }

    /** Appends {@code count} columns, each {@code rows} values, from {@code values} (column after column). */
    public void append(double[] values, int count) throws IOException {
        int doubles = Math.multiplyExact(count, rows);
        if (buffer.capacity() < doubles * Double.BYTES) buffer = ByteBuffer.allocate(doubles * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.clear();
        buffer.asDoubleBuffer().put(values, 0, doubles);
        buffer.limit(doubles * Double.BYTES);
        long position = HEADER_BYTES + columns * rows * Double.BYTES;
        while (buffer.hasRemaining()) position += channel.write(buffer, position);
        columns += count;
        writeHeader();
    }

    /** Keeps only the first {@code keep} columns (a restore forgets what was recorded since its store). */
    public void truncate(long keep) throws IOException {
        if (keep >= columns) return;
        columns = keep;
        channel.truncate(HEADER_BYTES + columns * rows * Double.BYTES);
        writeHeader();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void writeHeader() throws IOException {
        if (columns > Integer.MAX_VALUE) throw new IOException(file + ": more than " + Integer.MAX_VALUE + " samples");
        byte[] header = new NpyHeader("<f8", true, new int[] {rows, (int) columns}).encode(HEADER_BYTES);
        if (header.length != HEADER_BYTES) throw new IllegalStateException("header of " + header.length + " bytes");
        ByteBuffer out = ByteBuffer.wrap(header);
        long position = 0;
        while (out.hasRemaining()) position += channel.write(out, position);
    }
}
