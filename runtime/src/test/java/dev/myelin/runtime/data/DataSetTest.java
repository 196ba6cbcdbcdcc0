package dev.myelin.runtime.data;

import static dev.myelin.runtime.data.IdxReaderTest.concat;
import static dev.myelin.runtime.data.IdxReaderTest.header;
import static dev.myelin.runtime.data.IdxReaderTest.images100;
import static dev.myelin.runtime.data.IdxReaderTest.labels100;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.io.NpyWriter;
import dev.myelin.runtime.random.CounterRng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

class DataSetTest {

    @TempDir
    Path dir;

    private static String error(Executable call) {
        return assertThrows(ModelError.class, call).getMessage();
    }

    /** Ten samples whose single feature is their number and whose label is their number mod 3. */
    private DataSet numbered(int count) throws IOException {
        StringBuilder csv = new StringBuilder("x,label\n");
        for (int k = 0; k < count; k++) {
            csv.append(k).append(',').append(k % 3).append('\n');
        }
        return DataSet.fromCsv(Files.writeString(dir.resolve("numbered.csv"), csv));
    }

    private static double[] firstFeatures(DataSet data) {
        double[] out = new double[data.size()];
        double[] one = new double[data.featureCount()];
        for (int k = 0; k < data.size(); k++) {
            data.features(k, one);
            out[k] = one[0];
        }
        return out;
    }

    @Test
    void mnistImagesWithTheirLabels() {
        DataSet data = DataSet.fromIdx(images100(), labels100());
        assertEquals(100, data.size());
        assertEquals(784, data.featureCount());
        assertArrayEquals(new int[] {28, 28}, data.sampleShape());
        assertTrue(data.labelled());
        assertEquals(10, data.classes());
        assertArrayEquals(IdxReaderTest.FIRST_20_LABELS, Arrays.copyOf(data.labels(), 20));
        assertEquals(7, data.label(99));
        int[] perClass = new int[10];
        for (int label : data.labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {6, 16, 9, 13, 9, 10, 11, 12, 7, 7}, perClass);

        double[] pixels = new double[784];
        data.features(0, pixels);
        assertArrayEquals(new double[] {0, 0, 0, 14, 89, 253, 254, 254}, Arrays.copyOfRange(pixels, 152, 160), 0.0);
        assertEquals(25_940, Arrays.stream(pixels).sum(), 0.0);
        data.features(99, pixels);
        assertEquals(12_971, Arrays.stream(pixels).sum(), 0.0);
        assertEquals(images100() + " with labels " + labels100(), data.source());
    }

    @Test
    void featuresGoIntoTheStartOfTheCallersArray() {
        DataSet data = DataSet.fromIdx(images100(), labels100());
        double[] longer = new double[790];
        Arrays.fill(longer, -1);
        data.features(0, longer);
        assertArrayEquals(new double[] {-1, -1, -1, -1, -1, -1}, Arrays.copyOfRange(longer, 784, 790), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.features(0, new double[783]));
        assertEquals("a sample has 784 features; the array holds 783", e.getMessage());
        assertEquals("sample 100 requested but the data set " + data.source() + " has 100 (numbered from 0)",
                error(() -> data.label(100)));
        assertEquals("sample -1 requested but the data set " + data.source() + " has 100 (numbered from 0)",
                error(() -> data.features(-1, longer)));
    }

    @Test
    void imagesAndLabelsMustAgree() throws IOException {
        Path labels99 = Files.write(dir.resolve("labels99.idx"), concat(header(0x08, 99), new byte[99]));
        assertEquals(images100() + " has 100 images but the labels file " + labels99 + " has 99 labels;"
                + " give the labels that belong to these samples", error(() -> DataSet.fromIdx(images100(), labels99)));

        Path labels2d = Files.write(dir.resolve("labels2d.idx"), concat(header(0x08, 50, 2), new byte[100]));
        assertEquals("the labels file " + labels2d + " has 2 dimensions; it must have one, a label for each image of " + images100(),
                error(() -> DataSet.fromIdx(images100(), labels2d)));

        Path flat = Files.write(dir.resolve("flat.idx"), concat(header(0x08, 3), new byte[3]));
        assertEquals("the images file " + flat + " has shape [3]; a data set needs a first dimension counting the samples"
                + " and at least one more (MNIST: [10000, 28, 28])", error(() -> DataSet.fromIdx(flat, labels100())));

        Path signed = Files.write(dir.resolve("signed.idx"), concat(header(0x09, 3), new byte[] {0, -2, 1}));
        Path images3 = Files.write(dir.resolve("images3.idx"), concat(header(0x08, 3, 2), new byte[6]));
        assertEquals("the labels file " + signed + " gives sample 1 the label -2.0; labels must be whole numbers from 0",
                error(() -> DataSet.fromIdx(images3, signed)));
    }

    @Test
    void slicesAreViewsWithCheckedBounds() {
        DataSet data = DataSet.fromIdx(images100(), labels100());
        DataSet slice = data.slice(10, 20);
        assertEquals(10, slice.size());
        assertArrayEquals(Arrays.copyOfRange(data.labels(), 10, 20), slice.labels());
        assertEquals(10, slice.classes());
        double[] fromSlice = new double[784];
        double[] fromData = new double[784];
        slice.features(3, fromSlice);
        data.features(13, fromData);
        assertArrayEquals(fromData, fromSlice, 0.0);
        DataSet inner = slice.slice(2, 4);
        assertArrayEquals(new int[] {data.label(12), data.label(13)}, inner.labels());
        assertEquals(0, data.slice(100, 100).size());

        assertEquals("samples 80..120 requested but the data set " + data.source() + " has 100; samples are numbered from 0",
                error(() -> data.slice(80, 120)));
        assertEquals("samples 5..3 requested but the data set " + data.source() + " has 100; the first must not come after the last",
                error(() -> data.slice(5, 3)));
        assertEquals("samples 3..12 requested but the data set " + data.source() + " has 10; samples are numbered from 0",
                error(() -> slice.slice(3, 12)));
    }

    @Test
    void shufflingIsFisherYatesOnTheCounterGenerator() throws IOException {
        DataSet data = numbered(50);
        double[] shuffled = firstFeatures(data.shuffled(1234));

        // the documented algorithm, redone here
        double[] expected = firstFeatures(data);
        for (int i = expected.length - 1; i > 0; i--) {
            int j = (int) (CounterRng.uniform(1234, 1 << 22, i, 0, 0) * (i + 1));
            double swap = expected[i];
            expected[i] = expected[j];
            expected[j] = swap;
        }
        assertArrayEquals(expected, shuffled, 0.0);
        assertFalse(Arrays.equals(firstFeatures(data), shuffled));
        assertArrayEquals(shuffled, firstFeatures(data.shuffled(1234)), 0.0);
        assertFalse(Arrays.equals(shuffled, firstFeatures(data.shuffled(1235))));

        double[] sorted = shuffled.clone();
        Arrays.sort(sorted);
        assertArrayEquals(firstFeatures(data), sorted, 0.0);
        DataSet again = data.shuffled(1234);
        for (int k = 0; k < again.size(); k++) {
            assertEquals((int) shuffled[k] % 3, again.label(k)); // labels move with their samples
        }
    }

    @Test
    void aShuffledSliceKeepsToItsSamples() throws IOException {
        DataSet slice = numbered(100).slice(40, 60);
        double[] shuffled = firstFeatures(slice.shuffled(7));
        Arrays.sort(shuffled);
        assertArrayEquals(firstFeatures(slice), shuffled, 0.0);
        assertEquals(3, slice.shuffled(7).classes());
        assertEquals(1, numbered(1).shuffled(7).size());
    }

    @Test
    void npyMatricesWithAndWithoutLabels() throws IOException {
        Path features = dir.resolve("x.npy");
        NpyWriter.writeMatrix(features, new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Path labels = dir.resolve("y.npy");
        NpyWriter.write(labels, new int[] {2, 0, 4});

        DataSet data = DataSet.fromNpy(features, labels);
        assertEquals(3, data.size());
        assertArrayEquals(new int[] {2}, data.sampleShape());
        assertArrayEquals(new int[] {2, 0, 4}, data.labels());
        assertEquals(5, data.classes());
        double[] row = new double[2];
        data.features(2, row);
        assertArrayEquals(new double[] {5, 6}, row, 0.0);

        DataSet unlabelled = DataSet.fromNpy(features);
        assertFalse(unlabelled.labelled());
        assertEquals(0, unlabelled.classes());
        unlabelled.features(1, row);
        assertArrayEquals(new double[] {3, 4}, row, 0.0);
        assertEquals("the data set " + features + " has no labels; give a labels file with the samples",
                error(() -> unlabelled.label(0)));

        Path halves = dir.resolve("halves.npy");
        NpyWriter.write(halves, new double[] {1, 1.5, 2});
        assertEquals("the labels file " + halves + " gives sample 1 the label 1.5; labels must be whole numbers from 0",
                error(() -> DataSet.fromNpy(features, halves)));
        Path two = dir.resolve("two.npy");
        NpyWriter.write(two, new int[] {1, 2});
        assertEquals(features + " has 3 samples but the labels file " + two + " has 2 labels; give the labels that belong to these samples",
                error(() -> DataSet.fromNpy(features, two)));
        assertEquals("the NPY file " + two + " has shape [2]; a data set needs a first dimension counting the samples"
                + " and at least one more (MNIST: [10000, 28, 28])", error(() -> DataSet.fromNpy(two)));
        Path missing = dir.resolve("missing.npy");
        assertEquals("the NPY file " + missing + " does not exist; check the file name and its folder",
                error(() -> DataSet.fromNpy(missing)));
        Path text = Files.writeString(dir.resolve("text.npy"), "not numpy");
        assertEquals("cannot read the data set: " + text + ": not a NumPy .npy file (its first bytes are not \\x93NUMPY)",
                error(() -> DataSet.fromNpy(text)));
    }

    @Test
    void csvWithALabelColumnAnywhere() throws IOException {
        Path file = Files.writeString(dir.resolve("d.csv"), "x0, label ,x1\n1,3,2.5\n\n4,0,-5\n");
        DataSet data = DataSet.fromCsv(file);
        assertEquals(2, data.size());
        assertArrayEquals(new int[] {2}, data.sampleShape());
        assertArrayEquals(new int[] {3, 0}, data.labels());
        assertEquals(4, data.classes());
        double[] row = new double[2];
        data.features(0, row);
        assertArrayEquals(new double[] {1, 2.5}, row, 0.0);
        data.features(1, row);
        assertArrayEquals(new double[] {4, -5}, row, 0.0);

        DataSet unlabelled = DataSet.fromCsv(Files.writeString(dir.resolve("u.csv"), "a,b,c\n1,2,3\n"));
        assertFalse(unlabelled.labelled());
        assertEquals(3, unlabelled.featureCount());
        assertEquals(0, DataSet.fromCsv(Files.writeString(dir.resolve("h.csv"), "a,label\n")).size());

        DataSet many = numbered(3000);
        assertEquals(3000, many.size());
        assertEquals(2999, firstFeatures(many)[2999], 0.0);
        assertEquals(2, many.label(2999));
    }

    @Test
    void csvErrorsNameTheLine() throws IOException {
        Path fields = Files.writeString(dir.resolve("fields.csv"), "a,label\n1,2\n3\n");
        assertEquals(fields + ":3: the line has 1 field but the header has 2 columns", error(() -> DataSet.fromCsv(fields)));
        Path word = Files.writeString(dir.resolve("word.csv"), "a,label\n1,2\nx,2\n");
        assertEquals(word + ":3: column 'a' holds 'x', which is not a number", error(() -> DataSet.fromCsv(word)));
        Path label = Files.writeString(dir.resolve("label.csv"), "a,label\n1,2.5\n");
        assertEquals(label + ":2: the label '2.5' is not a whole number from 0", error(() -> DataSet.fromCsv(label)));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals("the CSV file " + empty + " has no header row; its first line must name the columns, e.g. label,x0,x1",
                error(() -> DataSet.fromCsv(empty)));
        Path onlyLabels = Files.writeString(dir.resolve("only.csv"), "label\n1\n");
        assertEquals("the CSV file " + onlyLabels + " has no feature columns; besides 'label' it needs at least one",
                error(() -> DataSet.fromCsv(onlyLabels)));
    }
}
