package dev.myelin.runtime.io;

import dev.myelin.runtime.ModelError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TileImageTest {

    @TempDir
    Path dir;

    /** 3 neurons, 2 x 2 tiles: a 2 x 2 grid of tiles, the fourth empty; values scaled from 0 to the largest. */
    @Test
    void eachNeuronIsATileInANearSquareGrid() throws Exception {
        // Synapse s: tile s / 4, pixel s % 4, value s (0 .. 11).
        int n = 12;
        double[] values = new double[n];
        int[] tile = new int[n], pixel = new int[n];
        for (int s = 0; s < n; s++) {
            values[s] = s;
            tile[s] = s / 4;
            pixel[s] = s % 4;
        }
        TileImage image = TileImage.of("rf", values, tile, pixel, 3, 2, 2);
        assertEquals(4, image.width());
        assertEquals(4, image.height());
        int g = 255;
        assertArrayEquals(new int[] {
                0, Math.round(g / 11f), Math.round(4 * g / 11f), Math.round(5 * g / 11f),
                Math.round(2 * g / 11f), Math.round(3 * g / 11f), Math.round(6 * g / 11f), Math.round(7 * g / 11f),
                Math.round(8 * g / 11f), Math.round(9 * g / 11f), 0, 0,
                Math.round(10 * g / 11f), 255, 0, 0}, image.greys());
        image.writePng(dir.resolve("rf.png"));
        BufferedImage read = ImageIO.read(dir.resolve("rf.png").toFile());
        assertEquals(4, read.getWidth());
        assertEquals(255, read.getRaster().getSample(1, 3, 0));
    }

    @Test
    void aNeuronBeyondTheTileIsAnErrorThatSaysWhatToDo() {
        ModelError e = assertThrows(ModelError.class, () -> TileImage.of("rf", new double[] {1}, new int[] {0}, new int[] {784}, 1, 28, 28));
        assertEquals("image rf: a synapse comes from neuron 784, beyond the 28 x 28 = 784 pixels of a tile; choose a shape that holds every neuron", e.getMessage());
    }
}
