package ai.automlgen.evaluator.metrics;

/**
 * A scoring rule over aligned truth and prediction columns (column-major: {@code [column][row]}).
 * {@link Input} says how the grader must read the submission's cells before calling it.
 */
public interface Metric {

    /**
     * How a metric reads cells: numbers, numbers that must be probabilities, numbers that must not be
     * negative (log errors, which scikit-learn refuses for them), or raw text labels.
     */
    enum Input {
        NUMBERS, PROBABILITIES, NON_NEGATIVE, LABELS
    }

    String name();

    boolean lowerIsBetter();

    Input input();

    /** Numeric metrics: truth and predictions as numbers; each array is one submission column. */
    default double score(double[][] truth, double[][] predicted) {
        throw new UnsupportedOperationException(name() + " scores labels, not numbers");
    }

    /** Label metrics: truth and predictions as text; each array is one submission column. */
    default double score(String[][] truth, String[][] predicted) {
        throw new UnsupportedOperationException(name() + " scores numbers, not labels");
    }
}
