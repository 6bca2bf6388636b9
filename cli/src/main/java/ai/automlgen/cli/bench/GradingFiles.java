package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import ai.automlgen.events.TaskFolder;

import java.nio.file.Path;
import java.util.List;

/**
 * What the evaluator grades a bench task with, found where the evaluator finds it ({@link TaskFolder}): the private
 * answers, without which a cell would run its whole budget and only then grade invalid, and the leaderboard, without
 * which a valid grade has no normalised score or medal.
 */
final class GradingFiles {
    private GradingFiles() {
    }

    /** Refuses the bench when a task has no private answers, naming each such task and where they are looked for. */
    static void requireAnswers(Path suite, List<String> tasks) {
        List<String> unanswered = tasks.stream()
                .filter(task -> TaskFolder.privateAnswers(suite.resolve(task)).isEmpty()).toList();
        if (!unanswered.isEmpty()) {
            throw new CliException("no private answers for " + String.join(", ", unanswered) + " in " + suite
                    + " (looked for private/" + String.join(", ", TaskFolder.ANSWER_FILES) + "): bench grades every cell against them; "
                    + "add them (MLE-bench's prepared layout) or leave the task out with --tasks");
        }
    }

    /** The tasks with no leaderboard.csv, in the task folder or in private/. */
    static List<String> withoutLeaderboard(Path suite, List<String> tasks) {
        return tasks.stream().filter(task -> TaskFolder.leaderboard(suite.resolve(task)).isEmpty()).toList();
    }
}
