package dev.myelin.runtime.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

class ReadoutTest {

    @TempDir
    Path dir;

    private static String error(Executable call) {
        return assertThrows(ModelError.class, call).getMessage();
    }

    private static ResponseMatrix matrix(int classes, int[] labels, double[][] rows) {
        ResponseMatrix matrix = new ResponseMatrix(rows[0].length, classes);
        for (int s = 0; s < rows.length; s++) {
            matrix.add(labels[s], rows[s]);
        }
        return matrix;
    }

    /**
     * Six neurons, four classes (class 3 has no samples). Means by class (rows) and neuron:
     * <pre>
     *   class 0 (3 samples): 2    0    1/3  0  1  1
     *   class 1 (1 sample):  0    3    0    0  1  0
     *   class 2 (2 samples): 1    0    1    0  1  1
     * </pre>
     * Neuron 0 favours class 0, neuron 1 class 1, neuron 2 class 2 (1 against 1/3); neuron 3
     * never responds; neuron 4 ties three classes, neuron 5 ties classes 0 and 2.
     */
    private static ResponseMatrix labelling() {
        return matrix(4, new int[] {0, 1, 2, 0, 2, 0}, new double[][] {
            {3, 0, 1, 0, 1, 1},
            {0, 3, 0, 0, 1, 0},
            {2, 0, 0, 0, 2, 2},
            {3, 0, 0, 0, 0, 1},
            {0, 0, 2, 0, 0, 0},
            {0, 0, 0, 0, 2, 1},
        });
    }

    @Test
    void neuronsTakeTheClassOfTheirHighestMeanResponse() {
        LabelAssignment assignment = LabelAssignment.fit(labelling());
        assertArrayEquals(new int[] {0, 1, 2, LabelAssignment.UNASSIGNED, 0, 0}, assignment.toArray());
        assertEquals(6, assignment.neurons());
        assertEquals(4, assignment.classes());
        assertEquals(3, assignment.neuronsOf(0));
        assertEquals(1, assignment.neuronsOf(1));
        assertEquals(1, assignment.neuronsOf(2));
        assertEquals(0, assignment.neuronsOf(3));
        assertEquals(1, assignment.unassigned());
    }

    @Test
    void theMeanNotTheSumDecides() {
        // class 0: 4 samples summing to 4 (mean 1); class 1: 1 sample of 3 (mean 3)
        ResponseMatrix responses = matrix(2, new int[] {0, 0, 0, 0, 1}, new double[][] {{1}, {1}, {1}, {1}, {3}});
        assertEquals(1, LabelAssignment.fit(responses).classOf(0));
    }

    @Test
    void aSilentNeuronStaysUnassignedAsInDiehlsCode() {
        ResponseMatrix responses = matrix(3, new int[] {0, 1, 2}, new double[][] {{0, 5}, {0, 5}, {0, 5}});
        assertArrayEquals(new int[] {LabelAssignment.UNASSIGNED, 0}, LabelAssignment.fit(responses).toArray());
        assertArrayEquals(new int[] {-1, -1}, LabelAssignment.fit(new ResponseMatrix(2, 3)).toArray());
    }

    /** Neurons 0 and 1 stand for class 0, 2 for class 1, 3 for class 2, 4 for none; class 3 has none. */
    private static LabelAssignment assignment() {
        return LabelAssignment.of(new int[] {0, 0, 1, 2, -1}, 4);
    }

    /**
     * Per sample: the responses, the class means (0, 1, 2) and the outcome.
     * <pre>
     *   A label 0: [2 0 1 0 9]  1, 1, 0    tie of 0 and 1: 0 (right; neuron 4 is ignored)
     *   B label 2: [1 1 3 0 0]  1, 3, 0    1 (wrong)
     *   C label 1: [0 0 0 0 5]  0, 0, 0    NONE: only the unassigned neuron fired
     *   D label 3: [0 0 0 0 0]  0, 0, 0    NONE: silent
     *   E label 2: [4 0 1 3 0]  2, 1, 3    2 (right; class 0 has the larger sum, 4)
     * </pre>
     */
    private static ResponseMatrix testing() {
        return matrix(4, new int[] {0, 2, 1, 3, 2}, new double[][] {
            {2, 0, 1, 0, 9},
            {1, 1, 3, 0, 0},
            {0, 0, 0, 0, 5},
            {0, 0, 0, 0, 0},
            {4, 0, 1, 3, 0},
        });
    }

    @Test
    void samplesAreVotedForByTheMeanOfEachClasssNeurons() {
        Prediction prediction = Prediction.of(testing(), assignment());
        assertArrayEquals(new int[] {0, 1, Prediction.NONE, Prediction.NONE, 2}, prediction.toArray());
        assertEquals(5, prediction.samples());
        assertEquals(2, prediction.label(1));
        assertEquals(1, prediction.silentSamples());
        assertEquals(0, Prediction.predict(assignment(), new double[] {2, 0, 1, 0, 9}));
        assertEquals(Prediction.NONE, Prediction.predict(assignment(), new double[5]));
    }

    @Test
    void metricsCountRightWrongAndUnpredicted() {
        Metrics metrics = Metrics.of(Prediction.of(testing(), assignment()));
        assertEquals(5, metrics.samples());
        assertEquals(2, metrics.correct());
        assertEquals(0.4, metrics.accuracy(), 0.0);
        assertEquals(1, metrics.silentSamples());
        assertEquals(2, metrics.unpredictedSamples());
        assertArrayEquals(new int[] {
            1, 0, 0, 0,
            0, 0, 0, 0,
            0, 1, 1, 0,
            0, 0, 0, 0,
        }, metrics.confusion());
        assertEquals(1, metrics.confusion(2, 1));
        int[] samplesOf = new int[4];
        int[] correctOf = new int[4];
        for (int c = 0; c < 4; c++) {
            samplesOf[c] = metrics.samplesOf(c);
            correctOf[c] = metrics.correctOf(c);
        }
        assertArrayEquals(new int[] {1, 1, 2, 1}, samplesOf);
        assertArrayEquals(new int[] {1, 0, 1, 0}, correctOf);
        assertTrue(Double.isNaN(Metrics.of(Prediction.of(new ResponseMatrix(5, 4), assignment())).accuracy()));
    }

    @Test
    void fittingAndPredictingTheSameSamples() {
        ResponseMatrix responses = labelling();
        Prediction prediction = Prediction.of(responses, LabelAssignment.fit(responses));
        // class means of the assigned neurons, per sample (class 0: neurons 0, 4, 5):
        // [5/3, 0, 1] [1/3, 3, 0] [2, 0, 0] [4/3, 0, 0] [0, 0, 2] [1, 0, 0]
        assertArrayEquals(new int[] {0, 1, 0, 0, 2, 0}, prediction.toArray());
        Metrics metrics = Metrics.of(prediction);
        assertEquals(5, metrics.correct()); // only sample 2 (class 2) is missed
        assertEquals(1, metrics.confusion(2, 0));
        assertEquals(0, metrics.silentSamples());
        assertEquals(0, metrics.unpredictedSamples());
    }

    @Test
    void metricsAreWrittenAsJsonAndNpy() throws IOException {
        Metrics.of(Prediction.of(testing(), assignment())).write(dir.resolve("readout"), Map.of("seconds_per_sample", Map.of("test", 0.5)));
        String json = Files.readString(dir.resolve("readout").resolve("metrics.json"));
        assertEquals("""
                {
                  "samples": 5,
                  "correct": 2,
                  "accuracy": 0.4,
                  "classes": 4,
                  "class_samples": [
                    1,
                    1,
                    2,
                    1
                  ],
                  "class_correct": [
                    1,
                    0,
                    1,
                    0
                  ],
                  "silent_samples": 1,
                  "unpredicted_samples": 2,
                  "confusion_file": "confusion.npy",
                  "seconds_per_sample": {
                    "test": 0.5
                  }
                }
                """, json);
        NpyArray confusion = NpyReader.read(dir.resolve("readout").resolve("confusion.npy"));
        assertEquals("<i4", confusion.dtype());
        assertArrayEquals(new int[] {4, 4}, confusion.shape());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0}, confusion.asInts());
    }

    @Test
    void responsesAreAddedSampleBySample() {
        ResponseMatrix matrix = new ResponseMatrix(3, 2);
        for (int s = 0; s < 40; s++) {
            matrix.add(s % 2, new long[] {s, 0, 2L * s});
        }
        assertEquals(40, matrix.samples());
        assertEquals(3, matrix.neurons());
        assertEquals(2, matrix.classes());
        assertEquals(1, matrix.label(39));
        assertEquals(78.0, matrix.response(39, 2), 0.0);
        double[] row = new double[3];
        matrix.responses(17, row);
        assertArrayEquals(new double[] {17, 0, 34}, row, 0.0);
        assertTrue(matrix.silent(0));
        assertFalse(matrix.silent(1));
        matrix.add(0, new double[] {0.5, 0, 0});
        assertEquals(0.5, matrix.response(40, 0), 0.0);
    }

    @Test
    void badInputIsAModelError() {
        ResponseMatrix matrix = new ResponseMatrix(3, 10);
        assertEquals("sample 0 has the label 10 but the readout knows 10 classes, 0..9", error(() -> matrix.add(10, new long[3])));
        assertEquals("sample 0 has responses of 4 neurons but the readout watches 3", error(() -> matrix.add(1, new long[4])));
        assertEquals("neuron 1 responded -1.0 to sample 0; responses must be spike counts or rates, finite and not negative",
                error(() -> matrix.add(1, new double[] {0, -1, 0})));
        assertEquals("neuron 2 responded NaN to sample 0; responses must be spike counts or rates, finite and not negative",
                error(() -> matrix.add(1, new double[] {0, 0, Double.NaN})));
        assertEquals(0, matrix.samples()); // a refused sample is not counted
        assertEquals("a readout needs labelled samples of at least one class, not 0 classes", error(() -> new ResponseMatrix(3, 0)));
        assertEquals("a readout needs at least one neuron, not 0", error(() -> new ResponseMatrix(0, 10)));
        assertEquals("neuron 1 is assigned class 4 but there are 4 classes, 0..3 (-1: unassigned)",
                error(() -> LabelAssignment.of(new int[] {0, 4}, 4)));
        assertEquals("the responses are of 3 neurons and 10 classes but the assignment is of 5 neurons and 4 classes",
                error(() -> Prediction.of(matrix, assignment())));
        assertEquals("responses of 3 neurons given but the assignment is of 5", error(() -> Prediction.predict(assignment(), new double[3])));
    }
}
