package ai.automlgen.evaluator;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.prepare.RunFolders;
import ai.automlgen.evaluator.spi.ScriptEvaluator;
import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.Budget;
import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.TaskPreparation;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.events.TaskRejected;
import ai.automlgen.events.TaskSubmitted;
import ai.automlgen.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on the real Kafka: TaskSubmitted → TaskPrepared, ExecutionFinished → EvaluationCompleted. Needs the local stack. */
@QuarkusTest
@Tag("stack")
class KafkaRoundTripTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Workspace workspace;

    @TempDir
    Path temp;

    @Test
    void taskSubmittedIsPreparedWithHeldOutLabelsOutsideInput() throws IOException {
        String runId = "eval-test-" + UUID.randomUUID();
        TaskPrepared prepared = prepare(runId, TinyTask.write(temp.resolve("tiny")), new RunConfig("mcgs", "knowledge", 1, 11, null, null, null));

        assertEquals("tiny", prepared.task().name());
        assertEquals(8, prepared.inputs().validRows());
        assertEquals(32, prepared.inputs().trainRows());
        assertEquals(10, prepared.inputs().testRows());
        assertEquals(workspace.run(runId).input().toString(), prepared.inputs().inputDir());
        assertEquals(List.of("id", "x"), Csv.header(workspace.run(runId).input().resolve(prepared.inputs().files().get("valid"))));
        assertTrue(Files.isRegularFile(workspace.run(runId).validLabels()));
    }

    @Test
    void badTaskIsRejectedWithEveryProblem() throws IOException {
        String runId = "eval-test-" + UUID.randomUUID();
        Path task = TinyTask.write(temp.resolve("bad"));
        Files.writeString(task.resolve("task.yaml"), "metric: acuracy\nlabel_columns: [target]\n");
        try (KafkaClient kafka = new KafkaClient(Topics.TASK_PREPARATIONS)) {
            TaskPreparation answer = kafka.await(TaskPreparation.class, p -> p.runId().equals(runId), Topics.TASKS,
                    TaskSubmitted.of(runId, task.toString(), new Budget(Duration.ofMinutes(5), 3), null), WAIT);
            TaskRejected rejected = assertInstanceOf(TaskRejected.class, answer);
            assertEquals(2, rejected.problems().size(), rejected.problems().toString());
            assertTrue(rejected.problems().get(0).startsWith("task.yaml: metric: unknown metric 'acuracy'"), rejected.problems().get(0));
            assertTrue(rejected.problems().get(1).startsWith("task.yaml: label_columns: column 'target' not in public/train.csv"), rejected.problems().get(1));
        }
    }

    @Test
    void executionWithTwoWrongValidPredictionsScoresSixOfEight() throws IOException {
        String runId = "eval-test-" + UUID.randomUUID();
        prepare(runId, TinyTask.write(temp.resolve("tiny")), new RunConfig("mcgs", "knowledge", 1, 5, null, null, null));
        ExecutionFinished execution = finished(runId, "node-1", Outcome.OK, predictionsWithWrongRows(workspace.run(runId), 2));

        EvaluationCompleted evaluation = evaluate(execution);

        assertEquals("holdout", evaluation.evaluatorId());
        assertTrue(evaluation.valid(), evaluation.problems().toString());
        assertEquals("accuracy", evaluation.metric());
        assertEquals(6.0 / 8, evaluation.score(), 1e-12);
        assertFalse(evaluation.lowerIsBetter());
        assertNull(evaluation.testGrade());
    }

    @Test
    void failedExecutionIsInvalidAndSaysWhy() throws IOException {
        String runId = "eval-test-" + UUID.randomUUID();
        prepare(runId, TinyTask.write(temp.resolve("tiny")), new RunConfig("mcgs", "knowledge", 1, 5, null, null, null));
        ExecutionFinished crashed = new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, "node-2", Instant.now(),
                Outcome.ERROR, 1, 1200, "", "Traceback (most recent call last):\nKeyError: 'label'\n", 10, List.of(), "test", null, false);

        EvaluationCompleted evaluation = evaluate(crashed);

        assertFalse(evaluation.valid());
        assertNull(evaluation.score());
        assertEquals(List.of("execution ended with ERROR (exit code 1): KeyError: 'label'"), evaluation.problems());
    }

    @Test
    void scriptEvaluatorReplacesTheDefaultWhenTheRunNamesIt() throws IOException {
        String runId = "eval-test-" + UUID.randomUUID();
        Path task = TinyTask.write(temp.resolve("scripted"));
        Files.writeString(task.resolve(ScriptEvaluator.SCRIPT), """
                import csv
                def grade(predictions_csv, labels_csv):
                    truth = {r['id']: r['label'] for r in csv.DictReader(open(labels_csv))}
                    rows = list(csv.DictReader(open(predictions_csv)))
                    wrong = sum(1 for r in rows if r['label'] != truth[r['id']])
                    return float(wrong)
                """);
        prepare(runId, task, new RunConfig("mcgs", "knowledge", 1, 5, List.of("script"), "script", Map.of()));
        ExecutionFinished execution = finished(runId, "node-3", Outcome.OK, predictionsWithWrongRows(workspace.run(runId), 3));

        EvaluationCompleted evaluation = evaluate(execution);

        assertEquals("script", evaluation.evaluatorId());
        assertTrue(evaluation.valid(), evaluation.problems().toString());
        assertEquals(3.0, evaluation.score());
    }

    @Test
    void benchmarkTaskGetsATestGradeBesideItsValidationScore() throws IOException {
        String runId = "eval-test-" + UUID.randomUUID();
        TaskPrepared prepared = prepare(runId, Bench.task("spaceship-titanic"), new RunConfig("mcgs", "knowledge", 1, 3, null, null, null));
        Path output = Files.createDirectories(temp.resolve("output"));
        Path input = Path.of(prepared.inputs().inputDir());
        Files.copy(input.resolve(prepared.inputs().files().get("valid_sample_submission")), output.resolve(ArtifactRef.VALID_PREDICTIONS));
        Files.copy(input.resolve(prepared.inputs().files().get("sample_submission")), output.resolve(ArtifactRef.SUBMISSION));

        EvaluationCompleted evaluation = evaluate(finished(runId, "node-4", Outcome.OK, output));

        assertTrue(evaluation.valid(), evaluation.problems().toString());
        assertEquals(0.503448275862069, evaluation.testGrade().score(), 1e-12);
        assertTrue(evaluation.testGrade().valid());
        assertNull(evaluation.testGrade().medal());
        assertFalse(evaluation.testGrade().aboveMedian());
    }

    private TaskPrepared prepare(String runId, Path task, RunConfig config) {
        try (KafkaClient kafka = new KafkaClient(Topics.TASK_PREPARATIONS)) {
            TaskPreparation answer = kafka.await(TaskPreparation.class, p -> p.runId().equals(runId), Topics.TASKS,
                    TaskSubmitted.of(runId, task.toString(), new Budget(Duration.ofMinutes(5), 3), config), WAIT);
            return assertInstanceOf(TaskPrepared.class, answer, answer.toString());
        }
    }

    private EvaluationCompleted evaluate(ExecutionFinished execution) {
        try (KafkaClient kafka = new KafkaClient(Topics.EVALUATIONS)) {
            return kafka.await(EvaluationCompleted.class,
                    e -> e.runId().equals(execution.runId()) && e.nodeId().equals(execution.nodeId()),
                    Topics.EXECUTION_RESULTS, execution, WAIT);
        }
    }

    /** valid_predictions.csv from the held-out labels with the first {@code wrong} rows flipped, plus a well-formed submission. */
    private Path predictionsWithWrongRows(RunFolders run, int wrong) throws IOException {
        Path output = Files.createDirectories(temp.resolve("output-" + UUID.randomUUID()));
        List<String> lines = new ArrayList<>(List.of("id,label"));
        try (CSVParser labels = Csv.open(run.validLabels())) {
            int i = 0;
            for (CSVRecord row : labels) {
                String label = row.get("label");
                String predicted = i++ < wrong ? (label.equals("yes") ? "no" : "yes") : label;
                lines.add(row.get("id") + "," + predicted);
            }
        }
        Files.write(output.resolve(ArtifactRef.VALID_PREDICTIONS), lines);
        Files.copy(run.input().resolve("sample_submission.csv"), output.resolve(ArtifactRef.SUBMISSION));
        return output;
    }

    private static ExecutionFinished finished(String runId, String nodeId, Outcome outcome, Path output) {
        List<ArtifactRef> artifacts = List.of(artifact(output.resolve(ArtifactRef.VALID_PREDICTIONS)),
                artifact(output.resolve(ArtifactRef.SUBMISSION)));
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(), outcome, 0, 900,
                "", "", 0, artifacts, "test", null, false);
    }

    private static ArtifactRef artifact(Path file) {
        return new ArtifactRef(file.getFileName().toString(), file.toUri().toString(), 0, "");
    }
}
