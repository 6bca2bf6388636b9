package ai.automlgen.evaluator.grading;

import java.util.List;

/**
 * A submission scored against answers: {@code valid} when its format is right (then {@code score}
 * is set, possibly NaN when the metric is undefined for it); otherwise every problem found.
 */
public record GradeResult(Double score, boolean valid, List<String> problems) {
    public GradeResult {
        problems = List.copyOf(problems);
    }

    public static GradeResult invalid(List<String> problems) {
        return new GradeResult(null, false, problems);
    }
}
