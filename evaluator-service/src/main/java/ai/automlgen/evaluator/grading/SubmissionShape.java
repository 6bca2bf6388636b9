package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.metrics.Metric;
import ai.automlgen.evaluator.task.MatchRule;

import java.util.List;

/**
 * What a submission file must look like and how it is scored: exactly the {@code columns} of its
 * sample (in any order), one row per id of the answers, {@code scored} columns read as the metric needs.
 */
public record SubmissionShape(List<String> columns, String idColumn, List<String> scored, Metric metric, MatchRule match) {
    public SubmissionShape {
        columns = List.copyOf(columns);
        scored = List.copyOf(scored);
    }
}
