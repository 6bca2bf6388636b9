package ai.automlgen.evaluator.metrics;

import java.util.Arrays;

/** 1-based ranks with ties given their average rank (scipy's rankdata "average"). */
final class Ranks {
    private Ranks() {
    }

    static double[] average(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int first = firstIndexOf(sorted, values[i]);
            int last = firstIndexAbove(sorted, values[i]) - 1;
            ranks[i] = (first + last) / 2.0 + 1;
        }
        return ranks;
    }

    private static int firstIndexOf(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstIndexAbove(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], value) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
