package ai.automlgen.evaluator.task;

import ai.automlgen.events.TaskFolder;
import ai.automlgen.events.TaskInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task as the evaluator reads it: task.yaml with every omitted field inferred. {@code files} maps
 * roles (train, test, sample_submission, train_targets) to paths relative to {@code public/}.
 */
public record TaskSpec(Path dir, String name, String title, String modality, String taskType, String metric,
                       boolean lowerIsBetter, String idColumn, List<String> labelColumns,
                       List<String> submissionColumns, Map<String, String> files, String groupColumn,
                       MatchRule match, String notes, String description) {
    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final String SAMPLE_SUBMISSION = "sample_submission";
    public static final String TRAIN_TARGETS = "train_targets";
    /** The task's own scoring function beside task.yaml, run by the script evaluator. */
    public static final String GRADE_SCRIPT = "grade.py";

    public TaskSpec {
        labelColumns = List.copyOf(labelColumns);
        submissionColumns = List.copyOf(submissionColumns);
        files = Map.copyOf(files);
    }

    public Path publicDir() {
        return dir.resolve("public");
    }

    public Path file(String role) {
        return publicDir().resolve(files.get(role));
    }

    public Optional<Path> optionalFile(String role) {
        return files.containsKey(role) ? Optional.of(file(role)) : Optional.empty();
    }

    public DataFormat trainFormat() {
        return DataFormat.of(file(TRAIN));
    }

    public boolean isClassification() {
        return taskType.equals("binary") || taskType.equals("multiclass");
    }

    /** Benchmark mode: the task folder holds the private answers. */
    public Optional<Path> privateAnswers() {
        return TaskFolder.privateAnswers(dir);
    }

    /** The Kaggle private leaderboard (rank,score), next to public/ or inside private/. */
    public Optional<Path> leaderboard() {
        return TaskFolder.leaderboard(dir);
    }

    public TaskInfo info() {
        return new TaskInfo(name, modality, taskType, metric, lowerIsBetter, idColumn, labelColumns,
                submissionColumns, files, description, notes);
    }
}
