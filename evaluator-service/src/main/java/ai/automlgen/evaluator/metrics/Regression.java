package ai.automlgen.evaluator.metrics;

/** Metrics over real-valued predictions; several columns are pooled or averaged as each says. */
final class Regression {
    private Regression() {
    }

    /** Root mean squared error over every cell of every column (per-pixel RMSE when cells are pixels). */
    static double rmse(double[][] truth, double[][] predicted) {
        double sum = 0;
        long n = 0;
        for (int c = 0; c < truth.length; c++) {
            for (int i = 0; i < truth[c].length; i++) {
                double d = predicted[c][i] - truth[c][i];
                sum += d * d;
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }

    static double mae(double[][] truth, double[][] predicted) {
        double sum = 0;
        long n = 0;
        for (int c = 0; c < truth.length; c++) {
            for (int i = 0; i < truth[c].length; i++) {
                sum += Math.abs(predicted[c][i] - truth[c][i]);
                n++;
            }
        }
        return sum / n;
    }

    /** RMSE of log(1 + x) over every cell; graded submissions hold no negative predictions (Input.NON_NEGATIVE). */
    static double rmsle(double[][] truth, double[][] predicted) {
        double sum = 0;
        long n = 0;
        for (int c = 0; c < truth.length; c++) {
            for (int i = 0; i < truth[c].length; i++) {
                double d = Math.log1p(predicted[c][i]) - Math.log1p(truth[c][i]);
                sum += d * d;
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }

    /** Mean over columns of each column's RMSLE (Nomad2018's metric). */
    static double meanColumnwiseRmsle(double[][] truth, double[][] predicted) {
        double sum = 0;
        for (int c = 0; c < truth.length; c++) {
            sum += rmsle(new double[][]{truth[c]}, new double[][]{predicted[c]});
        }
        return sum / truth.length;
    }

    /** Coefficient of determination, averaged uniformly over columns (scikit-learn's r2_score). */
    static double r2(double[][] truth, double[][] predicted) {
        double sum = 0;
        for (int c = 0; c < truth.length; c++) {
            double mean = mean(truth[c]);
            double residual = 0;
            double total = 0;
            for (int i = 0; i < truth[c].length; i++) {
                double r = truth[c][i] - predicted[c][i];
                double t = truth[c][i] - mean;
                residual += r * r;
                total += t * t;
            }
            sum += 1 - residual / total;
        }
        return sum / truth.length;
    }

    /** Pearson correlation of the first column; NaN for a constant column, as numpy gives. */
    static double pearson(double[][] truth, double[][] predicted) {
        return pearson(truth[0], predicted[0]);
    }

    static double spearman(double[][] truth, double[][] predicted) {
        return pearson(Ranks.average(truth[0]), Ranks.average(predicted[0]));
    }

    static double pearson(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
