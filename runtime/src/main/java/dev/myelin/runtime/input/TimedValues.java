package dev.myelin.runtime.input;

/**
 * Brian2's TimedArray lookup. For a table with step {@code tableDt} used by a network with step
 * {@code dt}, the index of time t is {@code clip(int(round(t/epsilon)/K), 0, n-1)} with
 * {@code epsilon = tableDt/K} and {@code K = max(2**ceil(log2(8*tableDt/dt)), 1)}, which keeps
 * times that fall on a table boundary on the right side despite rounding.
 */
public final class TimedValues {

    private final double[] values;
    private final int rows;
    private final int columns;
    private final double epsilon;
    private final double k;

    /** {@code values} row-major (time, column); {@code columns} is 1 for a 1-D table. */
    public TimedValues(double[] values, int columns, double tableDt, double dt) {
        this.values = values;
        this.columns = columns;
        this.rows = values.length / columns;
        int factor = (int) Math.max(Math.pow(2, Math.ceil(Math.log(8 / dt * tableDt) / Math.log(2))), 1);
        this.k = factor;
        this.epsilon = tableDt / factor;
    }

    /** A table from an NPY file of shape (T) or (T, N), multiplied by {@code scale} (to SI units). */
    public static TimedValues fromNpy(java.nio.file.Path file, double scale, double tableDt, double dt) {
        try {
            dev.myelin.runtime.io.NpyArray array = dev.myelin.runtime.io.NpyReader.read(file);
            double[] values = array.data().clone();
            for (int k = 0; k < values.length; k++) values[k] *= scale;
            int columns = array.shape().length == 2 ? array.shape()[1] : 1;
            if (values.length == 0) throw new dev.myelin.runtime.ModelError("the timed array in " + file + " is empty");
            return new TimedValues(values, columns, tableDt, dt);
        } catch (java.io.IOException e) {
            throw new dev.myelin.runtime.ModelError("cannot read the timed array " + file + ": " + e.getMessage());
        }
    }

    public int row(double t) {
        double i = Math.rint(t / epsilon) / k;
        long index = (long) i;
        return (int) Math.max(0, Math.min(rows - 1, index));
    }

    public double at(double t) {
        return values[row(t)];
    }

    public double at(double t, long column) {
        if (column < 0 || column >= columns) {
            throw new dev.myelin.runtime.ModelError("a 2-D timed array has " + columns + " columns, but column " + column
                    + " was asked for; give it one column per neuron of the group that calls it");
        }
        return values[row(t) * columns + (int) column];
    }

    public int columns() {
        return columns;
    }
}
