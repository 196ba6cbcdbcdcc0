package dev.myelin.runtime.data;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import dev.myelin.runtime.random.CounterRng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * An ordered collection of samples for an experiment protocol: each sample has a feature vector
 * (an image's pixels, flattened row-major, 0..255 for MNIST's unsigned bytes) and, when the data
 * are labelled, a whole-number label from 0. Samples are numbered from 0.
 *
 * <p>The features stay as the file stored them (one byte a pixel for idx files) and are widened
 * to double only when copied out, so a training loop copies each sample into one reused array.
 * {@link #slice} and {@link #shuffled} are views: they share the features and reorder only an
 * array of sample numbers. Every problem a user can cause is a {@link ModelError}.
 */
public final class DataSet {

    /** The random stream of shuffles, apart from those of groups (from 0), connects (2^20) and Poisson inputs (2^21). */
    static final int SHUFFLE_STREAM = 1 << 22;

    /** Copies the features of stored sample {@code sample} into the start of {@code into}. */
    private interface Features {
        void copy(int sample, double[] into);
    }

    private final String source;
    private final int[] sampleShape;
    private final int featureCount;
    private final Features features;
    /** Per stored sample; null when the data are unlabelled. */
    private final int[] labels;
    private final int classes;
    /** The stored sample behind each sample of this view: order[start + k] for sample k. */
    private final int[] order;
    private final int start;
    private final int size;

    private DataSet(String source, int[] sampleShape, Features features, int[] labels, int classes, int[] order, int start, int size) {
        this.source = source;
        this.sampleShape = sampleShape;
        this.featureCount = IdxReader.elementCount(sampleShape);
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.order = order;
        this.start = start;
        this.size = size;
    }

    /** A data set of all {@code count} stored samples in stored order; {@code labels} may be null. */
    private static DataSet inFileOrder(String source, int count, int[] sampleShape, Features features, int[] labels) {
        int classes = 0;
        if (labels != null) {
            for (int label : labels) {
                classes = Math.max(classes, label + 1);
            }
        }
        int[] order = new int[count];
        Arrays.setAll(order, k -> k);
        return new DataSet(source, sampleShape, features, labels, classes, order, 0, count);
    }

    /** Images from an idx file whose first dimension counts them, with their labels from a one-dimensional idx file. */
    public static DataSet fromIdx(Path images, Path labels) {
        IdxArray pixels = IdxReader.read(images);
        int count = requireSamples(pixels.shape(), images, "images");
        IdxArray classes = IdxReader.read(labels);
        if (classes.shape().length != 1) {
            throw new ModelError("the labels file " + labels + " has " + classes.shape().length
                    + " dimensions; it must have one, a label for each image of " + images);
        }
        requireSameCount(images, count, "images", labels, classes.size());
        int[] sampleShape = Arrays.copyOfRange(pixels.shape(), 1, pixels.shape().length);
        int stride = IdxReader.elementCount(sampleShape);
        return inFileOrder(images + " with labels " + labels, count, sampleShape,
                (sample, into) -> pixels.copyTo(sample * stride, into, 0, stride), wholeLabels(labels, count, classes::get));
    }

    /** Unlabelled samples from an NPY array whose first dimension counts them. */
    public static DataSet fromNpy(Path features) {
        return fromNpy(features, null);
    }

    /**
     * Samples from an NPY array whose first dimension counts them, with their labels from an NPY
     * file of one whole number a sample; {@code labels} may be null for unlabelled data.
     */
    public static DataSet fromNpy(Path features, Path labels) {
        NpyArray values = readNpy(features);
        int count = requireSamples(values.shape(), features, "NPY");
        int[] sampleShape = Arrays.copyOfRange(values.shape(), 1, values.shape().length);
        int stride = IdxReader.elementCount(sampleShape);
        double[] data = values.data();
        Features copier = (sample, into) -> System.arraycopy(data, sample * stride, into, 0, stride);
        if (labels == null) {
            return inFileOrder(features.toString(), count, sampleShape, copier, null);
        }
        NpyArray classes = readNpy(labels);
        requireSameCount(features, count, "samples", labels, classes.size());
        return inFileOrder(features + " with labels " + labels, count, sampleShape, copier,
                wholeLabels(labels, count, i -> classes.data()[i]));
    }

    /**
     * Samples from a CSV file with a header row: the column named {@code label}, if there is one,
     * holds the labels and every other column is a feature ({@code values}).
     */
    public static DataSet fromCsv(Path file) {
        CsvTable table = CsvTable.read(file);
        int columns = table.columns().size();
        double[] data = table.values();
        return inFileOrder(file.toString(), table.rows(), new int[] {columns},
                (sample, into) -> System.arraycopy(data, sample * columns, into, 0, columns), table.labels());
    }

    /** Where the samples came from, for messages. */
    public String source() {
        return source;
    }

    public int size() {
        return size;
    }

    /** The length of a sample's feature vector: the product of {@link #sampleShape}. */
    public int featureCount() {
        return featureCount;
    }

    /** The shape of one sample, e.g. [28, 28] for MNIST. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    public boolean labelled() {
        return labels != null;
    }

    /**
     * The number of classes: one more than the largest label in the whole file, so that slices
     * and shuffles of one file agree; 0 for unlabelled data.
     */
    public int classes() {
        return classes;
    }

    /** The label of sample {@code k}. */
    public int label(int k) {
        return storedLabels()[stored(k)];
    }

    /** The labels of all samples, in this data set's order. */
    public int[] labels() {
        int[] stored = storedLabels();
        int[] out = new int[size];
        for (int k = 0; k < size; k++) {
            out[k] = stored[order[start + k]];
        }
        return out;
    }

    /**
     * Copies the features of sample {@code k} into {@code into[0 .. featureCount())}, as doubles;
     * allocates nothing, so a loop over samples can reuse one array.
     */
    public void features(int k, double[] into) {
        if (into.length < featureCount) {
            throw new IllegalArgumentException("a sample has " + featureCount + " features; the array holds " + into.length);
        }
        features.copy(stored(k), into);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), sharing this data set's storage. */
    public DataSet slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new ModelError("samples " + from + ".." + to + " requested but the data set " + source + " has " + size
                    + (from > to ? "; the first must not come after the last" : "; samples are numbered from 0"));
        }
        return new DataSet(source, sampleShape, features, labels, classes, order, start + from, to - from);
    }

    /**
     * The same samples in a random order that depends only on {@code seed} and on this data
     * set's order: Durstenfeld's Fisher-Yates shuffle, which for i = size-1 down to 1 swaps
     * samples i and j = floor(u * (i + 1)), u = {@link CounterRng#uniform}(seed, 2^22, i, 0, 0).
     * Each j is a pure function of (seed, i), so a shuffle is the same on every machine and can
     * be redone in NumPy; u has 53 bits, so the bias of j is below size / 2^53.
     */
    public DataSet shuffled(long seed) {
        int[] shuffled = Arrays.copyOfRange(order, start, start + size);
        for (int i = size - 1; i > 0; i--) {
            int j = (int) (CounterRng.uniform(seed, SHUFFLE_STREAM, i, 0, 0) * (i + 1));
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        return new DataSet(source, sampleShape, features, labels, classes, shuffled, 0, size);
    }

    @Override
    public String toString() {
        return "DataSet[" + size + " samples of shape " + Arrays.toString(sampleShape) + " from " + source + "]";
    }

    private int[] storedLabels() {
        if (labels == null) {
            throw new ModelError("the data set " + source + " has no labels; give a labels file with the samples");
        }
        return labels;
    }

    /** The stored sample behind sample {@code k}. */
    private int stored(int k) {
        if (k < 0 || k >= size) {
            throw new ModelError("sample " + k + " requested but the data set " + source + " has " + size
                    + " (numbered from 0)");
        }
        return order[start + k];
    }

    private static NpyArray readNpy(Path file) {
        DataFile.requireReadable(file, "NPY file");
        try {
            return NpyReader.read(file);
        } catch (IOException e) {
            throw new ModelError("cannot read the data set: " + e.getMessage());
        }
    }

    /** The number of samples in an array whose first dimension counts them, which needs one more. */
    private static int requireSamples(int[] shape, Path file, String what) {
        if (shape.length < 2) {
            throw new ModelError("the " + what + " file " + file + " has shape " + Arrays.toString(shape)
                    + "; a data set needs a first dimension counting the samples and at least one more (MNIST: [10000, 28, 28])");
        }
        return shape[0];
    }

    private static void requireSameCount(Path samples, int count, String what, Path labels, int labelCount) {
        if (labelCount != count) {
            throw new ModelError(samples + " has " + count + " " + what + " but the labels file " + labels + " has "
                    + labelCount + " labels; give the labels that belong to these samples");
        }
    }

    /** The labels as ints, each checked to be a whole number from 0. */
    private static int[] wholeLabels(Path file, int count, IntToDoubleFunction value) {
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            labels[k] = wholeLabel(value.applyAsDouble(k));
            if (labels[k] < 0) {
                throw new ModelError("the labels file " + file + " gives sample " + k + " the label " + value.applyAsDouble(k)
                        + "; labels must be whole numbers from 0");
            }
        }
        return labels;
    }

    /** The label {@code value} stands for, or -1 when it is not a whole number from 0. */
    static int wholeLabel(double value) {
        return value >= 0 && value <= Integer.MAX_VALUE - 8 && value == Math.rint(value) ? (int) value : -1;
    }
}
