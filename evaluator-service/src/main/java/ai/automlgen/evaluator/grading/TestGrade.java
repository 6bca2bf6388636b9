package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.medals.Medal;
import ai.automlgen.evaluator.medals.MedalThresholds;

import java.util.List;

/**
 * A submission graded against a task's private answers: the score, whether it is valid (with every
 * problem otherwise), and where it would stand on the leaderboard when the task has one.
 */
public record TestGrade(Double score, boolean valid, List<String> errors, Medal medal, boolean aboveMedian,
                        Integer position, Integer teams, MedalThresholds thresholds, String metric, boolean lowerIsBetter) {
    public TestGrade {
        errors = List.copyOf(errors);
    }
}
