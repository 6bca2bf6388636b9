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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The script evaluator running a task's grade.py with /usr/bin/python3 (needs Python, hence "stack"). */
@Tag("stack")
class ScriptEvaluatorTest {
    @TempDir
    Path temp;
    private Path task;
    private RunRecord run;
    private Path output;
    private final ScriptEvaluator evaluator = new ScriptEvaluator(new TaskSpecs(), "/usr/bin/python3", Duration.ofSeconds(60));

    @BeforeEach
    void prepareRun() throws IOException {
        task = TinyTask.write(temp.resolve("tiny"));
        Workspace workspace = new Workspace(temp.resolve("home"), 0.2);
        new TaskPreparations(workspace).prepare(TaskSubmitted.of("run", task.toString(), new Budget(Duration.ofMinutes(1), 1),
                new RunConfig("mcgs", "knowledge", 1, 4, List.of("script"), "script", Map.of())));
        run = RunRecord.read(workspace.run("run").runRecord()).orElseThrow();
        output = Files.createDirectories(temp.resolve("output"));
        Path input = workspace.run("run").input();
        Files.copy(input.resolve("valid_sample_submission.csv"), output.resolve(ArtifactRef.VALID_PREDICTIONS));
        Files.copy(input.resolve("sample_submission.csv"), output.resolve(ArtifactRef.SUBMISSION));
    }

    private ExecutionFinished execution() {
        List<ArtifactRef> refs = List.of(ArtifactRef.VALID_PREDICTIONS, ArtifactRef.SUBMISSION).stream()
                .map(name -> new ArtifactRef(name, output.resolve(name).toUri().toString(), 0, "")).toList();
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), "run", "n", Instant.now(), Outcome.OK, 0, 1,
                "", "", 0, refs, "test", null, false);
    }

    @Test
    void scoreIsWhatTheTasksGradeFunctionReturns() throws IOException {
        Files.writeString(task.resolve("grade.py"), "def grade(predictions_csv, labels_csv):\n    return len(open(labels_csv).readlines()) - 1\n");
        Verdict verdict = evaluator.evaluate(run, execution());
        assertTrue(verdict.valid(), verdict.problems().toString());
        assertEquals(8.0, verdict.score());
    }

    @Test
    void failingGradeFunctionMakesTheNodeInvalidWithItsError() throws IOException {
        Files.writeString(task.resolve("grade.py"), "def grade(predictions_csv, labels_csv):\n    raise ValueError('labels disagree')\n");
        Verdict verdict = evaluator.evaluate(run, execution());
        assertFalse(verdict.valid());
        assertEquals(List.of("grade.py: failed (exit code 1): ValueError: labels disagree"), verdict.problems());
    }

    @Test
    void taskWithoutGradeScriptSaysWhatToAdd() {
        Verdict verdict = evaluator.evaluate(run, execution());
        assertEquals(List.of(task.toAbsolutePath().normalize() + ": grade.py not found; the script evaluator needs grade(predictions_csv, labels_csv) -> float there"),
                verdict.problems());
    }

    @Test
    void gradeFunctionReturningNanOrInfinityMakesTheNodeInvalidWithTheValue() throws IOException {
        Files.writeString(task.resolve("grade.py"), "def grade(predictions_csv, labels_csv):\n    return float('-inf')\n");
        Verdict verdict = evaluator.evaluate(run, execution());
        assertFalse(verdict.valid());
        assertEquals(List.of("grade.py: returned -inf for these predictions; grade() must return a finite number"), verdict.problems());
    }
}
