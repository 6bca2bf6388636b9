package ai.automlgen.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One evaluator's verdict on a node: the validation {@code score} under {@code metric}, whether the
 * node's outputs are valid (and if not, every {@code problems} entry says why), and — in benchmark
 * mode only — the submission's {@code testGrade}, which is for reports and never read by the search.
 */
public record EvaluationCompleted(int schemaVersion, UUID eventId, String runId, String nodeId, Instant at,
                                  String evaluatorId, String metric, Double score, boolean lowerIsBetter,
                                  boolean valid, List<String> problems, Grade testGrade) implements RunEvent {
    public EvaluationCompleted {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The first problem, or null: a one-line reason for dashboards. */
    public String reason() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
