package ai.automlgen.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a task folder (MLE-bench's prepared layout) keeps what only grading reads: the private answers and the
 * Kaggle leaderboard. The evaluator grades with them and {@code automlgen bench} refuses a task without answers
 * before any cell runs; both find them here, so the two cannot disagree about which tasks can be graded.
 */
public final class TaskFolder {
    /** The private answers' names inside {@code private/}, in the order they are looked for. */
    public static final List<String> ANSWER_FILES = List.of("answers.csv.gz", "answers.csv", "test.csv", "test.csv.gz");

    private TaskFolder() {
    }

    /** The task's private answers, the first of {@link #ANSWER_FILES} in {@code private/}; empty outside benchmark mode. */
    public static Optional<Path> privateAnswers(Path task) {
        return ANSWER_FILES.stream().map(name -> task.resolve("private").resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    /** The Kaggle private leaderboard (rank,score), next to public/ or inside private/. */
    public static Optional<Path> leaderboard(Path task) {
        return Stream.of(task.resolve("leaderboard.csv"), task.resolve("private").resolve("leaderboard.csv"))
                .filter(Files::isRegularFile).findFirst();
    }
}
