package ai.automlgen.evaluator.task;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a task folder: the spec (absent when a problem makes it unusable), one
 * human-readable line per inferred field, and every problem found, each as "file: field: message".
 */
public record TaskInspection(Optional<TaskSpec> spec, List<String> inferred, List<String> problems) {
    public TaskInspection {
        inferred = List.copyOf(inferred);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && spec.isPresent();
    }
}
