package ai.automlgen.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user gets wrong is refused before any run starts, with a message naming the problem. */
class BadInputTest {
    @TempDir
    Path temp;

    @Test
    void missingTaskFolderIsNamed() throws Exception {
        Launcher.Result result = Launcher.run(10, "solve", "/no/such/task");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("task folder /no/such/task does not exist"), result.stderr());
    }

    @Test
    void taskWithoutTrainFileAndWithUnknownMetricIsRefusedWithEveryProblem() throws Exception {
        Path task = Files.createTempDirectory(temp, "bad-task");
        Files.createDirectories(task.resolve("public"));
        Files.writeString(task.resolve("public/test.csv"), "id,x\n1,2\n");
        Files.writeString(task.resolve("task.yaml"), """
                name: bad
                metric: accuracy_of_vibes
                id_column: id
                label_columns: [y]
                files: {train: train.csv, test: test.csv}
                """);
        Launcher.Result result = Launcher.run(10, "solve", task.toString(), "--json");
        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("accuracy_of_vibes"), result.stderr());
        assertTrue(result.stderr().contains("train.csv"), result.stderr());
        assertTrue(result.stdout().isBlank(), "no run may start: " + result.stdout());
    }

    @Test
    void unreachablePlannerIsNamedWithHowToStartIt() throws Exception {
        Launcher.Result result = Launcher.run(Map.of("AUTOMLGEN_PLANNER_URL", "http://127.0.0.1:9"), 10, "runs");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("not reachable at http://127.0.0.1:9"), result.stderr());
        assertTrue(result.stderr().contains("./automlgen up"), result.stderr());
    }
}
