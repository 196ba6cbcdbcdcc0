package dev.myelin.runtime.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array read from an idx file: its shape, its element type and its elements in row-major
 * order exactly as the file stores them (big-endian). Keeping the file's bytes keeps MNIST at one
 * byte a pixel (60,000 digits: 47 MB, not 376 MB as doubles); elements are widened to double
 * when read. The arrays are shared, not copied.
 */
public record IdxArray(int[] shape, IdxType type, byte[] bytes) {

    public IdxArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        if (count * type.bytes() != bytes.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + type + " needs "
                    + count * type.bytes() + " bytes, not " + bytes.length);
        }
    }

    /** The number of elements. */
    public int size() {
        return bytes.length / type.bytes();
    }

    /** Element {@code index} (row-major) as a double; exact for every idx type. */
    public double get(int index) {
        Objects.checkIndex(index, size());
        return type.decode(bytes, index);
    }

    /** Copies {@code count} elements from element {@code from} on into {@code into[offset..]}, as doubles. */
    public void copyTo(int from, double[] into, int offset, int count) {
        Objects.checkFromIndexSize(from, count, size());
        Objects.checkFromIndexSize(offset, count, into.length);
        if (type == IdxType.UNSIGNED_BYTE) {
            // the common case (MNIST pixels) without the per-element type switch
            for (int i = 0; i < count; i++) {
                into[offset + i] = bytes[from + i] & 0xFF;
            }
        } else {
            for (int i = 0; i < count; i++) {
                into[offset + i] = type.decode(bytes, from + i);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxArray that && type == that.type && Arrays.equals(shape, that.shape)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(shape), Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "IdxArray[shape=" + Arrays.toString(shape) + ", type=" + type + ", " + size() + " elements]";
    }
}
