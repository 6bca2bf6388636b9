package ai.automlgen.executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDirRuleTest {
    private static final Path RUNS = Path.of("/home/u/.automlgen/runs");

    private static Optional<String> problem(String inputDir) {
        return InputDirRule.problem(Path.of(inputDir), RUNS);
    }

    @Test
    void aRunsPreparedInputAndFullFoldersAreAllowed() {
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs/run-1/input"));
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs/run-1/full"));
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs/run-1/input/images"));
    }

    @Test
    void foldersOutsideTheRunsFolderAreAllowed() {
        assertEquals(Optional.empty(), problem("/data/my-task"));
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs-old/run-1/evaluator"));
    }

    @Test
    void aRunsEvaluatorFolderIsRefusedSayingWhatToNameInstead() {
        String problem = problem("/home/u/.automlgen/runs/run-1/evaluator").orElseThrow();
        assertEquals("inputDir /home/u/.automlgen/runs/run-1/evaluator is not a prepared input of its run, and the run's"
                + " evaluator/ folder holds validation labels code must not see: name a run's prepared input/ or full/"
                + " (/home/u/.automlgen/runs/<runId>/input) or a folder outside /home/u/.automlgen/runs", problem);
    }

    @Test
    void aRunsOwnFolderIsRefused() {
        assertTrue(problem("/home/u/.automlgen/runs/run-1").isPresent());
    }

    @Test
    void foldersHoldingTheRunsFolderAreRefused() {
        assertTrue(problem("/home/u/.automlgen/runs").orElseThrow().contains("holds /home/u/.automlgen/runs"));
        assertTrue(problem("/home/u/.automlgen").isPresent());
        assertTrue(problem("/").isPresent());
    }

    @Test
    void aLinkToAnEvaluatorFolderIsRefused(@TempDir Path home) throws IOException {
        Path evaluator = Files.createDirectories(home.resolve("runs/run-1/evaluator"));
        Path link = Files.createSymbolicLink(home.resolve("looks-harmless"), evaluator);
        assertTrue(new InputDirRule(home.resolve("runs")).problem(link).isPresent());
    }
}
