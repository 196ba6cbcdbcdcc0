package dev.myelin.runtime.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A synaptic matrix drawn as tiles, as Diehl & Cook show their receptive fields: one rows x cols
 * tile per neuron (its synapses' values, pixel k at row k / cols, column k % cols), tiles in a
 * near-square grid, grey levels from black (the smallest value, or 0 if smaller) to white (the
 * largest). Pixels without a synapse are black.
 */
public final class TileImage {

    private final int tiles, rows, cols, gridColumns, gridRows;
    private final double[] pixels;

    private TileImage(int tiles, int rows, int cols, double[] pixels) {
        this.tiles = tiles;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.gridColumns = Math.max(1, (int) Math.ceil(Math.sqrt(tiles)));
        this.gridRows = Math.max(1, (tiles + gridColumns - 1) / gridColumns);
    }

    /**
     * Synapse s has value {@code values[s]} and belongs to tile {@code tile[s]} at pixel
     * {@code pixel[s]}; the values are copied, so the image keeps them as they are now.
     */
    public static TileImage of(String name, double[] values, int[] tile, int[] pixel, int tiles, int rows, int cols) {
        if (rows < 1 || cols < 1 || (long) rows * cols > 1 << 24) {
            throw new dev.myelin.runtime.ModelError("image " + name + ": a tile of " + rows + " x " + cols + " pixels is not possible; give sizes from 1 up");
        }
        double[] pixels = new double[tiles * rows * cols];
        for (int s = 0; s < values.length; s++) {
            if (pixel[s] >= rows * cols) {
                throw new dev.myelin.runtime.ModelError("image " + name + ": a synapse comes from neuron " + pixel[s] + ", beyond the " + rows + " x " + cols
                        + " = " + rows * cols + " pixels of a tile; choose a shape that holds every neuron");
            }
            pixels[tile[s] * rows * cols + pixel[s]] = values[s];
        }
        return new TileImage(tiles, rows, cols, pixels);
    }

    public int width() {
        return gridColumns * cols;
    }

    public int height() {
        return gridRows * rows;
    }

    /** Grey levels 0-255, row by row; the range is [min(0, smallest), largest]. */
    public int[] greys() {
        double lo = 0, hi = 0;
        for (double p : pixels) {
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        int[] out = new int[width() * height()];
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                int tile = (y / rows) * gridColumns + x / cols;
                double v = tile < tiles ? pixels[tile * rows * cols + (y % rows) * cols + x % cols] : lo;
                out[y * width() + x] = hi > lo ? (int) Math.round(255 * (v - lo) / (hi - lo)) : 0;
            }
        }
        return out;
    }

    public void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, width(), height(), greys());
        if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer available");
    }
}
