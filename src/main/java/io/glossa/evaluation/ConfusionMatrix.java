package io.glossa.evaluation;

import io.glossa.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts of (expected label, predicted label). Rows are the expected labels, sorted; columns are the same
 * labels, then any other label the model answered (sorted), then {@code unknown} last, always present.
 * Immutable.
 */
public final class ConfusionMatrix {
    private final List<String> rows;
    private final List<String> columns;
    private final int[][] counts;

    private ConfusionMatrix(List<String> rows, List<String> columns, int[][] counts) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.counts = counts;
    }

    /** Builds the matrix from two aligned arrays: expected[i] was answered with predicted[i]. */
    static ConfusionMatrix of(String[] expected, String[] predicted) {
        if (expected.length != predicted.length) {
            throw new IllegalArgumentException("expected and predicted differ in length");
        }
        List<String> rows = new ArrayList<>(new TreeSet<>(Arrays.asList(expected)));
        TreeSet<String> extra = new TreeSet<>(Arrays.asList(predicted));
        extra.removeAll(rows);
        extra.remove(Prediction.UNKNOWN);
        List<String> columns = new ArrayList<>(rows);
        columns.addAll(extra);
        if (!columns.contains(Prediction.UNKNOWN)) {
            columns.add(Prediction.UNKNOWN);
        }

        Map<String, Integer> rowIndex = indexOf(rows);
        Map<String, Integer> columnIndex = indexOf(columns);
        int[][] counts = new int[rows.size()][columns.size()];
        for (int i = 0; i < expected.length; i++) {
            counts[rowIndex.get(expected[i])][columnIndex.get(predicted[i])]++;
        }
        return new ConfusionMatrix(rows, columns, counts);
    }

    private static Map<String, Integer> indexOf(List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return index;
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public int count(int row, int column) {
        return counts[row][column];
    }

    /** Count by label; 0 when either label is not in the matrix. */
    public int count(String expected, String predicted) {
        int r = rows.indexOf(expected);
        int c = columns.indexOf(predicted);
        return r < 0 || c < 0 ? 0 : counts[r][c];
    }

    public int rowTotal(int row) {
        int total = 0;
        for (int c : counts[row]) {
            total += c;
        }
        return total;
    }

    /** Share of the row's texts that got this column's answer (row-normalised rate, 0 for an empty row). */
    public double rate(int row, int column) {
        int total = rowTotal(row);
        return total == 0 ? 0.0 : (double) counts[row][column] / total;
    }

    /** The counts as a fresh array (rows × columns). */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other
                && rows.equals(other.rows)
                && columns.equals(other.columns)
                && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows.hashCode() + columns.hashCode()) + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + rows + "x" + columns;
    }
}
