package ai.automlgen.events;

import java.util.List;
import java.util.Map;

/**
 * A task as coders see it once the evaluator has read and validated {@code task.yaml}: what to
 * predict, how it is scored, and the competition text. {@code files} names the original public
 * files by role (train, test, sample_submission, and extras such as images).
 */
public record TaskInfo(String name, String modality, String taskType, String metric, boolean lowerIsBetter,
                       String idColumn, List<String> labelColumns, List<String> submissionColumns,
                       Map<String, String> files, String description, String notes) {
    public TaskInfo {
        labelColumns = labelColumns == null ? List.of() : List.copyOf(labelColumns);
        submissionColumns = submissionColumns == null ? List.of() : List.copyOf(submissionColumns);
        files = files == null ? Map.of() : Map.copyOf(files);
    }
}
