package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.medals.Leaderboard;
import ai.automlgen.evaluator.medals.Medal;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.TaskFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Benchmark mode: grades a test-set submission against the task's private answers and its leaderboard. */
public final class TestSetGrader {
    private TestSetGrader() {
    }

    public static boolean canGrade(TaskSpec spec) {
        return spec.privateAnswers().isPresent();
    }

    /**
     * @throws IOException when the task's own files (answers, sample, leaderboard) cannot be read;
     *                     a bad submission is an invalid grade, never an exception
     */
    public static TestGrade grade(TaskSpec spec, Path submission) throws IOException {
        Path answers = spec.privateAnswers().orElseThrow(() -> new IllegalArgumentException(
                spec.dir() + " has no private/ answers (looked for private/" + String.join(", ", TaskFolder.ANSWER_FILES)
                        + "); grading needs benchmark mode"));
        SubmissionShape shape = Shapes.of(spec, spec.file(TaskSpec.SAMPLE_SUBMISSION));
        GradeResult result = Grader.grade(submission, shape, answers);
        Optional<Leaderboard> leaderboard = spec.leaderboard().isPresent()
                ? Optional.of(Leaderboard.read(spec.leaderboard().get())) : Optional.empty();
        if (!result.valid() || leaderboard.isEmpty()) {
            return new TestGrade(result.score(), result.valid(), result.problems(), null, false, null,
                    leaderboard.map(l -> l.thresholds().teams()).orElse(null), leaderboard.map(Leaderboard::thresholds).orElse(null),
                    spec.metric(), spec.lowerIsBetter());
        }
        Leaderboard board = leaderboard.get();
        double score = result.score();
        Medal medal = board.thresholds().medal(score);
        return new TestGrade(score, true, List.of(), medal, board.thresholds().aboveMedian(score), board.position(score),
                board.thresholds().teams(), board.thresholds(), spec.metric(), spec.lowerIsBetter());
    }
}
