package ai.automlgen.evaluator.grading;

import java.util.Arrays;

/** A growable column of doubles (primitive, so millions of cells cost 8 bytes each). */
final class NumberColumn {
    private double[] values;
    private int size;

    NumberColumn(int expectedSize) {
        values = new double[Math.max(16, expectedSize)];
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1));
        }
        values[size++] = value;
    }

    double get(int i) {
        return values[i];
    }

    /** The values, trimmed to size; the column must not be used afterwards. */
    double[] toArray() {
        double[] out = size == values.length ? values : Arrays.copyOf(values, size);
        values = null;
        return out;
    }
}
