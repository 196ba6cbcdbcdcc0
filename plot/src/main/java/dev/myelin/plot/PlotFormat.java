package dev.myelin.plot;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The file formats a figure can be written in. */
public enum PlotFormat {
    PNG, SVG;

    /** The file name extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a comma-separated list such as {@code png,svg}; case and spaces do not matter. */
    public static Set<PlotFormat> parseList(String text) {
        Set<PlotFormat> formats = EnumSet.noneOf(PlotFormat.class);
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            switch (name) {
                case "png" -> formats.add(PNG);
                case "svg" -> formats.add(SVG);
                default -> throw new PlotInputError("unknown plot format '" + part.strip() + "'; use png, svg or png,svg");
            }
        }
        if (formats.isEmpty()) throw new PlotInputError("no plot format given; use png, svg or png,svg");
        return formats;
    }
}
