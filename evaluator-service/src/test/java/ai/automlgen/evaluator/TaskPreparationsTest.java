package ai.automlgen.evaluator;

import ai.automlgen.events.Budget;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.TaskPreparation;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.events.TaskRejected;
import ai.automlgen.events.TaskSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TaskPreparationsTest {
    @TempDir
    Path temp;

    private TaskSubmitted submitted(String runId, Path task, long seed, Map<String, String> params) {
        return TaskSubmitted.of(runId, task.toString(), new Budget(Duration.ofMinutes(1), 1),
                new RunConfig("mcgs", "knowledge", 1, seed, null, null, params));
    }

    @Test
    void redeliveredTaskSubmittedRepublishesTheSamePreparation() throws IOException {
        TaskPreparations preparations = new TaskPreparations(new Workspace(temp.resolve("home"), 0.2));
        Path task = TinyTask.write(temp.resolve("tiny"));

        TaskPrepared first = assertInstanceOf(TaskPrepared.class, preparations.prepare(submitted("r1", task, 1, null)));
        String labels = Files.readString(temp.resolve("home/runs/r1/evaluator/valid_labels.csv"));
        TaskPrepared again = assertInstanceOf(TaskPrepared.class, preparations.prepare(submitted("r1", task, 99, null)));

        assertEquals(first, again);
        assertEquals(labels, Files.readString(temp.resolve("home/runs/r1/evaluator/valid_labels.csv")));
    }

    @Test
    void anotherSeedHoldsOutOtherRows() throws IOException {
        TaskPreparations preparations = new TaskPreparations(new Workspace(temp.resolve("home"), 0.2));
        Path task = TinyTask.write(temp.resolve("tiny"));
        preparations.prepare(submitted("a", task, 1, null));
        preparations.prepare(submitted("b", task, 2, null));
        assertNotEquals(Files.readString(temp.resolve("home/runs/a/evaluator/valid_labels.csv")),
                Files.readString(temp.resolve("home/runs/b/evaluator/valid_labels.csv")));
    }

    @Test
    void runParamsOverrideTheValidationFraction() throws IOException {
        TaskPreparations preparations = new TaskPreparations(new Workspace(temp.resolve("home"), 0.2));
        TaskPrepared prepared = assertInstanceOf(TaskPrepared.class,
                preparations.prepare(submitted("r2", TinyTask.write(temp.resolve("tiny")), 1, Map.of("validation_fraction", "0.5"))));
        assertEquals(20, prepared.inputs().validRows());
    }

    @Test
    void submissionWithoutConfigIsRecordedWithTheHoldoutEvaluator() throws IOException {
        Workspace workspace = new Workspace(temp.resolve("home"), 0.2);
        new TaskPreparations(workspace).prepare(TaskSubmitted.of("r3", TinyTask.write(temp.resolve("tiny")).toString(),
                new Budget(Duration.ofMinutes(1), 1), null));
        assertEquals(List.of("holdout"), RunRecord.read(workspace.run("r3").runRecord()).orElseThrow().config().evaluators());
    }

    @Test
    void runIdThatIsNotAFolderNameIsRejected() throws IOException {
        TaskPreparation answer = new TaskPreparations(new Workspace(temp.resolve("home"), 0.2))
                .prepare(submitted("../escape", TinyTask.write(temp.resolve("tiny")), 1, null));
        assertEquals(List.of("runId: runId '../escape' must be letters, digits, '.', '_' or '-' (it names a folder)"),
                assertInstanceOf(TaskRejected.class, answer).problems());
    }
}
