package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the evaluator grades a bench task with, where it looks for it (evaluator-service's TaskSpec): the private
 * answers, without which a cell would run its whole budget and only then grade invalid, and the leaderboard, without
 * which a valid grade has no normalised score or medal.
 */
final class GradingFiles {
    private static final List<String> ANSWERS = List.of("answers.csv.gz", "answers.csv", "test.csv", "test.csv.gz");

    private GradingFiles() {
    }

    /** Refuses the bench when a task has no private answers, naming each such task and where they are looked for. */
    static void requireAnswers(Path suite, List<String> tasks) {
        List<String> unanswered = tasks.stream().filter(task -> !hasAnswers(suite.resolve(task))).toList();
        if (!unanswered.isEmpty()) {
            throw new CliException("no private answers for " + String.join(", ", unanswered) + " in " + suite
                    + " (looked for private/" + String.join(", ", ANSWERS) + "): bench grades every cell against them; "
                    + "add them (MLE-bench's prepared layout) or leave the task out with --tasks");
        }
    }

    /** The tasks with no leaderboard.csv, in the task folder or in private/. */
    static List<String> withoutLeaderboard(Path suite, List<String> tasks) {
        return tasks.stream().filter(task -> !Files.isRegularFile(suite.resolve(task).resolve("leaderboard.csv"))
                && !Files.isRegularFile(suite.resolve(task).resolve("private").resolve("leaderboard.csv"))).toList();
    }

    private static boolean hasAnswers(Path task) {
        return ANSWERS.stream().anyMatch(name -> Files.isRegularFile(task.resolve("private").resolve(name)));
    }
}
