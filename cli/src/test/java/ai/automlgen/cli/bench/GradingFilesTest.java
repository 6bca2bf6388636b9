package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradingFilesTest {
    @TempDir
    Path suite;

    private void task(String name, String... files) throws Exception {
        Files.createDirectories(suite.resolve(name).resolve("private"));
        Files.writeString(suite.resolve(name).resolve("task.yaml"), "name: " + name + "\n");
        for (String file : files) {
            Files.writeString(suite.resolve(name).resolve(file), "x\n");
        }
    }

    @Test
    void tasksWithPrivateAnswersCanBeBenched() throws Exception {
        task("a", "private/test.csv");
        task("b", "private/answers.csv.gz");
        assertDoesNotThrow(() -> GradingFiles.requireAnswers(suite, List.of("a", "b")));
    }

    @Test
    void theBenchIsRefusedNamingEachTaskWithoutAnswers() throws Exception {
        task("a", "private/test.csv");
        task("no-answers", "leaderboard.csv");
        task("public-only");
        CliException e = assertThrows(CliException.class,
                () -> GradingFiles.requireAnswers(suite, List.of("a", "no-answers", "public-only")));
        assertEquals("no private answers for no-answers, public-only in " + suite + " (looked for "
                + "private/answers.csv.gz, answers.csv, test.csv, test.csv.gz): bench grades every cell against them; "
                + "add them (MLE-bench's prepared layout) or leave the task out with --tasks", e.getMessage());
    }

    @Test
    void aLeaderboardIsFoundNextToPublicOrInPrivate() throws Exception {
        task("beside", "private/test.csv", "leaderboard.csv");
        task("inside", "private/test.csv", "private/leaderboard.csv");
        task("none", "private/test.csv");
        assertEquals(List.of("none"), GradingFiles.withoutLeaderboard(suite, List.of("beside", "inside", "none")));
    }
}
