package dev.myelin.runtime.data;

import dev.myelin.runtime.ModelError;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads idx files, the format of MNIST and Fashion-MNIST: the bytes {@code 00 00}, a type code
 * ({@link IdxType}), the number of dimensions, each dimension as a big-endian int32, then the
 * elements in row-major order, big-endian. A file that starts with the gzip magic {@code 1f 8b}
 * is decompressed on the way in, whatever its name. Every problem is a {@link ModelError} that
 * names the file.
 */
public final class IdxReader {

    private static final int BUFFER_BYTES = 1 << 16;
    /** The largest Java array. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;
    private static final String WHAT = "idx file";

    private IdxReader() {
    }

    public static IdxArray read(Path file) {
        DataFile.requireReadable(file, WHAT);
        try (InputStream in = open(file)) {
            byte[] head = new byte[4];
            int got = readFully(in, head);
            if (got < 4 || head[0] != 0 || head[1] != 0) {
                throw new ModelError(file + " is not an idx file: its first bytes are "
                        + (got == 0 ? "missing (it is empty)" : HexFormat.ofDelimiter(" ").formatHex(head, 0, got))
                        + ", but an idx file starts with 00 00, a type code and the number of dimensions"
                        + " (MNIST images start 00 00 08 03); check that this is the file you meant");
            }
            IdxType type = IdxType.ofCode(head[2] & 0xFF);
            if (type == null) {
                throw new ModelError(file + " has the idx type code " + String.format("0x%02x", head[2] & 0xFF)
                        + ", which is not one the format defines (" + IdxType.codes() + "); the file is damaged or not an idx file");
            }
            int[] shape = readShape(in, file, head[3] & 0xFF, type);
            byte[] data = new byte[elementCount(shape) * type.bytes()];
            int read = readFully(in, data);
            if (read < data.length) {
                throw new ModelError(file + " is truncated: its header (" + describe(shape, type) + ") promises "
                        + data.length + " data bytes but the file holds only " + read + "; copy or download it again");
            }
            long extra = in.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) {
                throw new ModelError(file + " has " + extra + (extra == 1 ? " byte" : " bytes") + " after the " + data.length + " data bytes its header ("
                        + describe(shape, type) + ") promises; the header does not describe this file");
            }
            return new IdxArray(shape, type, data);
        } catch (EOFException e) {
            // only gunzip throws it here (readFully absorbs the others): the gzip framing is cut short
            throw new ModelError(file + " is truncated: its gzip stream ends early; copy or download it again");
        } catch (ZipException e) {
            throw new ModelError(file + " starts like a gzip file but cannot be decompressed (" + e.getMessage()
                    + "); copy or download it again");
        } catch (IOException e) {
            throw DataFile.cannotRead(file, WHAT, e);
        }
    }

    /** The file's bytes, through gunzip when they start with the gzip magic 1f 8b. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        try {
            return gzip ? new GZIPInputStream(in, BUFFER_BYTES) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static int[] readShape(InputStream in, Path file, int dimensions, IdxType type) throws IOException {
        byte[] raw = new byte[4 * dimensions];
        int got = readFully(in, raw);
        if (got < raw.length) {
            throw new ModelError(file + " is truncated: its header declares " + dimensions + " dimensions, "
                    + raw.length + " bytes, but the file ends after " + got + " of them; copy or download it again");
        }
        int[] shape = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            shape[d] = (raw[4 * d] & 0xFF) << 24 | (raw[4 * d + 1] & 0xFF) << 16 | (raw[4 * d + 2] & 0xFF) << 8 | (raw[4 * d + 3] & 0xFF);
            if (shape[d] < 0) {
                throw new ModelError(file + " declares dimension " + (d + 1) + " as " + Integer.toUnsignedString(shape[d])
                        + ", more than any array can hold; the header is damaged");
            }
        }
        long bytes = type.bytes();
        for (int size : shape) {
            bytes *= size; // checked after every factor, so the product never overflows a long
            if (bytes > MAX_BYTES) {
                throw new ModelError(file + " declares " + describe(shape, type) + ", more than the " + MAX_BYTES
                        + " bytes one array can hold; the header is damaged, or the data must be split into smaller files");
            }
        }
        return shape;
    }

    /** The number of elements of an array of this shape (1 for no dimensions), which the caller knows fits an int. */
    static int elementCount(int[] shape) {
        int count = 1;
        for (int size : shape) {
            count *= size;
        }
        return count;
    }

    /** "10000 x 28 x 28 of 0x08 (unsigned byte)". */
    private static String describe(int[] shape, IdxType type) {
        StringBuilder text = new StringBuilder();
        for (int size : shape) {
            text.append(text.length() == 0 ? "" : " x ").append(size);
        }
        return (text.length() == 0 ? "one element" : text) + " of " + type;
    }

    /**
     * Reads until {@code into} is full or the data end, and returns how many bytes it read; a
     * gzip stream that ends early counts as the end of the data.
     */
    private static int readFully(InputStream in, byte[] into) throws IOException {
        int got = 0;
        try {
            while (got < into.length) {
                int n = in.read(into, got, into.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream's "Unexpected end of ZLIB input stream": the file was cut short
        }
        return got;
    }
}
