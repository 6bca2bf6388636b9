package ai.automlgen.evaluator.spi;

import ai.automlgen.evaluator.RunRecord;
import ai.automlgen.evaluator.TaskPreparations;
import ai.automlgen.evaluator.TinyTask;
import ai.automlgen.evaluator.Workspace;
import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.Budget;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.TaskSubmitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holdout evaluator on a prepared tiny run, without Kafka. */
class HoldoutEvaluatorTest {
    @TempDir
    Path temp;
    private Workspace workspace;
    private Path task;
    private RunRecord run;
    private final HoldoutEvaluator evaluator = new HoldoutEvaluator(new TaskSpecs());

    @BeforeEach
    void prepareRun() throws IOException {
        workspace = new Workspace(temp.resolve("home"), 0.2);
        task = TinyTask.write(temp.resolve("tiny"));
        new TaskPreparations(workspace).prepare(TaskSubmitted.of("run", task.toString(),
                new Budget(Duration.ofMinutes(1), 1), new RunConfig("mcgs", "knowledge", 1, 4, null, null, null)));
        run = RunRecord.read(workspace.run("run").runRecord()).orElseThrow();
    }

    private ExecutionFinished execution(boolean refit, Path... artifacts) {
        List<ArtifactRef> refs = Arrays.stream(artifacts)
                .map(p -> new ArtifactRef(p.getFileName().toString(), p.toUri().toString(), 0, "")).toList();
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), "run", "n", Instant.now(), Outcome.OK, 0, 1,
                "", "", 0, refs, "test", null, refit);
    }

    @Test
    void refitNeedsOnlyAWellFormedSubmission() throws IOException {
        Path submission = Files.copy(workspace.run("run").input().resolve("sample_submission.csv"), temp.resolve("submission.csv"));
        Verdict verdict = evaluator.evaluate(run, execution(true, submission));
        assertTrue(verdict.valid(), verdict.problems().toString());
        assertNull(verdict.score());
    }

    @Test
    void refitSubmissionMissingIdsIsInvalid() throws IOException {
        Path submission = Files.writeString(temp.resolve("submission.csv"), "id,label\nt0,yes\nt1,no\n");
        Verdict verdict = evaluator.evaluate(run, execution(true, submission));
        assertFalse(verdict.valid());
        assertEquals(List.of("submission.csv: 2 rows, expected 10 (one per id of the sample submission)",
                "submission.csv: 8 ids missing, e.g. t2, t3, t4 (column id)"), verdict.problems());
    }

    @Test
    void searchExecutionWithoutValidPredictionsSaysWhatToWrite() throws IOException {
        Path submission = Files.copy(workspace.run("run").input().resolve("sample_submission.csv"), temp.resolve("submission.csv"));
        Verdict verdict = evaluator.evaluate(run, execution(false, submission));
        assertFalse(verdict.valid());
        assertEquals(List.of("valid_predictions.csv: not produced; the code must write output/valid_predictions.csv, one row per row of input/valid"),
                verdict.problems());
    }

    @Test
    void unreadablePrivateAnswersCostTheTestGradeNotTheValidationScore() throws IOException {
        Files.createDirectories(task.resolve("private"));
        Files.writeString(task.resolve("private/test.csv"), "id,not_the_label\nt0,yes\n");
        Path input = workspace.run("run").input();
        Path predictions = Files.copy(input.resolve("valid_sample_submission.csv"), temp.resolve(ArtifactRef.VALID_PREDICTIONS));
        Path submission = Files.copy(input.resolve("sample_submission.csv"), temp.resolve(ArtifactRef.SUBMISSION));

        Verdict verdict = evaluator.evaluate(run, execution(false, predictions, submission));

        assertTrue(verdict.valid(), verdict.problems().toString());
        assertEquals(0.5, verdict.score());
        assertNull(verdict.testGrade());
    }

    @Test
    void infiniteScoreIsInvalidLikeNaN() throws IOException {
        // r2 against constant validation labels: 1 - residual / 0 = -Infinity
        Path regression = Files.createDirectories(temp.resolve("constant/public")).getParent();
        Files.writeString(regression.resolve("task.yaml"), "metric: r2\ntask_type: regression\nlabel_columns: [y]\n");
        StringBuilder train = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 40; i++) {
            train.append("r").append(i).append(',').append(i).append(",1\n");
        }
        Files.writeString(regression.resolve("public/train.csv"), train);
        Files.writeString(regression.resolve("public/test.csv"), "id,x\nt0,0\n");
        Files.writeString(regression.resolve("public/sample_submission.csv"), "id,y\nt0,0\n");
        new TaskPreparations(workspace).prepare(TaskSubmitted.of("constant", regression.toString(),
                new Budget(Duration.ofMinutes(1), 1), new RunConfig("mcgs", "knowledge", 1, 4, null, null, null)));
        RunRecord constant = RunRecord.read(workspace.run("constant").runRecord()).orElseThrow();
        Path input = workspace.run("constant").input();
        Path predictions = Files.copy(input.resolve("valid_sample_submission.csv"), temp.resolve(ArtifactRef.VALID_PREDICTIONS));
        Path submission = Files.copy(input.resolve("sample_submission.csv"), temp.resolve(ArtifactRef.SUBMISSION));

        Verdict verdict = evaluator.evaluate(constant, execution(false, predictions, submission));

        assertFalse(verdict.valid());
        assertNull(verdict.score());
        assertEquals(List.of("valid_predictions.csv: the r2 score is -Infinity, not a finite number (e.g. for a constant prediction); vary the predictions"),
                verdict.problems());
    }
}
