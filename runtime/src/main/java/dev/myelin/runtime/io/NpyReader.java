package dev.myelin.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads NumPy {@code .npy} files in C order whose dtype is a float ({@code f4 f8}), a signed
 * integer ({@code i1 i2 i4 i8}), an unsigned integer ({@code u1 u2 u4}) or a bool ({@code b1}),
 * in either byte order. Anything else fails with an {@link IOException} naming the file and the
 * problem.
 */
public final class NpyReader {

    private static final int CHUNK_BYTES = 1 << 16;

    private NpyReader() {
    }

    public static NpyArray read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader header = NpyHeader.read(in, file);
            ElementType type = ElementType.of(header.descr(), file);
            long count = 1;
            for (int size : header.shape()) {
                count *= size;
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": " + count + " elements are more than one Java array can hold");
            }
            double[] data = new double[(int) count];
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(type.order);
            int perChunk = CHUNK_BYTES / type.bytes;
            for (int from = 0; from < data.length; from += perChunk) {
                int n = Math.min(perChunk, data.length - from);
                buffer.clear().limit(n * type.bytes);
                NpyChannels.fill(in, buffer, file, "the data (expected " + count + " elements of " + header.descr() + ")");
                type.decode(buffer.flip(), data, from, n);
            }
            return new NpyArray(header.descr(), header.shape(), header.fortranOrder() ? toRowMajor(data, header.shape()) : data);
        }
    }

    /** An array's elements from Fortran (column-major) order into C (row-major) order. */
    private static double[] toRowMajor(double[] columnMajor, int[] shape) {
        if (shape.length < 2) return columnMajor;
        double[] out = new double[columnMajor.length];
        int[] index = new int[shape.length];
        for (int e = 0; e < out.length; e++) {
            // index: e's position in C order, last axis fastest; its Fortran offset has the first axis fastest.
            long offset = 0, stride = 1;
            for (int k = 0; k < shape.length; k++) {
                offset += index[k] * stride;
                stride *= shape[k];
            }
            out[e] = columnMajor[(int) offset];
            for (int k = shape.length - 1; k >= 0 && ++index[k] == shape[k]; k--) index[k] = 0;
        }
        return out;
    }

    /** A supported dtype: its kind letter, its size in bytes and its byte order. */
    private record ElementType(char kind, int bytes, ByteOrder order) {

        static ElementType of(String descr, Path file) throws IOException {
            if (descr.length() >= 3) {
                char orderMark = descr.charAt(0);
                char kind = descr.charAt(1);
                String size = descr.substring(2);
                ByteOrder order = switch (orderMark) {
                    case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
                    case '>' -> ByteOrder.BIG_ENDIAN;
                    case '=' -> ByteOrder.nativeOrder();
                    default -> null;
                };
                boolean known = switch (kind) {
                    case 'f' -> size.equals("4") || size.equals("8");
                    case 'i' -> size.equals("1") || size.equals("2") || size.equals("4") || size.equals("8");
                    case 'u' -> size.equals("1") || size.equals("2") || size.equals("4");
                    case 'b' -> size.equals("1");
                    default -> false;
                };
                if (order != null && known) {
                    return new ElementType(kind, Integer.parseInt(size), order);
                }
            }
            throw new IOException(file + ": unsupported dtype '" + descr
                    + "' (readable: f4 f8 i1 i2 i4 i8 u1 u2 u4 b1, either byte order)");
        }

        /** Widens {@code n} elements from the start of {@code buffer} into {@code out[from..]}. */
        void decode(ByteBuffer buffer, double[] out, int from, int n) {
            switch (kind) {
                case 'f' -> {
                    if (bytes == 8) {
                        buffer.asDoubleBuffer().get(out, from, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            out[from + i] = buffer.getFloat(4 * i);
                        }
                    }
                }
                case 'i' -> {
                    for (int i = 0; i < n; i++) {
                        out[from + i] = switch (bytes) {
                            case 1 -> buffer.get(i);
                            case 2 -> buffer.getShort(2 * i);
                            case 4 -> buffer.getInt(4 * i);
                            default -> buffer.getLong(8 * i);
                        };
                    }
                }
                case 'u' -> {
                    for (int i = 0; i < n; i++) {
                        out[from + i] = switch (bytes) {
                            case 1 -> Byte.toUnsignedInt(buffer.get(i));
                            case 2 -> Short.toUnsignedInt(buffer.getShort(2 * i));
                            default -> Integer.toUnsignedLong(buffer.getInt(4 * i));
                        };
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        out[from + i] = buffer.get(i) != 0 ? 1.0 : 0.0;
                    }
                }
            }
        }
    }
}
