package dev.myelin.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes a figure as {@code NAME.png} and/or {@code NAME.svg} into a directory. */
final class FigureWriter {

    private FigureWriter() {
    }

    static List<Path> write(Figure figure, Path dir, Set<PlotFormat> formats) throws IOException {
        List<Path> written = new ArrayList<>();
        for (PlotFormat format : PlotFormat.values()) {
            if (!formats.contains(format)) continue;
            Path file = dir.resolve(figure.name() + "." + format.extension());
            switch (format) {
                case PNG -> {
                    // Straight to the file: given a stream, ImageIO buffers through a temporary
                    // file whose cleanup is a shutdown hook, and adding one fails once the JVM is
                    // shutting down, which is when run --plot draws after a Ctrl-C.
                    if (!ImageIO.write(BitmapEncoder.getBufferedImage(figure.chart()), "png", file.toFile())) {
                        throw new IOException("no PNG writer in this Java runtime");
                    }
                }
                case SVG -> {
                    ByteArrayOutputStream svg = new ByteArrayOutputStream();
                    VectorGraphicsEncoder.saveVectorGraphic(figure.chart(), svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                    Files.writeString(file, withTitle(svg.toString(StandardCharsets.UTF_8), figure.labels()));
                }
            }
            written.add(file);
        }
        return written;
    }

    /**
     * Adds SVG's own {@code <title>} and {@code <desc>} elements after the opening {@code <svg>}
     * tag. XChart draws every letter as an outline, so without them the file holds no text at
     * all: viewers could not name it, screen readers could not read it, grep could not find it.
     */
    static String withTitle(String svg, Labels labels) {
        int root = svg.indexOf("<svg");
        int end = root < 0 ? -1 : svg.indexOf('>', root);
        if (end < 0) return svg;
        String metadata = "\n  <title>" + escape(labels.title()) + "</title>\n  <desc>x: " + escape(labels.x())
                + "; y: " + escape(labels.y()) + "</desc>";
        return svg.substring(0, end + 1) + metadata + svg.substring(end + 1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
