package ai.automlgen.cli.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one finished cell produced: one line of results.jsonl. {@code status} is the run's terminal status, or
 * REFUSED (the planner refused the request, HTTP 4xx), TIMED_OUT (it outlived its budget by the grace period) or
 * ERROR.
 * Scores are the validation score the search saw and the test grade the evaluator gave against private/.
 * {@code nodesByOperator} counts the graph's nodes by the operator that made them and {@code bestNodeOperator} is
 * the operator of the node the run chose as best, so an ablation shows whether the switched-off operator ever ran
 * in the full search (both null in results written before they were recorded).
 */
public record CellResult(String task, String policy, String variant, long seed, Map<String, String> params,
                         String runId, String status, String reason, String metric, Boolean lowerIsBetter,
                         Double bestValidation, int nodes, int good, int buggy,
                         Map<String, Integer> nodesByOperator, String bestNodeOperator, double wallSeconds,
                         TestGrade finalGrade, Thresholds thresholds, Double firstDraftValidation,
                         TestGrade firstDraftGrade, List<CurvePoint> curve, String finishedAt) {

    /** The statuses the bench gives a cell whose run's own numbers it did not collect (its nodes and wall time). */
    private static final Set<String> WITHOUT_RUN_NUMBERS = Set.of("REFUSED", "TIMED_OUT", "ERROR");

    /** The evaluator's grade of one submission; {@code score} is null when it could not be scored. */
    public record TestGrade(Double score, boolean valid, String medal, boolean aboveMedian, List<String> errors) {
    }

    /** The task's leaderboard thresholds, as the evaluator reports them. */
    public record Thresholds(double gold, double silver, double bronze, double median) {
    }

    /** The best validation score known {@code seconds} after the run was requested. */
    public record CurvePoint(double seconds, double best) {
    }

    public Cell cell() {
        return new Cell(task, policy, variant, seed);
    }

    /** Whether {@code nodes} and {@code wallSeconds} are the run's: false where the cell failed without them. */
    public boolean recordedRun() {
        return !WITHOUT_RUN_NUMBERS.contains(status);
    }

    public boolean valid() {
        return finalGrade != null && finalGrade.valid() && finalGrade.score() != null;
    }

    public boolean aboveMedian() {
        return valid() && finalGrade.aboveMedian();
    }

    public boolean medal() {
        return valid() && finalGrade.medal() != null;
    }

    /** The final submission's normalised test score; null when it is invalid or the thresholds are unknown. */
    public Double normalised() {
        return valid() ? NormalisedScore.of(finalGrade.score(), thresholds, lowerIsBetter) : null;
    }

    public boolean firstDraftValid() {
        return firstDraftGrade != null && firstDraftGrade.valid() && firstDraftGrade.score() != null;
    }
}
