package dev.myelin.runtime.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array read from a .npy file: its dtype as the file spells it ({@code <f8}, {@code |b1}...),
 * its shape, and its elements in C (row-major) order widened to double. Integers beyond 2^53 lose
 * precision in that widening. The arrays are shared, not copied.
 */
public record NpyArray(String dtype, int[] shape, double[] data) {

    public NpyArray {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + NpyHeader.pythonTuple(shape) + " holds " + count
                    + " elements, not " + data.length);
        }
    }

    public int size() {
        return data.length;
    }

    /** The elements as ints, truncated toward zero as a Java cast does. */
    public int[] asInts() {
        int[] ints = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            ints[i] = (int) data[i];
        }
        return ints;
    }

    /** The elements as longs, truncated toward zero as a Java cast does. */
    public long[] asLongs() {
        long[] longs = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            longs[i] = (long) data[i];
        }
        return longs;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && dtype.equals(that.dtype) && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        String elements = data.length <= 10 ? Arrays.toString(data) : data.length + " elements";
        return "NpyArray[dtype=" + dtype + ", shape=" + NpyHeader.pythonTuple(shape) + ", data=" + elements + "]";
    }
}
