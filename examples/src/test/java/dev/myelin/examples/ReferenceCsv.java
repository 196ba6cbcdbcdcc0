package dev.myelin.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads Brian2's reference files (spikes.csv: i,t_ms; VAR.csv: t_ms, then one column per index). */
final class ReferenceCsv {

    record Spikes(int[] indices, double[] timesMs) {
    }

    record Trace(double[] timesMs, double[][] columns) {
    }

    private ReferenceCsv() {
    }

    static Spikes spikes(String resource) throws IOException {
        List<String[]> rows = rows(resource);
        int[] i = new int[rows.size()];
        double[] t = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            i[k] = Integer.parseInt(rows.get(k)[0]);
            t[k] = Double.parseDouble(rows.get(k)[1]);
        }
        return new Spikes(i, t);
    }

    static Trace trace(String resource) throws IOException {
        List<String[]> rows = rows(resource);
        int columns = rows.get(0).length - 1;
        double[] t = new double[rows.size()];
        double[][] values = new double[columns][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            t[k] = Double.parseDouble(rows.get(k)[0]);
            for (int c = 0; c < columns; c++) values[c][k] = Double.parseDouble(rows.get(k)[c + 1]);
        }
        return new Trace(t, values);
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> out = new ArrayList<>();
            for (int k = 1; k < lines.length; k++) {
                if (!lines[k].isBlank()) out.add(lines[k].trim().split(","));
            }
            return out;
        }
    }
}
