package ai.automlgen.evaluator.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Metrics over hard class labels (scikit-learn's definitions; labels compared in canonical form). */
final class Classification {
    /** The positive class of binary F1, as scikit-learn's default {@code pos_label=1}. */
    static final String POSITIVE = "1";

    private Classification() {
    }

    static double accuracy(String[] truth, String[] predicted) {
        String[] y = Labels.canonical(truth);
        String[] p = Labels.canonical(predicted);
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i].equals(p[i])) {
                correct++;
            }
        }
        return (double) correct / y.length;
    }

    /** Mean per-class recall over the classes present in the truth. */
    static double balancedAccuracy(String[] truth, String[] predicted) {
        String[] y = Labels.canonical(truth);
        String[] p = Labels.canonical(predicted);
        Map<String, int[]> perClass = new HashMap<>();
        for (int i = 0; i < y.length; i++) {
            int[] counts = perClass.computeIfAbsent(y[i], k -> new int[2]);
            counts[0]++;
            if (y[i].equals(p[i])) {
                counts[1]++;
            }
        }
        double sum = 0;
        for (int[] counts : perClass.values()) {
            sum += (double) counts[1] / counts[0];
        }
        return sum / perClass.size();
    }

    static double f1Binary(String[] truth, String[] predicted) {
        String[] y = Labels.canonical(truth);
        String[] p = Labels.canonical(predicted);
        long[] c = counts(y, p, POSITIVE);
        return f1(c[0], c[1], c[2]);
    }

    /** Unweighted mean of per-class F1 over every label seen in truth or predictions. */
    static double f1Macro(String[] truth, String[] predicted) {
        String[] y = Labels.canonical(truth);
        String[] p = Labels.canonical(predicted);
        TreeSet<String> classes = new TreeSet<>();
        for (int i = 0; i < y.length; i++) {
            classes.add(y[i]);
            classes.add(p[i]);
        }
        double sum = 0;
        for (String c : classes) {
            long[] k = counts(y, p, c);
            sum += f1(k[0], k[1], k[2]);
        }
        return sum / classes.size();
    }

    /** F1 from true positives, false positives and false negatives summed over all classes. */
    static double f1Micro(String[] truth, String[] predicted) {
        String[] y = Labels.canonical(truth);
        String[] p = Labels.canonical(predicted);
        long tp = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i].equals(p[i])) {
                tp++;
            }
        }
        long wrong = y.length - tp;
        return f1(tp, wrong, wrong);
    }

    /** Cohen's kappa with quadratic weights over the sorted union of integer labels. */
    static double quadraticWeightedKappa(String[] truth, String[] predicted) {
        long[] y = integers(truth);
        long[] p = integers(predicted);
        TreeSet<Long> labels = new TreeSet<>();
        for (int i = 0; i < y.length; i++) {
            labels.add(y[i]);
            labels.add(p[i]);
        }
        Map<Long, Integer> index = new HashMap<>();
        for (long label : labels) {
            index.put(label, index.size());
        }
        int k = labels.size();
        double[][] observed = new double[k][k];
        for (int i = 0; i < y.length; i++) {
            observed[index.get(y[i])][index.get(p[i])]++;
        }
        double[] rowSums = new double[k];
        double[] colSums = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowSums[i] += observed[i][j];
                colSums[j] += observed[i][j];
            }
        }
        double n = y.length;
        double weightedObserved = 0;
        double weightedExpected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = (double) (i - j) * (i - j);
                weightedObserved += w * observed[i][j];
                weightedExpected += w * rowSums[i] * colSums[j] / n;
            }
        }
        return 1 - weightedObserved / weightedExpected;
    }

    private static long[] integers(String[] column) {
        long[] out = new long[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = Math.round(Double.parseDouble(Labels.canonical(column[i])));
        }
        return out;
    }

    /** {tp, fp, fn} for one class. */
    private static long[] counts(String[] y, String[] p, String positive) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean actual = y[i].equals(positive);
            boolean guessed = p[i].equals(positive);
            if (actual && guessed) {
                tp++;
            } else if (guessed) {
                fp++;
            } else if (actual) {
                fn++;
            }
        }
        return new long[]{tp, fp, fn};
    }

    /** F1 = 2tp / (2tp + fp + fn), 0 when undefined (scikit-learn's zero_division default). */
    private static double f1(long tp, long fp, long fn) {
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : 2.0 * tp / denominator;
    }
}
