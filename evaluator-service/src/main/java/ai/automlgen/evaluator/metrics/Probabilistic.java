package ai.automlgen.evaluator.metrics;

/** Metrics over predicted probabilities or scores: log loss and ROC AUC. */
final class Probabilistic {
    /** Kaggle's (and scikit-learn's historical) clipping bound for log loss. */
    static final double LOG_LOSS_EPS = 1e-15;

    private Probabilistic() {
    }

    /**
     * Log loss. One column: binary, truth 0/1, prediction P(1). Several columns: truth one-hot,
     * predictions per class. Probabilities are clipped to [eps, 1-eps] and each row renormalised.
     */
    static double logLoss(double[][] truth, double[][] predicted) {
        int rows = predicted[0].length;
        int classes = predicted.length == 1 ? 2 : predicted.length;
        double total = 0;
        double[] p = new double[classes];
        double[] y = new double[classes];
        for (int i = 0; i < rows; i++) {
            if (predicted.length == 1) {
                // Binary: clip P(1) first, then take its complement (scikit-learn's order, Kaggle's formula).
                p[1] = clip(predicted[0][i]);
                p[0] = 1 - p[1];
                y[1] = truth[0][i];
                y[0] = 1 - truth[0][i];
            } else {
                for (int c = 0; c < classes; c++) {
                    p[c] = clip(predicted[c][i]);
                    y[c] = truth[c][i];
                }
            }
            double rowSum = 0;
            for (double v : p) {
                rowSum += v;
            }
            for (int c = 0; c < classes; c++) {
                if (y[c] != 0) {
                    total -= y[c] * Math.log(p[c] / rowSum);
                }
            }
        }
        return total / rows;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    }

    /** Mean over columns of each column's binary ROC AUC (one column: plain binary AUC; one-hot: one-vs-rest macro). */
    static double rocAucColumnMean(double[][] truth, double[][] predicted) {
        double sum = 0;
        for (int c = 0; c < truth.length; c++) {
            sum += rocAuc(truth[c], predicted[c]);
        }
        return sum / truth.length;
    }

    /**
     * Binary ROC AUC as the Mann-Whitney statistic with tied scores sharing their average rank;
     * NaN when the truth holds a single class (undefined, as scikit-learn refuses it).
     */
    static double rocAuc(double[] truth, double[] scores) {
        double[] ranks = Ranks.average(scores);
        long positives = 0;
        double positiveRankSum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] > 0.5) {
                positives++;
                positiveRankSum += ranks[i];
            }
        }
        long negatives = truth.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
