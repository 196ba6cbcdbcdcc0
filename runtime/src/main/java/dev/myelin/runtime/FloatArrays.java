package dev.myelin.runtime;

/**
 * Conversions between the double values Myelin reads and writes (NPY files, checkpoints, the Java
 * API) and synaptic variables stored as float ({@code --precision float}).
 */
public final class FloatArrays {

    private FloatArrays() {
    }

    /** Copies {@code values} into {@code into}, each rounded to the nearest float. */
    public static void narrow(double[] values, float[] into) {
        for (int k = 0; k < values.length; k++) into[k] = (float) values[k];
    }

    public static float[] narrowed(double[] values) {
        float[] out = new float[values.length];
        narrow(values, out);
        return out;
    }

    /** Exact: every float is a double. */
    public static double[] widened(float[] values, int length) {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) out[k] = values[k];
        return out;
    }
}
