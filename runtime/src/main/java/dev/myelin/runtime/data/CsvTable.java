package dev.myelin.runtime.data;

import dev.myelin.runtime.ModelError;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of a CSV file with a header row: the column named {@code label}, if any, gives
 * whole-number labels and every other column a feature. Fields are separated by commas and
 * trimmed; quoting is not supported, since every field must be a number. Blank lines are skipped.
 *
 * @param columns the names of the feature columns, in file order
 * @param values  the features, row-major, {@code rows x columns.size()}
 * @param labels  one label a row, or null when there is no {@code label} column
 */
record CsvTable(List<String> columns, double[] values, int[] labels, int rows) {

    private static final String LABEL = "label";
    private static final String WHAT = "CSV file";

    static CsvTable read(Path file) {
        DataFile.requireReadable(file, WHAT);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new ModelError("the CSV file " + file + " has no header row; its first line must name the columns, e.g. label,x0,x1");
            }
            String[] names = fields(header);
            int labelColumn = List.of(names).indexOf(LABEL);
            List<String> columns = new ArrayList<>(List.of(names));
            if (labelColumn >= 0) {
                columns.remove(labelColumn);
            }
            if (columns.isEmpty()) {
                throw new ModelError("the CSV file " + file + " has no feature columns; besides '" + LABEL + "' it needs at least one");
            }
            int width = columns.size();
            double[] values = new double[1024 * width];
            int[] labels = labelColumn >= 0 ? new int[1024] : null;
            int rows = 0;
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = fields(line);
                if (fields.length != names.length) {
                    throw new ModelError(file + ":" + lineNo + ": the line has " + fields.length + (fields.length == 1 ? " field" : " fields") + " but the header has "
                            + names.length + " columns");
                }
                if ((rows + 1) * width > values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                if (labels != null && rows == labels.length) {
                    labels = Arrays.copyOf(labels, rows * 2);
                }
                int column = 0;
                for (int f = 0; f < fields.length; f++) {
                    double value = number(fields[f], file, lineNo, names[f]);
                    if (f == labelColumn) {
                        labels[rows] = DataSet.wholeLabel(value);
                        if (labels[rows] < 0) {
                            throw new ModelError(file + ":" + lineNo + ": the label '" + fields[f] + "' is not a whole number from 0");
                        }
                    } else {
                        values[rows * width + column++] = value;
                    }
                }
                rows++;
            }
            return new CsvTable(List.copyOf(columns), Arrays.copyOf(values, rows * width),
                    labels == null ? null : Arrays.copyOf(labels, rows), rows);
        } catch (IOException e) {
            throw DataFile.cannotRead(file, WHAT, e);
        }
    }

    private static String[] fields(String line) {
        return line.strip().split("\\s*,\\s*", -1);
    }

    private static double number(String field, Path file, int lineNo, String column) {
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new ModelError(file + ":" + lineNo + ": column '" + column + "' holds '" + field + "', which is not a number");
        }
    }
}
